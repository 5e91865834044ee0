import { createHash } from 'node:crypto';
import { MAX_UPLOAD_BYTES } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { jpegBytes, PNG_1X1, uploadPhoto } from './upload.fixtures';

describe.each(testDatabases())('uploads on $name', (database) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(database);
    token = await freshShopper(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (payload: Buffer, contentType: string, headers: Record<string, string> = bearer(token)) =>
    t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { ...headers, 'content-type': contentType },
      payload,
    });
  const uploadCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('uploads')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stores a PNG under its content hash, records it for the shopper and serves it for a year', async () => {
    const answer = await uploadPhoto(t, token, PNG_1X1);
    const key = `${createHash('sha256').update(PNG_1X1).digest('hex')}.png`;
    expect(answer.url).toBe(`http://shop.test/uploads/${key}`);
    const row = await t.db.selectFrom('uploads').selectAll().where('id', '=', answer.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ key, content_type: 'image/png', bytes: PNG_1X1.length });

    const served = await t.app.inject({ method: 'GET', url: `/uploads/${key}` });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.equals(PNG_1X1)).toBe(true);

    // The same file again by the same shopper: the same upload.
    expect(await uploadPhoto(t, token, PNG_1X1)).toEqual(answer);
  });

  it('accepts JPEG and WebP, and stores a file by what its bytes are, not what it was called', async () => {
    const jpeg = await uploadPhoto(t, token, jpegBytes());
    expect(jpeg.url).toMatch(/\.jpg$/);
    const webp = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(32, 1)]);
    const answer = await post(webp, 'image/webp');
    expect(answer.statusCode, answer.body).toBe(201);
    expect(answer.json().url).toMatch(/\.webp$/);
    // A PNG declared as image/jpeg is a PNG.
    const declaredWrong = await post(PNG_1X1, 'image/jpeg');
    expect(declaredWrong.statusCode, declaredWrong.body).toBe(201);
    expect(declaredWrong.json().url).toMatch(/\.png$/);
  });

  it('accepts multipart/form-data with one file part (Taro.uploadFile)', async () => {
    const form = new FormData();
    form.append('file', new Blob([PNG_1X1], { type: 'image/png' }), 'tmp_abc.png');
    const request = new Request('http://upload.test/', { method: 'POST', body: form });
    const response = await post(Buffer.from(await request.arrayBuffer()), request.headers.get('content-type') ?? '');
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().url).toMatch(/\.png$/);
  });

  it('refuses a .exe sent as image/jpeg, a GIF and an empty body with 415 UPLOAD_NOT_IMAGE, storing nothing', async () => {
    const before = await uploadCount();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00', 'latin1'), Buffer.alloc(200)]);
    expectError(await post(exe, 'image/jpeg'), 415, 'UPLOAD_NOT_IMAGE');
    expectError(await post(Buffer.from('GIF89a......'), 'image/png'), 415, 'UPLOAD_NOT_IMAGE');
    expectError(await post(Buffer.alloc(0), 'image/png'), 415, 'UPLOAD_NOT_IMAGE');
    const form = new FormData();
    form.append('file', new Blob([exe], { type: 'image/jpeg' }), 'photo.jpg');
    const request = new Request('http://upload.test/', { method: 'POST', body: form });
    expectError(
      await post(Buffer.from(await request.arrayBuffer()), request.headers.get('content-type') ?? ''),
      415,
      'UPLOAD_NOT_IMAGE',
    );
    expect(await uploadCount()).toBe(before);
  });

  it('refuses other content types with 415 and a multipart body without a file with 400', async () => {
    expectError(await post(Buffer.from('GIF89a'), 'image/gif'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectError(await post(Buffer.from(jpegBytes()), 'application/octet-stream'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const form = new FormData();
    form.append('text', 'no file');
    const request = new Request('http://upload.test/', { method: 'POST', body: form });
    expectError(
      await post(Buffer.from(await request.arrayBuffer()), request.headers.get('content-type') ?? ''),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses more than 5 MB with 413 PAYLOAD_TOO_LARGE, raw or multipart; exactly 5 MB is fine', async () => {
    const before = await uploadCount();
    expectError(await post(jpegBytes(MAX_UPLOAD_BYTES + 1), 'image/jpeg'), 413, 'PAYLOAD_TOO_LARGE');
    const form = new FormData();
    form.append('file', new Blob([jpegBytes(MAX_UPLOAD_BYTES + 1)], { type: 'image/jpeg' }), 'big.jpg');
    const request = new Request('http://upload.test/', { method: 'POST', body: form });
    expectError(
      await post(Buffer.from(await request.arrayBuffer()), request.headers.get('content-type') ?? ''),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expect(await uploadCount()).toBe(before);
    const exact = await post(jpegBytes(MAX_UPLOAD_BYTES), 'image/jpeg');
    expect(exact.statusCode, exact.body).toBe(201);
  });

  it('needs a signed-in shopper, checked before the body is read', async () => {
    expectError(await post(PNG_1X1, 'image/png', {}), 401, 'UNAUTHENTICATED');
    // An oversize body from nobody is turned away as unauthenticated, not parsed into a 413.
    expectError(await post(jpegBytes(MAX_UPLOAD_BYTES + 1), 'image/jpeg', {}), 401, 'UNAUTHENTICATED');
  });

  it('serves nothing but stored content-hashed keys', async () => {
    for (const url of ['/uploads/..%2Fsession-secret', `/uploads/${'0'.repeat(64)}.jpg`, '/uploads/a.exe']) {
      expectError(await t.app.inject({ method: 'GET', url }), 404, 'NOT_FOUND');
    }
  });
});
