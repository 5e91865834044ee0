import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * br / gzip for responses above 1 KB (a product page's JSON shrinks about 5×; smaller ones
 * would not repay the work). Brotli at quality 4, the plugin's default: compressing per
 * request at the maximum costs more CPU than the bytes are worth. Static H5 files arrive
 * precompressed (static-files.ts) and already carry their Content-Encoding, so they pass.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
}
