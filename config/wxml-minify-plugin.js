/**
 * Minifies the WXML Taro emits, the way WeChat's WXML parser can read it.
 *
 * Why not Taro's own `mini.minifyXML`: it runs html-minifier, an HTML tool. Taro writes
 * WeChat's `<input …></input>`; html-minifier knows `input` as an HTML void element and drops
 * the end tag, leaving `<input …>`, which WeChat's compiler refuses (`unexpected end tag:
 * template`). So void-named WXML elements are first written self-closed (`<input …/>`), a form
 * html-minifier keeps with `keepClosingSlash`, and only then is whitespace collapsed.
 */
const { minify } = require('html-minifier-terser');

/** HTML's void elements: html-minifier drops their end tags. WeChat's `input` is one of them. */
const HTML_VOID_ELEMENTS = [
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
];
// Taro writes void-named components with no children: `<input attrs></input>`.
const EMPTY_VOID_PAIR = new RegExp(`></(${HTML_VOID_ELEMENTS.join('|')})>`, 'g');

/**
 * @param {string} wxml
 * @returns {Promise<string>}
 */
async function minifyWxml(wxml) {
  const selfClosed = wxml.replace(EMPTY_VOID_PAIR, '/>');
  return minify(selfClosed, {
    collapseWhitespace: true,
    keepClosingSlash: true,
    // WXML is case-sensitive (attribute names such as `bindGetUserInfo` are not HTML).
    caseSensitive: true,
  });
}

class WxmlMinifyPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('WxmlMinifyPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'WxmlMinifyPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE },
        async (assets) => {
          for (const name of Object.keys(assets)) {
            if (!name.endsWith('.wxml')) continue;
            const source = String(assets[name].source());
            compilation.updateAsset(name, new sources.RawSource(await minifyWxml(source)));
          }
        },
      );
    });
  }
}

module.exports = { WxmlMinifyPlugin, minifyWxml, HTML_VOID_ELEMENTS };
