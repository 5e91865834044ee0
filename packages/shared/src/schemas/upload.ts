import { z } from 'zod';

/**
 * `POST /api/uploads` (signed in): the image itself as the request body, `Content-Type`
 * image/jpeg, image/png or image/webp (or multipart/form-data with one file part, as
 * Taro.uploadFile sends), at most 5 MB (MAX_UPLOAD_BYTES). The bytes must really be that
 * image type (magic numbers). The answer's `id` goes into a review's or an after-sale's
 * `photos`; `url` shows it.
 */
export const uploadResponseSchema = z.object({
  id: z.string(),
  /** Absolute URL under /uploads/, content-hashed, cacheable for a year. */
  url: z.string(),
});
export type UploadResponse = z.infer<typeof uploadResponseSchema>;
