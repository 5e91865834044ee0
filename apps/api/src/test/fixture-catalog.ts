import type { SeedCatalog } from '../db/seed/catalog.types';

/**
 * A small catalog with known numbers, so tests can assert exact orders, totals and stock
 * without depending on the demo data (which has its own consistency test in seed.test.ts).
 */
export const fixtureCatalog: SeedCatalog = {
  categories: [
    { id: 'skincare', name: '护肤', icon: 'skincare.png', sort: 1 },
    { id: 'shoes', name: '鞋履', icon: 'shoes.png', sort: 2 },
    { id: 'empty', name: '空分类', icon: 'empty.png', sort: 3 },
  ],
  products: [
    {
      id: 'p-serum',
      categoryId: 'skincare',
      title: '玻尿酸保湿精华液',
      subtitle: '深层补水 · 敏感肌可用',
      description: '清爽不黏腻的保湿精华。',
      tags: ['新品', '热销'],
      images: ['p-serum-1.jpg', 'p-serum-2.jpg'],
      sales: 1200,
      specGroups: [{ name: '规格', values: ['30ml', '50ml'] }],
      skus: [
        { id: 'sku-serum-30', specValues: ['30ml'], priceFen: 15900, originalPriceFen: 19900, stock: 120 },
        { id: 'sku-serum-50', specValues: ['50ml'], priceFen: 22900, originalPriceFen: 27900, stock: 5 },
      ],
      createdDaysAgo: 3,
    },
    {
      id: 'p-cream',
      categoryId: 'skincare',
      title: '修护面霜',
      subtitle: '夜间修护 100% 纯净',
      description: '厚润修护。',
      tags: ['屏障修护'],
      images: ['p-cream.jpg'],
      sales: 300,
      specGroups: [{ name: '规格', values: ['50g'] }],
      skus: [{ id: 'sku-cream-50', specValues: ['50g'], priceFen: 9900, originalPriceFen: null, stock: 0 }],
      createdDaysAgo: 30,
    },
    {
      id: 'p-toner',
      categoryId: 'skincare',
      title: '清透爽肤水',
      subtitle: '二次清洁',
      description: '温和清爽。',
      tags: ['补水'],
      images: ['p-toner.jpg'],
      sales: 800,
      specGroups: [{ name: '规格', values: ['200ml'] }],
      skus: [{ id: 'sku-toner', specValues: ['200ml'], priceFen: 8900, originalPriceFen: 12900, stock: 500 }],
      createdDaysAgo: 1,
    },
    {
      id: 'p-sneaker',
      categoryId: 'shoes',
      title: '经典小白鞋',
      subtitle: '百搭 · 轻盈',
      description: '头层牛皮。',
      tags: ['团购'],
      images: ['p-sneaker.jpg'],
      sales: 5000,
      specGroups: [
        { name: '颜色', values: ['白', '黑'] },
        { name: '尺码', values: ['38', '39'] },
      ],
      skus: [
        { id: 'sku-sneaker-w38', specValues: ['白', '38'], priceFen: 39900, originalPriceFen: 49900, stock: 200 },
        { id: 'sku-sneaker-w39', specValues: ['白', '39'], priceFen: 39900, originalPriceFen: 49900, stock: 200 },
        { id: 'sku-sneaker-b38', specValues: ['黑', '38'], priceFen: 41900, originalPriceFen: null, stock: 200 },
      ],
      createdDaysAgo: 10,
    },
  ],
  shoppers: [
    { key: 'xiaoming', nickname: '小明', avatar: 'xiaoming.png' },
    { key: 'xiaohong', nickname: '小红', avatar: null },
  ],
  campaigns: [
    {
      id: 'cmp-live-flash',
      kind: 'flash_sale',
      title: '限时秒杀 · 小白鞋',
      productId: 'p-sneaker',
      campaignPriceFen: 29900,
      startsInHours: -2,
      durationHours: 24,
    },
    {
      id: 'cmp-live-group',
      kind: 'group_buy',
      title: '三人团 · 精华',
      productId: 'p-serum',
      campaignPriceFen: 12900,
      startsInHours: -1,
      durationHours: 48,
    },
    {
      id: 'cmp-upcoming-presale',
      kind: 'presale',
      title: '预售 · 面霜',
      productId: 'p-cream',
      campaignPriceFen: 7900,
      startsInHours: 12,
      durationHours: 72,
    },
    {
      id: 'cmp-ended-bargain',
      kind: 'bargain',
      title: '砍价 · 爽肤水',
      productId: 'p-toner',
      campaignPriceFen: 100,
      startsInHours: -48,
      durationHours: 24,
    },
  ],
};
