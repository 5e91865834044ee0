// Opens an app's home page in a fresh chromium profile and records every http(s) request
// through the DevTools protocol until the network is idle.
import { summarizeFirstLoad } from './first-load.mjs';

/** The phone the e2e journeys use (e2e/support/browser.ts): Taro's H5 sizes the page from it. */
const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/**
 * Body bytes as transferred come from `Network.dataReceived.encodedDataLength` (headers
 * excluded); when chromium reports none there, from `loadingFinished` minus the response
 * headers. Decoded bytes are the sum of `dataLength`.
 * @param {import('playwright-core').Browser} browser
 * @param {{ app: string, url: string, timeoutMs?: number }} options
 */
export async function measureFirstLoad(browser, { app, url, timeoutMs = 30_000 }) {
  // A new context is a new profile: empty HTTP cache, no service worker, no storage.
  const context = await browser.newContext({ ...PHONE, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const requests = new Map();
    const entry = (id) => {
      if (!requests.has(id)) {
        requests.set(id, { url: '', type: '', status: 0, contentEncoding: null, encodedBytes: 0, decodedBytes: 0 });
      }
      return requests.get(id);
    };
    const headerBytes = new Map();
    const finished = new Map();
    cdp.on('Network.requestWillBeSent', (e) => {
      entry(e.requestId).url = e.request.url;
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = entry(e.requestId);
      r.type = e.type;
      r.status = e.response.status;
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      r.contentEncoding = headers['content-encoding'] ?? null;
      headerBytes.set(e.requestId, e.response.encodedDataLength);
    });
    cdp.on('Network.dataReceived', (e) => {
      const r = entry(e.requestId);
      r.encodedBytes += e.encodedDataLength;
      r.decodedBytes += e.dataLength;
    });
    cdp.on('Network.loadingFinished', (e) => finished.set(e.requestId, e.encodedDataLength));
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

    await page.goto(url, { waitUntil: 'networkidle', timeout: timeoutMs });

    const loaded = [];
    for (const [id, r] of requests) {
      if (!/^https?:/.test(r.url)) continue;
      if (r.encodedBytes === 0 && finished.has(id)) {
        r.encodedBytes = Math.max(0, finished.get(id) - (headerBytes.get(id) ?? 0));
      }
      loaded.push(r);
    }
    return summarizeFirstLoad(app, loaded);
  } finally {
    await context.close();
  }
}
