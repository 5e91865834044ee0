/** Turns a stored image reference into the URL a client loads. */
export type AssetUrl = (stored: string) => string;

/**
 * Stored references are either absolute URLs (a WeChat avatar, a CDN image) or paths under
 * the API's /static/ folder ("products/p-1.jpg"), which get the configured public origin.
 */
export function createAssetUrl(publicBaseUrl: string): AssetUrl {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return (stored) => (/^https?:\/\//i.test(stored) ? stored : `${base}/static/${stored.replace(/^\/+/, '')}`);
}
