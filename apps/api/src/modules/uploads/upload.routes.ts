import { createHash } from 'node:crypto';
import {
  MAX_UPLOAD_BYTES,
  sniffImageType,
  UPLOAD_EXTENSIONS,
  UPLOAD_IMAGE_TYPES,
  type UploadResponse,
} from '@wematrix/shared';
import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import { HttpError } from '../../http/app-error';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import type { FileStorage } from './file-storage';
import { multipartFile } from './multipart';
import { UploadError } from './upload.errors';
import { recordUpload } from './upload.repository';
import { createUploadUrl } from './upload-url';

/** Room for a multipart body's boundaries, part headers and small form fields around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** What /uploads/ serves: content-hashed names only, so nothing else in the folder is reachable. */
const UPLOAD_KEY = /^[0-9a-f]{64}\.(jpg|png|webp)$/;
const TYPE_OF_EXTENSION: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/**
 * Photo uploads (POST /api/uploads) and serving them (GET /uploads/<key>). Registered in its
 * own scope, so the image and multipart body parsers (5 MB) exist for this route only and
 * every other route keeps the 1 MB JSON limit.
 */
export function registerUploadRoutes(app: FastifyInstance, deps: RouteDeps, storage: FileStorage): void {
  const uploadUrl = createUploadUrl(deps.config.publicBaseUrl);

  app.register(async (scope) => {
    const keepBuffer = (_request: unknown, body: Buffer | string, done: (err: null, body: Buffer) => void) =>
      done(null, typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    scope.addContentTypeParser([...UPLOAD_IMAGE_TYPES], { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, keepBuffer);
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES },
      keepBuffer,
    );

    // Signed in before the body is read: nobody else gets 5 MB into memory.
    const onRequest = deps.requireUser as unknown as onRequestAsyncHookHandler;
    scope.post('/api/uploads', { onRequest }, async (request, reply): Promise<UploadResponse> => {
      const userId = currentUserId(request);
      if (!Buffer.isBuffer(request.body)) {
        throw new HttpError('UNSUPPORTED_MEDIA_TYPE', {
          messageEn: 'Send the image as the body (image/jpeg, image/png, image/webp) or as multipart/form-data',
        });
      }
      let bytes: Buffer = request.body;
      const contentType = request.headers['content-type'] ?? '';
      if (/^multipart\/form-data/i.test(contentType)) {
        const file = multipartFile(request.body, contentType);
        if (!file) {
          throw new HttpError('VALIDATION_FAILED', { messageEn: 'The multipart body has no file part' });
        }
        bytes = file.bytes;
      }
      if (bytes.length > MAX_UPLOAD_BYTES) throw new HttpError('PAYLOAD_TOO_LARGE');
      // The declared type is the sender's word; the bytes decide (a renamed .exe is refused).
      const type = sniffImageType(bytes);
      if (!type) throw new UploadError('UPLOAD_NOT_IMAGE');
      const key = `${createHash('sha256').update(bytes).digest('hex')}.${UPLOAD_EXTENSIONS[type]}`;
      await storage.put(key, bytes);
      const row = await recordUpload(deps.db, {
        userId,
        key,
        contentType: type,
        bytes: bytes.length,
        now: deps.clock(),
      });
      reply.code(201);
      return { id: row.id, url: uploadUrl(row.key) };
    });
  });

  // Content-hashed keys never change under their name: cached for a year, never revalidated.
  app.get('/uploads/:key', async (request, reply) => {
    const { key } = request.params as { key: string };
    const extension = UPLOAD_KEY.exec(key)?.[1];
    const bytes = extension ? await storage.get(key) : null;
    if (!extension || !bytes) throw new HttpError('NOT_FOUND', { messageEn: 'No such upload' });
    return reply
      .header('content-type', TYPE_OF_EXTENSION[extension] ?? 'application/octet-stream')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(bytes);
  });
}
