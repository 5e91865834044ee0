// H5 bundle sizes: JS and CSS, raw and gzip, in total and for the first load (what index.html references).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { listPackageFiles } from './size-scan.mjs';

/**
 * Pure: the asset paths index.html loads up front, relative to the build root.
 * `publicPath` ('/mall/') is stripped so '/mall/js/app.1a2b.js' becomes 'js/app.1a2b.js'.
 */
export function initialAssets(indexHtml, publicPath) {
  const refs = [
    ...indexHtml.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
    ...indexHtml.matchAll(/<link[^>]*\shref="([^"]+\.css)"/g),
  ].map((match) => match[1]);
  return refs
    .filter((ref) => !/^(https?:)?\/\//.test(ref))
    .map((ref) => (ref.startsWith(publicPath) ? ref.slice(publicPath.length) : ref.replace(/^\.?\//, '')));
}

/**
 * Measures an app's H5 build (apps/<app>/dist/h5).
 * @returns {{ app: string, jsBytes: number, jsGzipBytes: number, cssGzipBytes: number,
 *             initialJsGzipBytes: number, initialCssGzipBytes: number, jsFiles: number }}
 */
export function measureH5(app, dir) {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) throw new Error(`no H5 build output: ${index} does not exist`);
  const initial = new Set(initialAssets(readFileSync(index, 'utf8'), `/${app}/`));
  const result = {
    app,
    jsBytes: 0,
    jsGzipBytes: 0,
    cssGzipBytes: 0,
    initialJsGzipBytes: 0,
    initialCssGzipBytes: 0,
    jsFiles: 0,
  };
  for (const file of listPackageFiles(dir, [])) {
    const isJs = file.path.endsWith('.js');
    const isCss = file.path.endsWith('.css');
    if (!isJs && !isCss) continue;
    const gzipBytes = gzipSync(readFileSync(join(dir, file.path)), { level: 9 }).length;
    if (isJs) {
      result.jsFiles += 1;
      result.jsBytes += file.bytes;
      result.jsGzipBytes += gzipBytes;
      if (initial.has(file.path)) result.initialJsGzipBytes += gzipBytes;
    } else {
      result.cssGzipBytes += gzipBytes;
      if (initial.has(file.path)) result.initialCssGzipBytes += gzipBytes;
    }
  }
  return result;
}
