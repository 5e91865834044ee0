import type { SeedCatalog } from './catalog.types';

/** Minimal placeholder until the full demo catalog lands (40+ products, 6+ categories). */
export const catalog: SeedCatalog = {
  categories: [{ id: 'skincare', name: '护肤', icon: 'skincare.png', sort: 1 }],
  products: [
    {
      id: 'p-serum-01',
      categoryId: 'skincare',
      title: '玻尿酸保湿精华液',
      subtitle: '深层补水 · 敏感肌可用',
      description: '清爽不黏腻的保湿精华。',
      tags: ['新品'],
      images: ['p-serum-01.jpg'],
      sales: 1203,
      specGroups: [{ name: '规格', values: ['30ml', '50ml'] }],
      skus: [
        { id: 'sku-serum-01-30', specValues: ['30ml'], priceFen: 15900, originalPriceFen: 19900, stock: 120 },
        { id: 'sku-serum-01-50', specValues: ['50ml'], priceFen: 22900, originalPriceFen: 27900, stock: 80 },
      ],
      createdDaysAgo: 3,
    },
  ],
  shoppers: [
    { key: 'xiaoming', nickname: '小明', avatar: null },
    { key: 'xiaohong', nickname: '小红', avatar: null },
  ],
  campaigns: [],
};
