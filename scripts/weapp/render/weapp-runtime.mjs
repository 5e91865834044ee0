// Renders pages of a production weapp build (dist/weapp) the way WeChat would, in Node:
// WeChat's template compiler (miniprogram-compiler's wcc, through miniprogram-simulate with
// `compiler: 'official'`) turns the WXML into render functions, j-component plays the view layer,
// and the app's own taro.js/vendors.js run as in WeChat's logic layer. `wx.request` goes over
// real HTTP to a test API. The view layer gets a jsdom window of its own (not Vitest's jsdom
// environment, whose fetch/Blob would replace Node's); one app per process (globals below).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** WeChat's view layer and the template compiler report a missing template like this. */
export const MISSING_TEMPLATE = /Template [`'"]?[^`'"\s]*[`'"]? not found/i;

/**
 * Every page of a built app, main package and subpackages: `pages/index/index`, `pkg-goods/product/index`.
 * @param {{ pages: string[], subPackages?: { root: string, pages: string[] }[], subpackages?: { root: string, pages: string[] }[] }} appJson
 * @returns {string[]}
 */
export function allPages(appJson) {
  const subpackages = appJson.subPackages ?? appJson.subpackages ?? [];
  return [
    ...appJson.pages,
    ...subpackages.flatMap((sub) => sub.pages.map((page) => `${sub.root.replace(/\/+$/, '')}/${page}`)),
  ];
}

/**
 * @param {{ dist: string, apiOrigin: string, loginCode: () => string }} options
 *   apiOrigin: where `/api/...` requests go, whatever base URL the build has compiled in;
 *   loginCode: what `wx.login` answers (a code the API's WeChat sandbox accepts).
 */
export function createWeappRuntime({ dist, apiOrigin, loginCode }) {
  installDom();
  const simulate = require('miniprogram-simulate');
  /** Console warnings and errors while the app runs: WeChat's template misses show up here. */
  const logs = [];
  /** @type {{ method: string, url: string, status: number }[]} */
  const requests = [];
  /** Bytes of each page setData payload (JSON), in call order: WeChat warns above 256 KB. */
  const setDataBytes = [];
  let pending = 0;
  const storage = new Map();
  const pageStack = [];
  let app;

  for (const level of ['warn', 'error']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      logs.push({ level, text: args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(' ') });
      original(...args);
    };
  }

  Object.assign(globalThis.wx, {
    request: (options) => {
      pending += 1;
      const url = new URL(options.url);
      const target = url.pathname.startsWith('/api/') ? `${apiOrigin}${url.pathname}${url.search}` : options.url;
      const method = (options.method ?? 'GET').toUpperCase();
      const body = options.data === undefined || method === 'GET' ? undefined : JSON.stringify(options.data);
      fetch(target, { method, headers: { 'content-type': 'application/json', ...options.header }, body })
        .then(async (response) => {
          const text = await response.text();
          requests.push({ method, url: url.pathname + url.search, status: response.status });
          let data = text;
          try {
            data = JSON.parse(text);
          } catch {}
          const header = Object.fromEntries(response.headers.entries());
          const result = { statusCode: response.status, data, header, errMsg: 'request:ok' };
          options.success?.(result);
          options.complete?.(result);
        })
        .catch((error) => {
          requests.push({ method, url: url.pathname + url.search, status: 0 });
          const result = { errMsg: `request:fail ${error.message}` };
          options.fail?.(result);
          options.complete?.(result);
        })
        .finally(() => {
          pending -= 1;
        });
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
    },
    login: (options) => {
      const result = { code: loginCode(), errMsg: 'login:ok' };
      setTimeout(() => {
        options.success?.(result);
        options.complete?.(result);
      }, 0);
    },
    getStorageSync: (key) => storage.get(key) ?? '',
    setStorageSync: (key, value) => void storage.set(key, value),
    removeStorageSync: (key) => void storage.delete(key),
    getStorage: ({ key, success, fail }) =>
      storage.has(key) ? success?.({ data: storage.get(key) }) : fail?.({ errMsg: 'getStorage:fail data not found' }),
    setStorage: ({ key, data, success }) => {
      storage.set(key, data);
      success?.({ errMsg: 'setStorage:ok' });
    },
    removeStorage: ({ key, success }) => {
      storage.delete(key);
      success?.({ errMsg: 'removeStorage:ok' });
    },
  });

  globalThis.App = (options) => {
    app = options;
  };
  globalThis.getApp = () => app;
  globalThis.getCurrentPages = () => pageStack;

  /** Pages opened, with their methods: j-component keeps page lifecycles out of the instance. */
  const opened = [];
  let currentRoute = '';
  let currentQuery = {};
  // WeChat's Page() is a Component with page lifecycles; j-component only knows Component.
  globalThis.Page = (options) => {
    const route = currentRoute;
    const query = currentQuery;
    const methods = Object.fromEntries(Object.entries(options).filter(([, value]) => typeof value === 'function'));
    globalThis.Component({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached() {
          // Taro renders a page through this instance's setData: record what each call carries.
          const setData = this.setData.bind(this);
          this.setData = (data, callback) => {
            setDataBytes.push(Buffer.byteLength(JSON.stringify(data ?? {})));
            return setData(data, callback);
          };
          this.route = route;
          this.__route__ = route;
          pageStack.push(this);
          opened.push({ instance: this, methods });
          methods.onLoad?.call(this, query);
          methods.onShow?.call(this);
        },
        ready() {
          methods.onReady?.call(this);
        },
      },
    });
  };

  const appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'));
  require(join(dist, 'app.js'));
  if (!app) throw new Error(`${dist}/app.js did not call App()`);
  const launch = { path: appJson.pages[0], query: {}, scene: 1001 };
  app.onLaunch?.call(app, launch);
  app.onShow?.call(app, launch);

  return {
    appJson,
    logs,
    requests,
    /**
     * Opens a page and waits until its requests are answered and its text stops changing.
     * @param {string} route e.g. 'pages/index/index'
     * @param {Record<string, string>} [query]
     */
    async renderPage(route, query = {}, { timeoutMs = 15_000, quietMs = 400 } = {}) {
      const firstLog = logs.length;
      const firstRequest = requests.length;
      const firstSetData = setDataBytes.length;
      currentRoute = route;
      currentQuery = query;
      const id = simulate.load(join(dist, route), { rootPath: dist, compiler: 'official' });
      const page = simulate.render(id);
      page.attach(globalThis.document.createElement('parent-wrapper'));
      const deadline = Date.now() + timeoutMs;
      let lastText = null;
      let stableSince = Date.now();
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const text = page.dom.textContent;
        if (text !== lastText || pending > 0) {
          lastText = text;
          stableSince = Date.now();
        } else if (Date.now() - stableSince >= quietMs) break;
      }
      const entry = opened.pop();
      pageStack.pop();
      entry?.methods.onUnload?.call(entry.instance);
      page.detach();
      return {
        text: normalizeText(page.dom.textContent),
        html: page.dom.innerHTML,
        logs: logs.slice(firstLog),
        requests: requests.slice(firstRequest),
        /** The largest page setData while this page rendered, bytes of JSON. */
        maxSetDataBytes: Math.max(0, ...setDataBytes.slice(firstSetData)),
        setDataCalls: setDataBytes.length - firstSetData,
      };
    },
  };
}

/** The DOM globals j-component and miniprogram-simulate use, from a jsdom window. */
function installDom() {
  if (globalThis.window) return;
  const { JSDOM } = require('jsdom');
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  globalThis.window = window;
  for (const name of [
    'document',
    'Event',
    'CustomEvent',
    'Element',
    'HTMLElement',
    'Node',
    'MutationObserver',
    'getComputedStyle',
  ]) {
    globalThis[name] = window[name];
  }
}

function normalizeText(text) {
  return text.replace(/\s+/g, ' ').trim();
}
