/// <reference path="./build-constants.d.ts" />

/**
 * The API answers image paths like "/static/products/x.jpg". H5 is served from the API's
 * origin, so the path works as is; a mini-program needs the absolute URL.
 */
export function assetUrl(url: string | null | undefined): string {
  if (!url) return '';
  if (/^(https?:)?\/\//.test(url) || url.startsWith('data:')) return url;
  if (process.env.TARO_ENV === 'h5') return url;
  return `${API_BASE_URL.replace(/\/$/, '')}${url.startsWith('/') ? '' : '/'}${url}`;
}
