import { describe, expect, it } from 'vitest';
import { multipartFile } from './multipart';

/** A body encoded by the platform's own FormData (undici), as a real client would send it. */
async function encode(form: FormData): Promise<{ body: Buffer; contentType: string }> {
  const request = new Request('http://upload.test/', { method: 'POST', body: form });
  return {
    body: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}

describe('multipartFile', () => {
  it('finds the file part beside plain fields, byte for byte (CRLF and boundary-like bytes inside)', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff]),
      Buffer.from('\r\n--not-the-boundary\r\n'),
      Buffer.alloc(300, 7),
    ]);
    const form = new FormData();
    form.append('purpose', 'review');
    form.append('file', new Blob([bytes], { type: 'image/jpeg' }), '照片.jpg');
    form.append('after', 'x');
    const { body, contentType } = await encode(form);
    const file = multipartFile(body, contentType);
    expect(file?.filename).toBe('照片.jpg');
    expect(file?.bytes.equals(bytes)).toBe(true);
  });

  it('reads a quoted boundary and a preamble, as wx.uploadFile-style hand-written bodies have', () => {
    const body = Buffer.from(
      'preamble\r\n--b0undary\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nPNGDATA\r\n--b0undary--\r\n',
      'latin1',
    );
    const file = multipartFile(body, 'multipart/form-data; boundary="b0undary"');
    expect(file?.bytes.toString('latin1')).toBe('PNGDATA');
  });

  it.each([
    [
      'no boundary parameter',
      'multipart/form-data',
      '--x\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nA\r\n--x--',
    ],
    [
      'no file part',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nA\r\n--x--',
    ],
    [
      'an unterminated part',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nAAAA',
    ],
    ['a body that is not multipart', 'multipart/form-data; boundary=x', 'hello'],
    ['an empty body', 'multipart/form-data; boundary=x', ''],
  ])('answers null for %s', (_name, contentType, body) => {
    expect(multipartFile(Buffer.from(body, 'latin1'), contentType)).toBeNull();
  });
});
