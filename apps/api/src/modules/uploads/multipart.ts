/**
 * The one file of a multipart/form-data body, as Taro.uploadFile (wx.uploadFile) sends it:
 * one part with a filename, maybe beside plain form fields. A small reader for that case only
 * (no streaming: the body limit already holds the whole body in memory), so no multipart
 * library is needed. Null when the body is not well-formed multipart or has no file part.
 */
export function multipartFile(body: Buffer, contentType: string): { bytes: Buffer; filename: string } | null {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const nextDelimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
  let position = body.indexOf(delimiter);
  // The first delimiter opens the body or a line (after an ignored preamble).
  if (position < 0 || (position > 0 && body.subarray(position - 2, position).toString('latin1') !== '\r\n')) {
    return null;
  }
  position += delimiter.length;
  for (;;) {
    // After a delimiter: `--` closes the body, CRLF opens the next part.
    if (body.subarray(position, position + 2).toString('latin1') === '--') return null;
    if (body.subarray(position, position + 2).toString('latin1') !== '\r\n') return null;
    const headersEnd = body.indexOf('\r\n\r\n', position + 2, 'latin1');
    if (headersEnd < 0) return null;
    const headers = body.subarray(position + 2, headersEnd).toString('utf8');
    const contentStart = headersEnd + 4;
    const contentEnd = body.indexOf(nextDelimiter, contentStart);
    if (contentEnd < 0) return null;
    const disposition = /^content-disposition:\s*form-data\b(.*)$/im.exec(headers)?.[1] ?? '';
    const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
    if (filename !== undefined) return { bytes: body.subarray(contentStart, contentEnd), filename };
    position = contentEnd + nextDelimiter.length;
  }
}
