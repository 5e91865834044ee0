// Renders the mall's tabBar icons (weapp tabBar needs PNG files < 40 KB) from NutUI's own
// SVG icons, so tabs match the icons used in the pages. Run: node apps/mall/scripts/gen-tab-icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/ensure-chromium.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const iconsDir = join(dirname(require.resolve('@nutui/icons-react-taro/package.json')), 'dist/es/icons');
const outDir = join(here, '../src/assets/tab');

const TABS = [
  ['home', 'Home', 'HomeF'],
  ['category', 'Category', 'CategoryF'],
  ['cart', 'Cart', 'CartF'],
  ['me', 'User', 'UserF'],
];
const GREY = '#8a8f99';
const BRAND = '#f0452d';

function svgOf(iconName, color) {
  const source = readFileSync(join(iconsDir, `${iconName}.js`), 'utf8');
  const match = /svg64: "data:image\/svg\+xml;base64,([^"]+)"/.exec(source);
  if (!match) throw new Error(`no svg in ${iconName}`);
  return Buffer.from(match[1], 'base64')
    .toString('utf8')
    .replace(/fill="#[0-9a-fA-F]{3,6}"/g, `fill="${color}"`);
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 81, height: 81 }, deviceScaleFactor: 1 });
for (const [file, normal, active] of TABS) {
  for (const [suffix, icon, color] of [
    ['', normal, GREY],
    ['-active', active, BRAND],
  ]) {
    const svg = svgOf(icon, color);
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><div style="width:81px;height:81px;display:flex;align-items:center;justify-content:center">${svg.replace('<svg ', '<svg width="60" height="60" ')}</div></body></html>`,
    );
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: 81, height: 81 } });
    writeFileSync(join(outDir, `${file}${suffix}.png`), png);
  }
}
await browser.close();
console.log(`tab icons written to ${outDir}`);
