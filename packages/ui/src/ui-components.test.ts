import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// Taro's components render as plain tags here (written with createElement: the root Vitest
// config collects *.test.ts); the markup (classes, text) is what e2e and
// styles rely on, and what these tests pin down.
vi.mock('@tarojs/components', () => ({ Text: 'span', View: 'div', Image: 'img' }));
vi.mock('@tarojs/taro', () => ({ default: {} }));

beforeAll(() => {
  Object.assign(globalThis, { API_BASE_URL: 'https://api.example.com' });
  process.env.TARO_ENV = 'weapp';
});

const { OriginalPrice, Price } = await import('./price');
const { ProductCard, salesText } = await import('./product-card');

describe('Price', () => {
  it('prints big yuan and small fen from integer fen', () => {
    const html = renderToStaticMarkup(h(Price, { fen: 129900, size: 'lg' }));
    expect(html).toContain('wm-price--lg');
    expect(html).toContain('<span class="wm-price__yuan">1,299</span>');
    expect(html).toContain('<span class="wm-price__cents">.00</span>');
  });

  it('shows the struck price only when it is higher', () => {
    expect(renderToStaticMarkup(h(OriginalPrice, { fen: 19900, than: 15900 }))).toContain('¥199.00');
    expect(renderToStaticMarkup(h(OriginalPrice, { fen: 15900, than: 15900 }))).toBe('');
    expect(renderToStaticMarkup(h(OriginalPrice, { fen: null }))).toBe('');
  });
});

describe('ProductCard', () => {
  const product = {
    id: 'p-1',
    title: '玻尿酸水润精华液',
    imageUrl: '/static/products/p-1.jpg',
    priceFen: 15900,
    originalPriceFen: 19900,
    sales: 18640,
    tags: ['热销', '团购', '新品'],
  };

  it('renders the hooks e2e selects on, an absolute image URL in weapp, and at most two tags', () => {
    const html = renderToStaticMarkup(h(ProductCard, { product }));
    expect(html).toContain('class="wm-product-card"');
    expect(html).toContain('<div class="wm-product-card__title">玻尿酸水润精华液</div>');
    expect(html).toContain('src="https://api.example.com/static/products/p-1.jpg"');
    expect(html.match(/wm-product-card__tag"/g)).toHaveLength(2);
    expect(html).toContain('已售 1.8万+');
  });

  it('writes sales counts the Chinese way', () => {
    expect(salesText(0)).toBe('已售 0');
    expect(salesText(9999)).toBe('已售 9999');
    expect(salesText(10_000)).toBe('已售 1万+');
    expect(salesText(123_456)).toBe('已售 12.3万+');
  });
});
