import { expect } from 'vitest';
import { describeWeappRender } from './render-smoke.mjs';

describeWeappRender('mall', {
  queries: async (api) => {
    const { items } = await api.get('/api/products?pageSize=1');
    return { 'pkg-goods/product/index': { id: items[0].id } };
  },
  expectations: {
    // The home page shows the catalog the API serves (e.g. 玻尿酸水润精华液).
    'pages/index/index': async (text, api, { html }) => {
      const { items } = await api.get('/api/products?pageSize=4');
      for (const product of items) expect(text).toContain(product.title);
      // NutUI's <i> icons reach WeChat as text nodes (plugin-html), e.g. the cart entry's icon.
      expect(html).toMatch(/<wx-text[^>]*class="[^"]*\bnut-icon-Cart\b/);
    },
    'pkg-goods/product/index': async (text, api) => {
      const { items } = await api.get('/api/products?pageSize=1');
      expect(text).toContain(items[0].title);
    },
  },
});
