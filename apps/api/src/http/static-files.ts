import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The H5 builds the API serves when WEB_ROOT is set, each at `/<app>/`. */
export const WEB_APPS = ['mall', 'campaign', 'tools'] as const;

/**
 * `/static/` serves product, category and avatar images from apps/api/assets. With a web
 * root, each H5 build is served at its prefix; the apps use hash routing, so the prefix
 * root's index.html is the only page and no SPA fallback is needed. Images are cached for
 * a day; the H5 files are always revalidated.
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
      // Revalidate everything (ETag / Last-Modified make that a cheap 304): bundles are
      // rebuilt in place during development and index.html must always be current.
      cacheControl: false,
      setHeaders: (res) => {
        res.setHeader('cache-control', 'no-cache');
      },
    });
  }
  app.get('/', async (_request, reply) => reply.redirect('/mall/', 302));
}
