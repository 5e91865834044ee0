/** Turns a storage key into the URL a client loads (served by the uploads routes at /uploads/). */
export type UploadUrl = (key: string) => string;

export function createUploadUrl(publicBaseUrl: string): UploadUrl {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return (key) => `${base}/uploads/${key}`;
}
