/**
 * The one Taro config factory for the three mini-programs. Plain CommonJS on purpose:
 * Taro's config loader only transpiles files under `<app>/config/`, so a TypeScript
 * factory here would be required raw and fail. Apps differ in name, appid and H5 public
 * path only; everything else lives here (see ARCHITECTURE.md "One config factory").
 */
const path = require('node:path');
const { BundleStatsPlugin } = require('./bundle-stats-plugin');
const { WxmlMinifyPlugin } = require('./wxml-minify-plugin');

const REPO_ROOT = path.resolve(__dirname, '..');

/** Workspace packages consumed as TypeScript source: both runners must compile them. */
const SOURCE_PACKAGES = [path.join(REPO_ROOT, 'packages/shared'), path.join(REPO_ROOT, 'packages/ui')];

const APP_NAMES = ['mall', 'campaign', 'tools'];

/**
 * NutUI's styles are written for a 375 wide design, ours for 750, so pxtransform needs a
 * per-file design width (NutUI's documented setup).
 */
function designWidth(input) {
  const file = input?.file ? String(input.file).replace(/\\+/g, '/') : '';
  return file.includes('@nutui') ? 375 : 750;
}

function env(name, fallback) {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

/** Build-time constants; every value must be JSON text because webpack pastes it into code. */
function defineConstants(app) {
  const appIds = {};
  for (const name of APP_NAMES) {
    appIds[`WECHAT_${name.toUpperCase()}_APPID`] = JSON.stringify(env(`WECHAT_${name.toUpperCase()}_APPID`, ''));
  }
  return {
    WEMATRIX_APP: JSON.stringify(app),
    API_BASE_URL: JSON.stringify(env('WEMATRIX_API_BASE_URL', 'http://localhost:3000')),
    ...appIds,
  };
}

/**
 * npm cannot hoist @tarojs/plugin-framework-react (its optional vite peer clashes with
 * vitest's vite), so it sits in each app's node_modules, where @tarojs/taro-h5 (hoisted)
 * cannot find it. Point the bundler at the app's copy.
 */
function frameworkAlias(appDir) {
  const name = '@tarojs/plugin-framework-react';
  const pkg = require.resolve(`${name}/package.json`, { paths: [appDir] });
  return { [name]: path.dirname(pkg) };
}

/**
 * @param {import('./taro-config').AppConfigInput} input
 * @returns {import('./taro-config').TaroUserConfig}
 */
function createTaroConfig(input) {
  const { app, projectName, h5Port } = input;
  if (!APP_NAMES.includes(app)) throw new Error(`unknown app "${app}"; expected one of ${APP_NAMES.join(', ')}`);
  const platform = process.env.TARO_ENV || 'weapp';
  const production = process.env.NODE_ENV === 'production';

  return {
    projectName,
    date: '2026-11-28',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // dist/weapp and dist/h5 side by side: scripts and the API's WEB_ROOT rely on it.
    outputRoot: `dist/${platform}`,
    // NutUI icons (and any library markup) are HTML elements such as <i>; WeChat has no
    // template for them unless plugin-html maps them to views. Browsers know <i>, so H5 skips it.
    plugins: platform === 'h5' ? [] : ['@tarojs/plugin-html'],
    defineConstants: defineConstants(app),
    alias: frameworkAlias(process.cwd()),
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // Opt-in persistent cache for local iteration; CI and size reports build cold.
    cache: { enable: env('WEMATRIX_TARO_CACHE', '') === '1' },
    // CI logs stay readable: no progress bar redraws (hundreds of lines per build) and no
    // webpack stats; errors are still printed.
    logger: { quiet: Boolean(process.env.CI), stats: false },
    sass: { resource: [], data: '' },
    mini: {
      compile: { include: SOURCE_PACKAGES },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      terser: { enable: production },
      csso: { enable: production },
      // Taro's own minifyXML drops `</input>` (HTML void element) and WeChat then refuses the
      // WXML; our plugin self-closes those tags first (see wxml-minify-plugin.js).
      minifyXML: { collapseWhitespace: false },
      webpackChain(chain) {
        if (production) chain.plugin('wxmlMinify').use(WxmlMinifyPlugin);
      },
      optimizeMainPackage: { enable: true },
      // Our styles are BEM-scoped and never rely on another file's order, so the shared
      // common.wxss may take modules in any order (as in H5): no "Conflicting order" noise.
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      compile: { include: SOURCE_PACKAGES },
      // Served by the API under /<app>/ with a hash router, so any static server works.
      publicPath: `/${app}/`,
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // Images are files with a content hash, never base64 inside JS: Taro's default inlined
      // the six tab icons (~12 KB of base64 that compresses poorly) into the first-load
      // script, and an unhashed file could not be cached as immutable. limit 1 = inline none.
      imageUrlLoaderOption: { limit: 1, name: 'static/images/[name].[contenthash:8][ext]' },
      devServer: { port: h5Port },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      terser: { enable: production },
      csso: { enable: production },
      // Taro splits H5 chunks with `chunks: 'initial'`, so every lazily loaded page carried
      // its own copy of NutUI, the UI package and the client (~90 KB gzip each). Splitting
      // all chunks lets pages share them.
      webpackChain(chain) {
        const splitChunks = chain.optimization.get('splitChunks');
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
        // taro-h5's request imports fetch and AbortController polyfills and a JSONP client for
        // every page. The polyfills only act where the API is missing, and every browser these
        // apps run in has both (Taro's components need custom elements; WeChat's in-app browser
        // is a current Chromium or WKWebView); no call of ours asks for JSONP. Leaving them out
        // takes ~5 KB br off each app's first load (docs/performance.md).
        chain.resolve.alias.set('whatwg-fetch$', false);
        chain.resolve.alias.set('abortcontroller-polyfill/dist/abortcontroller-polyfill-only$', false);
        chain.resolve.alias.set('jsonp-retry$', path.join(__dirname, 'h5-no-jsonp.mjs'));
        // WM_BUNDLE_STATS=1: which modules each chunk carries (docs/performance.md).
        if (process.env.WM_BUNDLE_STATS) chain.plugin('bundleStats').use(BundleStatsPlugin);
      },
    },
  };
}

module.exports = { createTaroConfig, designWidth, SOURCE_PACKAGES, APP_NAMES, REPO_ROOT };
