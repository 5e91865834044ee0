import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog } from './catalog.data';
import type { SeedProduct } from './catalog.types';

const assetsDir = fileURLToPath(new URL('../../../assets/', import.meta.url));
const { categories, products, shoppers, campaigns } = catalog;

/**
 * Words that Chinese advertising law (or the cosmetics rules) forbids or that read as a
 * medical or absolute claim. Substring match on purpose: 最 also catches 最佳/最好.
 */
const BANNED_WORDS = [
  '治疗',
  '药',
  '消炎',
  '祛痘',
  '根治',
  '最',
  '第一',
  '国家级',
  '100%',
  '永久',
  '美白',
  '祛斑',
  '抗炎',
  '医用',
  '特效',
  '顶级',
  '万能',
];

function bannedWordsIn(text: string): string[] {
  return BANNED_WORDS.filter((w) => text.includes(w));
}

/** Every combination of the product's spec groups, as keys like "燕麦色|M". */
function allCombinations(groups: SeedProduct['specGroups']): string[] {
  return groups
    .reduce<string[][]>((acc, g) => acc.flatMap((prefix) => g.values.map((v) => [...prefix, v])), [[]])
    .map((combo) => combo.join('|'));
}

/** Problems with a product's spec matrix; empty when each combination has exactly one SKU. */
function matrixProblems(p: SeedProduct): string[] {
  const problems: string[] = [];
  const counts = new Map<string, number>();
  for (const s of p.skus) {
    if (s.specValues.length !== p.specGroups.length) {
      problems.push(`${s.id}: ${s.specValues.length} values for ${p.specGroups.length} groups`);
      continue;
    }
    s.specValues.forEach((v, i) => {
      if (!p.specGroups[i]?.values.includes(v)) problems.push(`${s.id}: "${v}" is not in ${p.specGroups[i]?.name}`);
    });
    const key = s.specValues.join('|');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const combo of allCombinations(p.specGroups)) {
    const n = counts.get(combo) ?? 0;
    if (n !== 1) problems.push(`${p.id}: combination "${combo}" has ${n} SKUs`);
  }
  return problems;
}

const lowestPriceFen = (p: SeedProduct) => Math.min(...p.skus.map((s) => s.priceFen));
const productById = new Map(products.map((p) => [p.id, p]));

describe('catalog checkers', () => {
  it('flag what they are meant to flag', () => {
    expect(bannedWordsIn('全网最低价，第一品牌')).toEqual(['最', '第一']);
    const broken: SeedProduct = {
      ...(products.find((p) => p.specGroups.length === 2) as SeedProduct),
    };
    broken.skus = broken.skus.slice(1);
    expect(matrixProblems(broken)).toHaveLength(1);
    broken.skus = [...broken.skus, { ...(broken.skus[0] as SeedProduct['skus'][number]), specValues: ['紫色', 'M'] }];
    expect(matrixProblems(broken).some((m) => m.includes('"紫色"'))).toBe(true);
  });
});

describe('demo catalog data', () => {
  it('is big enough to feel like a store', () => {
    expect(categories.length).toBeGreaterThanOrEqual(8);
    expect(products.length).toBeGreaterThanOrEqual(48);
    for (const c of categories) {
      expect(products.filter((p) => p.categoryId === c.id).length, c.id).toBeGreaterThanOrEqual(6);
    }
    expect(shoppers.length).toBeGreaterThanOrEqual(6);
    expect(shoppers.length).toBeLessThanOrEqual(8);
    expect(campaigns.length).toBeGreaterThanOrEqual(8);
  });

  it('has unique, readable ids', () => {
    const ids = [
      ...categories.map((c) => c.id),
      ...products.map((p) => p.id),
      ...products.flatMap((p) => p.skus.map((s) => s.id)),
      ...campaigns.map((c) => c.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(shoppers.map((s) => s.key)).size).toBe(shoppers.length);
    expect(new Set(categories.map((c) => c.sort)).size).toBe(categories.length);
    for (const p of products) {
      expect(p.id).toMatch(new RegExp(`^p-${p.categoryId}-\\d{2}$`));
      const nn = p.id.slice(2);
      for (const s of p.skus) expect(s.id).toMatch(new RegExp(`^sku-${nn}-\\d+$`));
    }
  });

  it('puts every product in a known category', () => {
    const known = new Set(categories.map((c) => c.id));
    for (const p of products) expect(known.has(p.categoryId), p.id).toBe(true);
  });

  it('covers each spec matrix with exactly one SKU per combination', () => {
    for (const p of products) {
      const names = p.specGroups.map((g) => g.name);
      expect(new Set(names).size, p.id).toBe(names.length);
      for (const g of p.specGroups) {
        expect(g.values.length, `${p.id} ${g.name}`).toBeGreaterThan(0);
        expect(new Set(g.values).size, `${p.id} ${g.name}`).toBe(g.values.length);
      }
      expect(matrixProblems(p)).toEqual([]);
    }
    expect(products.some((p) => p.specGroups.length === 0)).toBe(true);
    expect(products.some((p) => p.specGroups.length === 2)).toBe(true);
  });

  it('uses integer fen, with reference prices above selling prices', () => {
    for (const p of products) {
      for (const s of p.skus) {
        expect(Number.isInteger(s.priceFen) && s.priceFen > 0, s.id).toBe(true);
        if (s.originalPriceFen !== null) {
          expect(Number.isInteger(s.originalPriceFen), s.id).toBe(true);
          expect(s.originalPriceFen, s.id).toBeGreaterThan(s.priceFen);
        }
        expect(Number.isInteger(s.stock) && s.stock >= 0, s.id).toBe(true);
      }
      expect(Number.isInteger(p.sales) && p.sales >= 0, p.id).toBe(true);
      expect(Number.isInteger(p.createdDaysAgo) && p.createdDaysAgo >= 0, p.id).toBe(true);
    }
  });

  it('has a sold-out SKU and a few low-stock ones for the UI to show', () => {
    const stocks = products.flatMap((p) => p.skus.map((s) => s.stock));
    expect(stocks.filter((n) => n === 0).length).toBeGreaterThanOrEqual(1);
    expect(stocks.filter((n) => n > 0 && n <= 5).length).toBeGreaterThanOrEqual(3);
  });

  it('has copy on every product', () => {
    for (const p of products) {
      expect(p.title.length, p.id).toBeGreaterThan(2);
      expect(p.subtitle.length, p.id).toBeGreaterThan(2);
      expect(p.description.length, p.id).toBeGreaterThan(30);
      expect(p.tags.length, p.id).toBeGreaterThan(0);
    }
  });

  it('points at image files that exist', () => {
    const images = products.flatMap((p) => p.images);
    expect(new Set(images).size).toBe(images.length);
    for (const p of products) {
      expect(p.images.length, p.id).toBeGreaterThanOrEqual(1);
      expect(p.images[0], p.id).toBe(`${p.id}.jpg`);
      for (const f of p.images) {
        const file = `${assetsDir}products/${f}`;
        expect(existsSync(file), file).toBe(true);
        expect(statSync(file).size, file).toBeGreaterThan(5_000);
      }
    }
    expect(products.filter((p) => p.images.length >= 2).length).toBeGreaterThanOrEqual(3);
    for (const c of categories) expect(existsSync(`${assetsDir}categories/${c.icon}`), c.icon).toBe(true);
    for (const s of shoppers) {
      expect(s.avatar, s.key).not.toBeNull();
      expect(existsSync(`${assetsDir}avatars/${s.avatar}`), s.key).toBe(true);
    }
  });

  it('prices campaigns below the product and keeps presales within 72 hours', () => {
    for (const c of campaigns) {
      const p = productById.get(c.productId);
      expect(p, `${c.id} -> ${c.productId}`).toBeDefined();
      if (!p) continue;
      expect(Number.isInteger(c.campaignPriceFen), c.id).toBe(true);
      expect(c.campaignPriceFen, c.id).toBeLessThan(lowestPriceFen(p));
      expect(c.campaignPriceFen, c.id).toBeGreaterThanOrEqual(c.kind === 'bargain' ? 0 : 1);
      expect(c.durationHours, c.id).toBeGreaterThan(0);
      if (c.kind === 'presale') expect(c.durationHours, c.id).toBeLessThanOrEqual(72);
    }
    expect(new Set(campaigns.map((c) => c.kind))).toEqual(
      new Set(['group_buy', 'bargain', 'flash_sale', 'presale', 'lottery']),
    );
  });

  it('has mostly live campaigns and one or two upcoming', () => {
    const live = campaigns.filter((c) => c.startsInHours <= 0 && c.startsInHours + c.durationHours > 24);
    const upcoming = campaigns.filter((c) => c.startsInHours > 0);
    expect(live.length).toBeGreaterThan(campaigns.length / 2);
    expect(upcoming.length).toBeGreaterThanOrEqual(1);
    expect(upcoming.length).toBeLessThanOrEqual(2);
  });

  it('keeps the copy free of banned advertising words', () => {
    const texts: [string, string][] = [
      ...categories.map((c): [string, string] => [c.id, c.name]),
      ...shoppers.map((s): [string, string] => [s.key, s.nickname]),
      ...campaigns.map((c): [string, string] => [c.id, c.title]),
      ...products.flatMap((p): [string, string][] => [
        [p.id, p.title],
        [p.id, p.subtitle],
        [p.id, p.description],
        ...p.tags.map((t): [string, string] => [p.id, t]),
        ...p.specGroups.flatMap((g): [string, string][] => [
          [p.id, g.name],
          ...g.values.map((v): [string, string] => [p.id, v]),
        ]),
      ]),
    ];
    const hits = texts.flatMap(([id, text]) => bannedWordsIn(text).map((w) => `${id}: "${w}" in "${text}"`));
    expect(hits).toEqual([]);
  });
});
