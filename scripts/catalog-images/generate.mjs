#!/usr/bin/env node
/*
 * Regenerates the demo catalog's images under apps/api/assets/: product photos
 * (750×750 JPEG), category icons (128×128 PNG) and shopper avatars (160×160 PNG).
 * Everything is drawn as SVG and rasterised with the system Chromium, so no network
 * or stock photos are needed. The output is committed; `npm start` never runs this.
 *
 *   node scripts/catalog-images/generate.mjs [--only=p-makeup] [--contact=/tmp/contact.png]
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../ensure-chromium.mjs';
import { avatarArt, categoryArt, productArt } from './art.mjs';
import { avatarSvg } from './avatars.mjs';
import { context, mix, shade, tint } from './paint.mjs';
import * as beauty from './shapes-beauty.mjs';
import * as fashion from './shapes-fashion.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const assets = path.join(root, 'apps/api/assets');
const shapes = { ...beauty, ...fashion };

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);

const { catalog } = await tsImport('../../apps/api/src/db/seed/catalog.data.ts', import.meta.url);

function drawShape(name, k, p) {
  const fn = shapes[name];
  if (!fn) throw new Error(`no shape "${name}"`);
  return fn(k, p);
}

/**
 * An item slot: the shape is drawn at its natural size inside `.shape`; fit() in the
 * page measures it and scales it into the slot box (w×h), centred on x, resting on
 * `bottom` or centred vertically on `cy`.
 */
function slot(i, inner, box, withShadow = true) {
  const attrs = Object.entries(box)
    .map(([key, v]) => `data-${key}="${v}"`)
    .join(' ');
  const shadow = withShadow ? `<ellipse id="shadow${i}" fill="url(#floorShadow)"/>` : '';
  return `${shadow}<g id="item${i}" class="item" ${attrs}><g class="shape">${inner}</g></g>`;
}

/** Beauty, shoes and most accessories stand on a round plinth; garments lie flat. */
const PODIUM_CATEGORIES = ['skincare', 'makeup', 'fragrance', 'body', 'shoes', 'accessories'];
const onPodium = (id, art) => art.podium ?? PODIUM_CATEGORIES.includes(id.split('-')[1] ?? '');

/** A plinth drawn 400 wide around (0,0) = centre of its top face; fit() moves and scales it. */
function podium(i, base) {
  const top = mix('#fbf9f6', base, 0.1);
  const side = mix('#eee8e1', base, 0.22);
  return `<g id="podium${i}" class="podium">
    <ellipse cx="0" cy="84" rx="250" ry="34" fill="url(#floorShadow)"/>
    <path d="M -200 0 L -200 72 A 200 34 0 0 0 200 72 L 200 0 Z" fill="url(#podiumSide)"/>
    <ellipse cx="0" cy="0" rx="200" ry="34" fill="${top}"/>
    <ellipse cx="0" cy="0" rx="200" ry="34" fill="none" stroke="#fff" stroke-opacity=".7" stroke-width="2"/>
    <linearGradient id="podiumSide"><stop offset="0" stop-color="${shade(side, 0.08)}"/><stop offset=".3" stop-color="${tint(side, 0.35)}"/><stop offset=".75" stop-color="${side}"/><stop offset="1" stop-color="${shade(side, 0.14)}"/></linearGradient>
  </g>`;
}

function productScene(id, index) {
  const art = productArt[id];
  if (!art) throw new Error(`no art direction for ${id} in art.mjs`);
  const base = art.bg ?? art.p.c ?? art.p.a ?? '#e6ddd2';
  const extra = index === 0 ? 'cover' : (art.extras?.[index - 1] ?? 'detail');
  const top = extra === 'detail' ? mix('#efe8df', base, 0.3) : mix('#f8f5f0', base, 0.14);
  const bottom = extra === 'detail' ? mix('#ddd3c8', base, 0.42) : mix('#ece5dc', base, 0.3);
  const k = context(`${id}-${index}`);
  let items;
  if (extra === 'cover' && onPodium(id, art)) {
    items =
      podium(0, base) + slot(0, drawShape(art.shape, k, art.p), { x: 375, cy: 330, w: 440, h: 400, s: 1, lift: 1 });
  } else if (extra === 'cover') {
    items = slot(0, drawShape(art.shape, k, art.p), { x: 375, cy: 368, w: 500, h: 480, s: 1, lift: 1 });
  } else if (extra === 'colours') {
    const second = { ...art.p, c: art.variants?.[0] ?? shade(art.p.c, 0.3) };
    items =
      slot(0, drawShape(art.shape, k, art.p), { x: 240, bottom: 590, w: 300, h: 400, s: 1, lift: 1 }) +
      slot(1, drawShape(art.shape, k, second), { x: 510, bottom: 600, w: 300, h: 400, s: 1, lift: 1 });
  } else if (extra === 'sizes') {
    items =
      slot(0, drawShape(art.shape, k, art.p), { x: 250, bottom: 600, w: 260, h: 300, s: 1, lift: 1 }) +
      slot(1, drawShape(art.shape, k, art.p), { x: 500, bottom: 600, w: 300, h: 420, s: 1, lift: 1 });
  } else {
    // detail: a close-up, cropped by the frame on purpose
    items = slot(0, drawShape(art.shape, k, art.p), { x: 400, cy: 470, w: 470, h: 430, s: 1.75, lift: 1 }, false);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="750" height="750" viewBox="0 0 750 750">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0.35" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>
    <linearGradient id="floor" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity=".07"/></linearGradient>
    <radialGradient id="spot"><stop offset="0" stop-color="#fff" stop-opacity=".75"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>
    <radialGradient id="floorShadow"><stop offset="0" stop-color="${shade(base, 0.7)}" stop-opacity=".36"/><stop offset="1" stop-color="${shade(base, 0.7)}" stop-opacity="0"/></radialGradient>
    <filter id="soft" x="-30%" y="-30%" width="160%" height="160%"><feDropShadow dx="0" dy="6" stdDeviation="8" flood-color="${shade(base, 0.6)}" flood-opacity=".22"/></filter>
    ${k.defs.join('\n')}
  </defs>
  <rect width="750" height="750" fill="url(#bg)"/>
  <rect y="520" width="750" height="230" fill="url(#floor)"/>
  <ellipse cx="375" cy="340" rx="330" ry="310" fill="url(#spot)"/>
  ${items}
  ${extra === 'detail' ? '' : footer(base)}
</svg>`;
}

const footer = (base) =>
  `<text x="375" y="722" text-anchor="middle" font-family="DejaVu Sans" font-weight="200" font-size="13" letter-spacing="9" fill="${shade(base, 0.55)}" opacity=".55">WEMATRIX</text>`;

function iconScene(categoryId) {
  const art = categoryArt[categoryId];
  if (!art) throw new Error(`no icon art for category ${categoryId}`);
  const k = context(`icon-${categoryId}`, true);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <circle cx="64" cy="64" r="62" fill="${art.tint}"/>
  <circle cx="64" cy="64" r="62" fill="none" stroke="${tint(art.p.c, 0.55)}" stroke-width="2"/>
  ${slot(0, drawShape(art.shape, k, art.p), { x: 64, cy: 64, w: 70, h: 70, s: 1, lift: 0 }, false)}
  <defs>${k.defs.join('')}</defs>
</svg>`;
}

/** Runs in the page: scale each item into its slot and place its floor shadow. */
function fitItems() {
  for (const g of document.querySelectorAll('.item')) {
    const d = g.dataset;
    const shape = g.querySelector('.shape');
    const b = shape.getBBox();
    const s = Math.min(Number(d.w) / b.width, Number(d.h) / b.height) * Number(d.s);
    const x = Number(d.x);
    const bottom = d.bottom !== undefined ? Number(d.bottom) : Number(d.cy) + (b.height * s) / 2;
    g.setAttribute(
      'transform',
      `translate(${x - (b.x + b.width / 2) * s} ${bottom - (b.y + b.height) * s}) scale(${s})`,
    );
    if (d.lift === '1') g.setAttribute('filter', 'url(#soft)');
    const plinth = document.getElementById(g.id.replace('item', 'podium'));
    if (plinth) {
      const r = Math.min(250, Math.max(150, b.width * s * 0.68));
      plinth.setAttribute('transform', `translate(${x} ${bottom}) scale(${r / 200})`);
    }
    const shadow = document.getElementById(g.id.replace('item', 'shadow'));
    if (shadow) {
      shadow.setAttribute('cx', String(x));
      shadow.setAttribute('cy', String(bottom));
      shadow.setAttribute('rx', String(Math.max(60, b.width * s * 0.55)));
      shadow.setAttribute('ry', String(Math.max(14, b.width * s * 0.06)));
    }
  }
}

const page_ = (svg) =>
  `<!doctype html><html><head><style>html,body{margin:0;background:transparent}svg{display:block}</style></head><body>${svg}</body></html>`;

async function render(page, svg, file, size, type) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(page_(svg));
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(fitItems);
  await mkdir(path.dirname(file), { recursive: true });
  const clip = { x: 0, y: 0, width: size, height: size };
  if (type === 'jpeg') await page.screenshot({ path: file, type: 'jpeg', quality: 80, clip });
  else await page.screenshot({ path: file, type: 'png', clip, omitBackground: true });
}

async function contactSheet(page, file) {
  const covers = catalog.products.map((p) => path.join(assets, 'products', p.images[0]));
  const imgs = await Promise.all(
    covers.map(async (f) => `<img src="data:image/jpeg;base64,${(await readFile(f)).toString('base64')}">`),
  );
  const cols = 8;
  const cell = 180;
  const rows = Math.ceil(imgs.length / cols);
  await page.setViewportSize({ width: cols * cell, height: rows * cell });
  await page.setContent(
    `<html><body style="margin:0;display:grid;grid-template-columns:repeat(${cols},${cell}px)">${imgs.join('').replaceAll('<img', `<img width="${cell}" height="${cell}"`)}</body></html>`,
  );
  await page.screenshot({ path: file, type: 'png', fullPage: true });
}

async function folderBytes(dir) {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += (await stat(path.join(e.parentPath, e.name))).size;
  }
  return total;
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const only = args.only;
  let count = 0;
  for (const product of catalog.products) {
    if (only && !product.id.startsWith(only)) continue;
    for (const [i, image] of product.images.entries()) {
      await render(page, productScene(product.id, i), path.join(assets, 'products', image), 750, 'jpeg');
      count++;
    }
  }
  if (!only || only === 'icons') {
    for (const c of catalog.categories) {
      await render(page, iconScene(c.id), path.join(assets, 'categories', c.icon), 128, 'png');
      count++;
    }
  }
  if (!only || only === 'avatars') {
    for (const s of catalog.shoppers) {
      if (!s.avatar) continue;
      const art = avatarArt[s.key];
      if (!art) throw new Error(`no avatar art for ${s.key}`);
      await render(page, avatarSvg(art), path.join(assets, 'avatars', s.avatar), 160, 'png');
      count++;
    }
  }
  if (args.contact) await contactSheet(page, args.contact);
  const bytes = await folderBytes(assets);
  console.log(`rendered ${count} images; apps/api/assets is ${(bytes / 1024 / 1024).toFixed(2)} MB`);
} finally {
  await browser.close();
}
