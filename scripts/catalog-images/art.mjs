// Art direction per product: which silhouette, in which colours. Extra images of a
// product (index 1, 2) use `extras`: 'colours' (two colour variants side by side),
// 'sizes' (small and large), or 'detail' (close-up on a different backdrop).

const GOLD = '#c9a66b';

export const categoryArt = {
  skincare: { shape: 'dropper', tint: '#dbe9f4', p: { c: '#3f78ad', a: '#2f5f8c', a2: '#f4f8fb' } },
  makeup: { shape: 'lipstick', tint: '#f6dcdc', p: { c: '#c0485a', a: '#7a2f3b' } },
  fragrance: { shape: 'perfumeSquare', tint: '#f1e6cf', p: { c: '#c49a4a', a: '#9a7432' } },
  body: { shape: 'pump', tint: '#dcefe6', p: { c: '#5fa88a', a: '#3f8468', w: 190, h: 300, band: '#5fa88a' } },
  women: { shape: 'dress', tint: '#f7dde6', p: { c: '#d0668a' } },
  men: { shape: 'shirt', tint: '#dde4f0', p: { c: '#4d6a96' } },
  shoes: { shape: 'heel', tint: '#efe0d6', p: { c: '#b0694a' } },
  accessories: { shape: 'tote', tint: '#eee5d3', p: { c: '#b08a4a', a: '#8c6a34' } },
};

/** @type {Record<string, { shape: string, p: Record<string, unknown>, variants?: string[], extras?: string[], bg?: string }>} */
export const productArt = {
  'p-skincare-01': {
    shape: 'dropper',
    p: { c: '#8db8dc', a: GOLD, a2: '#f3efe9', sub: 'HYALURONIC SERUM' },
    extras: ['sizes', 'detail'],
  },
  'p-skincare-02': { shape: 'jar', p: { c: '#f1e4d8', a: GOLD, sub: 'CERAMIDE CREAM' } },
  'p-skincare-03': { shape: 'tallBottle', p: { c: '#cfe0cc', a: '#f5f1ea', sub: 'WHITE TEA TONER' } },
  'p-skincare-04': { shape: 'tube', p: { c: '#f6d8a4', a: '#f4f1ec', big: 'SPF50+', sub: 'UV LIGHT MILK' } },
  'p-skincare-05': { shape: 'maskBox', p: { c: '#b7cfb2', a: '#e3eaec', sub: 'CENTELLA MASK' } },
  'p-skincare-06': { shape: 'pump', p: { c: '#e3d3ec', a: '#f2efe9', w: 120, h: 260, r: 26, sub: 'EYE CREAM' } },

  'p-makeup-01': {
    shape: 'lipstick',
    p: { c: '#8e2f2c', a: '#2b2b2b' },
    variants: ['#c23a3a', '#c47e80'],
    extras: ['colours'],
  },
  'p-makeup-02': { shape: 'palette', p: { a: '#efe4d8' } },
  'p-makeup-03': { shape: 'cushion', p: { c: '#eccbb2', a: '#f1ebe3' } },
  'p-makeup-04': { shape: 'mascara', p: { c: '#26262c', a: GOLD }, bg: '#d8cfc6' },
  'p-makeup-05': { shape: 'lipGloss', p: { c: '#d9485f', a2: '#ef9f86', a: '#2a2a2a' } },
  'p-makeup-06': { shape: 'foundation', p: { c: '#e6bf9c', a: GOLD, sub: 'SOFT MATTE' } },

  'p-fragrance-01': {
    shape: 'perfumeSquare',
    p: { c: '#e4d29c', a: '#f1ece4', sub: 'WHITE TEA' },
    extras: ['sizes', 'detail'],
  },
  'p-fragrance-02': { shape: 'perfumeRound', p: { c: '#93b783', a: '#3a2f2a', sub: 'FIG WOOD' } },
  'p-fragrance-03': { shape: 'perfumeTall', p: { c: '#6f9dc0', a: '#1f2326', sub: 'CEDAR' } },
  'p-fragrance-04': { shape: 'candle', p: { c: '#7f9c92', sub: 'SAGE & SEA SALT' } },
  'p-fragrance-05': { shape: 'diffuser', p: { c: '#dcc08f', a: '#2b2b2b', sub: 'WHITE TEA' } },
  'p-fragrance-06': { shape: 'giftBox', p: { c: '#2f4048', a: GOLD, sub: 'DISCOVERY SET' } },

  'p-body-01': {
    shape: 'pump',
    p: { c: '#f2e3cc', a: '#b08a5a', sub: 'SHEA BODY LOTION' },
    variants: ['#f6d3cf'],
    extras: ['colours'],
  },
  'p-body-02': { shape: 'pump', p: { c: '#cfe0e8', a: '#f2efe9', w: 176, h: 350, r: 28, sub: 'BODY WASH' } },
  'p-body-03': { shape: 'tubeTrio', p: { c: '#f0c3bd', a2: '#e3ead6', a3: '#f6d9a6', a: '#f4f1ec' } },
  'p-body-04': { shape: 'shampoo', p: { c: '#e4dcef', a: '#f4f1ec', sub: 'SILK SHAMPOO' } },
  'p-body-05': { shape: 'saltJar', p: { c: '#bcd3e6', sub: 'SEA SALT SOAK' } },
  'p-body-06': { shape: 'jar', p: { c: '#f0e4d0', a: '#7a5a43', sub: 'COCONUT SCRUB' } },

  'p-women-01': {
    shape: 'coat',
    p: { c: '#d6c3a3' },
    variants: ['#8ea2b6', '#2f2f33'],
    extras: ['colours', 'detail'],
  },
  'p-women-02': { shape: 'dress', p: { c: '#f4e0a6', a: '#e08f7f' } },
  'p-women-03': { shape: 'cardigan', p: { c: '#f1eadc' }, bg: '#d9cbb8' },
  'p-women-04': { shape: 'tshirt', p: { c: '#f7f6f3' }, bg: '#c9d2dc' },
  'p-women-05': { shape: 'skirt', p: { c: '#c5ab82' } },
  'p-women-06': { shape: 'trousers', p: { c: '#2f2f33' }, bg: '#d8d2ca' },

  'p-men-01': {
    shape: 'tshirt',
    p: { c: '#2e3f5c' },
    variants: ['#f5f4f0', '#6b7550'],
    extras: ['colours'],
    bg: '#c8d0da',
  },
  'p-men-02': { shape: 'shirt', p: { c: '#a8c3df' } },
  'p-men-03': { shape: 'hoodie', p: { c: '#b5b5b2' } },
  'p-men-04': { shape: 'jacket', p: { c: '#bda77c' } },
  'p-men-05': { shape: 'trousers', p: { c: '#c2ab84' } },
  'p-men-06': { shape: 'polo', p: { c: '#8ba6c2' } },

  'p-shoes-01': {
    shape: 'sneaker',
    p: { c: '#3f7a5a' },
    variants: ['#26262a'],
    extras: ['colours'],
    bg: '#cfdccf',
  },
  'p-shoes-02': { shape: 'heel', p: { c: '#e1bfa2' } },
  'p-shoes-03': { shape: 'runner', p: { c: '#7f9fbf', a: '#ffffff' } },
  'p-shoes-04': { shape: 'loafer', p: { c: '#6b4330' } },
  'p-shoes-05': { shape: 'boot', p: { c: '#2d2b2b' }, bg: '#d9d0c6' },
  'p-shoes-06': { shape: 'sandal', p: { c: '#8a5a3c', a: '#eadfcd' }, bg: '#e0cdb6' },

  'p-accessories-01': {
    shape: 'tote',
    p: { c: '#ece3d2', a: '#d8c9ae' },
    variants: ['#34513f'],
    extras: ['colours'],
    bg: '#d6ccb8',
  },
  'p-accessories-02': { shape: 'saddleBag', p: { c: '#a8683a' } },
  'p-accessories-03': {
    shape: 'scarf',
    podium: false,
    p: { c: '#5f84aa', a: '#f2e5c6', pattern: 'geo' },
  },
  'p-accessories-04': { shape: 'bucketHat', p: { c: '#e2d3b8', a: '#b89e74' } },
  'p-accessories-05': { shape: 'sunglasses', p: { c: '#6b4a35', a: '#3a3a38' } },
  'p-accessories-06': { shape: 'earrings', p: { c: '#efe2d6', a: '#7d5a6b' } },
};

/** Demo shoppers' avatars: background, shirt, hair style and colour. */
export const avatarArt = {
  xiaoming: { bg: '#9cc7e8', shirt: '#2f5d8a', hair: 'short', hairColour: '#2b2522' },
  xiaohong: { bg: '#f4b6b6', shirt: '#c9485b', hair: 'long', hairColour: '#3a2620' },
  laowang: { bg: '#c9d8b0', shirt: '#5a6e3a', hair: 'bald', hairColour: '#6b6158', glasses: true },
  anna: { bg: '#f3d39b', shirt: '#d98b3a', hair: 'bun', hairColour: '#5a3a28' },
  dawei: { bg: '#b7b3e6', shirt: '#4b4690', hair: 'spiky', hairColour: '#1f1b1a' },
  meimei: { bg: '#f6c6dd', shirt: '#b8558a', hair: 'bob', hairColour: '#2e211d' },
  xiaoyu: { bg: '#a8dcd2', shirt: '#2f8a79', hair: 'ponytail', hairColour: '#3b2a22', glasses: true },
};
