import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.json', '.svg', '.txt', '.map']);
/** Below this a compressed copy saves less than its extra request headers cost. */
const MIN_BYTES = 1024;

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Writes `<file>.br` and `<file>.gz` next to every compressible file of a build, at the
 * highest levels (done once per build, so the API's @fastify/static `preCompressed` serves
 * them without compressing per request). A copy that is not smaller is not written.
 * Returns what was written, for the build log.
 */
export function precompressDir(dir) {
  const summary = { files: 0, rawBytes: 0, brBytes: 0, gzBytes: 0 };
  for (const path of walk(dir)) {
    if (!COMPRESSIBLE.has(extname(path))) continue;
    const raw = readFileSync(path);
    if (statSync(path).size < MIN_BYTES) continue;
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = gzipSync(raw, { level: 9 });
    if (br.length < raw.length) writeFileSync(`${path}.br`, br);
    if (gz.length < raw.length) writeFileSync(`${path}.gz`, gz);
    summary.files += 1;
    summary.rawBytes += raw.length;
    summary.brBytes += Math.min(br.length, raw.length);
    summary.gzBytes += Math.min(gz.length, raw.length);
  }
  return summary;
}
