import { randomBytes } from 'node:crypto';
import { type UploadResponse, uploadResponseSchema } from '@wematrix/shared';
import { expect } from 'vitest';
import { bearer, expectContract, type TestApp } from '../../test/test-app';

/** A 1×1 PNG (a real, complete file). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** JPEG magic (SOI + APP0) and `size` bytes in all: unique per call, so each is a new file. */
export function jpegBytes(size = 256): Buffer {
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  return Buffer.concat([head, randomBytes(Math.max(0, size - head.length))]);
}

/** POST /api/uploads with the image as the raw body; must succeed. */
export async function uploadPhoto(t: TestApp, token: string, bytes: Buffer = jpegBytes()): Promise<UploadResponse> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: { ...bearer(token), 'content-type': 'image/jpeg' },
    payload: bytes,
  });
  expect(response.statusCode, response.body).toBe(201);
  return expectContract(uploadResponseSchema, response);
}
