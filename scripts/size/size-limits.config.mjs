// The one place for package size limits. Bytes, 1 KB = 1024 B (WeChat counts "2M" the same way).

const KB = 1024;
const MB = 1024 * KB;

/**
 * WeChat's hard limits for a mini-program code package (upload is refused above them).
 * `totalBytesServiceProvider` applies when a third-party service provider (第三方平台) develops
 * the mini-program on the brand's behalf; set `developedByServiceProvider` below to use it.
 */
export const WECHAT_LIMITS = Object.freeze({
  mainPackageBytes: 2 * MB,
  subpackageBytes: 2 * MB,
  totalBytes: 30 * MB,
  totalBytesServiceProvider: 20 * MB,
});

/**
 * Our own budget, well under WeChat's limits: the main package is what every shopper
 * downloads before the first screen, so it is the number that guards start-up time.
 * `perApp` overrides the default for one app, e.g. `{ mall: { mainPackageBytes: 1.2 * MB } }`.
 */
export const SIZE_BUDGET = Object.freeze({
  // The mall carries the most pages (cart, product, orders); campaign and tools stay lean.
  mainPackageBytes: 500 * KB,
  perApp: Object.freeze({ mall: Object.freeze({ mainPackageBytes: 700 * KB }) }),
  developedByServiceProvider: false,
  /** How many of the largest files the report lists per app. */
  largestFilesCount: 10,
});

/**
 * File types WeChat packs into a mini-program; anything else in the output (e.g. webpack's
 * vendors.js.LICENSE.txt) is left out of the package. The list is miniprogram-ci 2.1.42's
 * built-in one (utils/white_ext_list.js), which it uses when it cannot fetch WeChat's current list.
 */
export const UPLOADED_EXTENSIONS = Object.freeze(
  new Set([
    '.wxml',
    '.wxss',
    '.wxs',
    '.png',
    '.jpg',
    '.jpeg',
    '.gif',
    '.svg',
    '.js',
    '.json',
    '.cer',
    '.mp3',
    '.aac',
    '.m4a',
    '.mp4',
    '.wav',
    '.ogg',
    '.silk',
    '.wasm',
    '.br',
    '.cur',
    '.ico',
    '.skel',
    '.crt',
    '.cert',
  ]),
);

/** The same globs the release passes to miniprogram-ci as `ignores`: never part of the package. */
export const PACKAGE_IGNORES = Object.freeze(['node_modules/**/*']);

export { KB, MB };

/**
 * H5 first load: the JS bytes a browser actually transfers (compressed as served) from opening
 * an app's home page until the network is idle, lazily loaded page chunks included. Measured
 * in chromium by scripts/size/h5-first-load.mjs and e2e/first-load.spec.ts (issue 8). The
 * Taro + React H5 floor is about 94 KB gzip and NutUI adds about 11 KB.
 */
export const H5_FIRST_LOAD_BUDGET = Object.freeze({
  mall: Object.freeze({ jsCompressedBytes: 125 * KB }),
  campaign: Object.freeze({ jsCompressedBytes: 115 * KB }),
  tools: Object.freeze({ jsCompressedBytes: 115 * KB }),
});
