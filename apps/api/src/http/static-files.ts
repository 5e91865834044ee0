import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The H5 builds the API serves when WEB_ROOT is set, each at `/<app>/`. */
export const WEB_APPS = ['mall', 'campaign', 'tools'] as const;

/** `app.1a2b3c4d.js`: webpack's [contenthash:8] (config/taro-config.js h5.output). */
const CONTENT_HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;

/**
 * A content-hashed file never changes under its name, so browsers keep it a year without
 * asking; everything else (index.html above all, which names the current hashes) is
 * revalidated on every load, a cheap 304 through ETag / Last-Modified.
 */
export function cacheControlFor(path: string): string {
  const name = basename(path).replace(/\.(br|gz)$/, '');
  return CONTENT_HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Text files served compressed (precompressed .br/.gz, or by @fastify/compress when small). */
const COMPRESSIBLE = /\.(js|css|html|json|svg|txt|map)(\.(br|gz))?$/i;

/**
 * Every representation of a text file, the plain one included, depends on Accept-Encoding:
 * without `Vary` a shared cache (CDN, proxy) could hand a stored br body to a client that
 * cannot decode it. @fastify/static's precompressed mode does not set it.
 */
export function varyFor(path: string): string | undefined {
  return COMPRESSIBLE.test(path) ? 'accept-encoding' : undefined;
}

/**
 * `/static/` serves product, category and avatar images from apps/api/assets, cached for a
 * day. With a web root, each H5 build is served at its prefix; the apps use hash routing,
 * so the prefix root's index.html is the only page and no SPA fallback is needed. The H5
 * build writes `.br` / `.gz` beside each text file (scripts/lib/precompress.mjs), served
 * here by Accept-Encoding instead of compressing per request.
 */
export async function registerStaticFiles(
  app: FastifyInstance,
  options: { assetsDir: string; webRoot: string | null },
): Promise<void> {
  await app.register(fastifyStatic, {
    root: options.assetsDir,
    prefix: '/static/',
    index: false,
    maxAge: '1d',
  });
  if (!options.webRoot) return;

  for (const name of WEB_APPS) {
    const root = join(options.webRoot, name);
    // Files are looked up per request, so a build that appears later is served without a restart.
    if (!existsSync(join(root, 'index.html'))) app.log.warn({ root }, `no H5 build for ${name} yet`);
    await app.register(fastifyStatic, {
      root,
      // Without the trailing slash, so @fastify/static also redirects `/mall` to `/mall/`.
      prefix: `/${name}`,
      decorateReply: false,
      redirect: true,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', cacheControlFor(path));
        const vary = varyFor(path);
        if (vary) res.setHeader('vary', vary);
      },
    });
  }
  app.get('/', async (_request, reply) => reply.redirect('/mall/', 302));
}
