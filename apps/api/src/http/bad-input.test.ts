import type { ApiErrorCode } from '@wematrix/shared';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectError, freshShopper, type TestApp } from '../test/test-app';
import { testDatabases } from '../test/test-databases';

/** One string input of one route, carrying a NUL (U+0000), which PostgreSQL cannot store. */
interface NulCase {
  /** Method and path as Fastify registered the route. */
  route: string;
  input: string;
  request: InjectOptions;
  /** Routes behind the auth guard get a signed-in shopper's token. */
  signedIn?: boolean;
}

const NUL = '\u0000';
const SKU = 'sku-sneaker-b38';
const ADDRESS = { recipient: '林小满', phone: '13800138000', regionCode: '440305', detail: '科技园 8 栋' };
const ORDER_ID = '00000000-0000-4000-8000-000000000000';
const ORDER = {
  lines: [{ skuId: SKU, quantity: 1 }],
  address: { name: '林小满', phone: '13800138000', region: ['广东省', '深圳市', '南山区'], detail: '科技园 8 栋' },
  expectedTotalFen: 41_900,
};
const IDEMPOTENCY = { 'idempotency-key': 'bad-input-test-key-0001' };
/** The operators' routes are on in this app (createTestApp below), behind this token. */
const OPS_TOKEN = 'bad-input-ops-token-0123456789abcdef';
const OPS = { authorization: `Bearer ${OPS_TOKEN}` };
/** A well-formed share link (signature wrong) whose fields the cases below spoil one by one. */
const LINK = { p: '00000000-0000-4000-8000-000000000000', t: 'home', e: 4102444800, s: 'a'.repeat(43) };
/** A well-formed share payload (signature wrong) whose fields the share cases spoil one by one. */
const SHARE_PAYLOAD = {
  sk: 'product',
  si: 'p-toner',
  su: '00000000-0000-4000-8000-000000000000',
  se: '4102444800',
  ss: 'a'.repeat(43),
};

const NUL_CASES: NulCase[] = [
  { route: 'GET /api/products/:id', input: 'params.id', request: { method: 'GET', url: '/api/products/%00' } },
  {
    route: 'GET /api/products/:id',
    input: 'params.id (inside)',
    request: { method: 'GET', url: '/api/products/p%00x' },
  },
  { route: 'GET /api/products', input: 'query.q', request: { method: 'GET', url: '/api/products?q=%00' } },
  {
    route: 'GET /api/products',
    input: 'query.categoryId',
    request: { method: 'GET', url: '/api/products?categoryId=%00' },
  },
  { route: 'GET /api/products', input: 'query.cursor', request: { method: 'GET', url: '/api/products?cursor=%00' } },
  { route: 'GET /api/products', input: 'query.sort', request: { method: 'GET', url: '/api/products?sort=%00' } },
  {
    route: 'GET /api/products',
    input: 'query.withTotal',
    request: { method: 'GET', url: '/api/products?withTotal=%00' },
  },
  { route: 'GET /api/campaigns', input: 'query.kind', request: { method: 'GET', url: '/api/campaigns?kind=%00' } },
  {
    route: 'POST /api/auth/wechat',
    input: 'body.app',
    request: { method: 'POST', url: '/api/auth/wechat', payload: { app: NUL, code: 'c' } },
  },
  {
    route: 'POST /api/auth/wechat',
    input: 'body.code',
    request: { method: 'POST', url: '/api/auth/wechat', payload: { app: 'mall', code: `a${NUL}` } },
  },
  {
    route: 'POST /api/auth/dev',
    input: 'body.shopper',
    request: { method: 'POST', url: '/api/auth/dev', payload: { shopper: NUL } },
  },
  {
    route: 'POST /api/cart/items',
    input: 'body.skuId',
    request: { method: 'POST', url: '/api/cart/items', payload: { skuId: NUL, quantity: 1 } },
    signedIn: true,
  },
  {
    route: 'PATCH /api/cart/items/:skuId',
    input: 'params.skuId',
    request: { method: 'PATCH', url: `/api/cart/items/${SKU}%00`, payload: { quantity: 2 } },
    signedIn: true,
  },
  {
    route: 'DELETE /api/cart/items/:skuId',
    input: 'params.skuId',
    request: { method: 'DELETE', url: `/api/cart/items/${SKU}%00` },
    signedIn: true,
  },
  { route: 'GET /api/regions', input: 'query.parent', request: { method: 'GET', url: '/api/regions?parent=%00' } },
  ...(['GET', 'PUT', 'DELETE'] as const).map((method) => ({
    route: `${method} /api/me/addresses/:id`,
    input: 'params.id',
    request: { method, url: `/api/me/addresses/a%00`, payload: method === 'PUT' ? ADDRESS : undefined },
    signedIn: true,
  })),
  {
    route: 'POST /api/me/addresses/:id/default',
    input: 'params.id',
    request: { method: 'POST', url: '/api/me/addresses/a%00/default' },
    signedIn: true,
  },
  {
    route: 'POST /api/me/addresses',
    input: 'body.detail',
    request: { method: 'POST', url: '/api/me/addresses', payload: { ...ADDRESS, detail: `科技园${NUL}` } },
    signedIn: true,
  },
  {
    route: 'POST /api/coupons/:templateId/claim',
    input: 'params.templateId',
    request: { method: 'POST', url: '/api/coupons/t%00/claim' },
    signedIn: true,
  },
  {
    route: 'GET /api/me/coupons',
    input: 'query.status',
    request: { method: 'GET', url: '/api/me/coupons?status=%00' },
    signedIn: true,
  },
  {
    route: 'GET /api/me/points',
    input: 'query.cursor',
    request: { method: 'GET', url: '/api/me/points?cursor=%00' },
    signedIn: true,
  },
  {
    route: 'POST /api/points-mall/items/:id/exchange',
    input: 'params.id',
    request: { method: 'POST', url: '/api/points-mall/items/i%00/exchange', headers: IDEMPOTENCY },
    signedIn: true,
  },
  {
    route: 'POST /api/checkout/preview',
    input: 'body.lines[].skuId',
    request: { method: 'POST', url: '/api/checkout/preview', payload: { lines: [{ skuId: NUL, quantity: 1 }] } },
    signedIn: true,
  },
  {
    route: 'POST /api/checkout/preview',
    input: 'body.userCouponId',
    request: { method: 'POST', url: '/api/checkout/preview', payload: { userCouponId: `c${NUL}` } },
    signedIn: true,
  },
  {
    route: 'POST /api/orders',
    input: 'body.lines[].skuId',
    request: {
      method: 'POST',
      url: '/api/orders',
      headers: IDEMPOTENCY,
      payload: { ...ORDER, lines: [{ skuId: `${SKU}${NUL}`, quantity: 1 }] },
    },
    signedIn: true,
  },
  {
    route: 'POST /api/orders',
    input: 'body.address.detail',
    request: {
      method: 'POST',
      url: '/api/orders',
      headers: IDEMPOTENCY,
      payload: { ...ORDER, address: { ...ORDER.address, detail: `科技园${NUL}` } },
    },
    signedIn: true,
  },
  {
    route: 'POST /api/orders',
    input: 'body.userCouponId',
    request: { method: 'POST', url: '/api/orders', headers: IDEMPOTENCY, payload: { ...ORDER, userCouponId: NUL } },
    signedIn: true,
  },
  {
    route: 'GET /api/orders',
    input: 'query.status',
    request: { method: 'GET', url: '/api/orders?status=%00' },
    signedIn: true,
  },
  {
    route: 'GET /api/orders',
    input: 'query.cursor',
    request: { method: 'GET', url: '/api/orders?cursor=%00' },
    signedIn: true,
  },
  {
    route: 'GET /api/orders/:id',
    input: 'params.id',
    request: { method: 'GET', url: '/api/orders/o%00' },
    signedIn: true,
  },
  ...(['cancel', 'confirm'] as const).map((action) => ({
    route: `POST /api/orders/:id/${action}`,
    input: 'params.id',
    request: { method: 'POST' as const, url: `/api/orders/o%00/${action}` },
    signedIn: true,
  })),
  {
    route: 'POST /api/ops/orders/:id/ship',
    input: 'params.id',
    request: {
      method: 'POST',
      url: '/api/ops/orders/o%00/ship',
      headers: OPS,
      payload: { company: '顺丰速运', trackingNo: 'SF1234567890' },
    },
  },
  {
    route: 'POST /api/ops/orders/:id/ship',
    input: 'body.company',
    request: {
      method: 'POST',
      url: `/api/ops/orders/${ORDER_ID}/ship`,
      headers: OPS,
      payload: { company: `顺丰${NUL}`, trackingNo: 'SF1234567890' },
    },
  },
  {
    route: 'POST /api/orders/:id/pay',
    input: 'params.id',
    request: { method: 'POST', url: '/api/orders/o%00/pay', payload: { app: 'mall' } },
    signedIn: true,
  },
  {
    route: 'POST /api/orders/:id/pay',
    input: 'body.app',
    request: { method: 'POST', url: `/api/orders/${ORDER_ID}/pay`, payload: { app: NUL } },
    signedIn: true,
  },
  {
    route: 'GET /api/orders/:id/payment',
    input: 'params.id',
    request: { method: 'GET', url: '/api/orders/o%00/payment' },
    signedIn: true,
  },
  {
    route: 'POST /api/orders/:id/refund',
    input: 'params.id',
    request: { method: 'POST', url: '/api/orders/o%00/refund', payload: { reason: '不想要了' } },
    signedIn: true,
  },
  {
    route: 'POST /api/orders/:id/refund',
    input: 'body.reason',
    request: { method: 'POST', url: `/api/orders/${ORDER_ID}/refund`, payload: { reason: `不想要${NUL}` } },
    signedIn: true,
  },
  {
    route: 'POST /api/orders/:id/after-sales',
    input: 'params.id',
    request: { method: 'POST', url: '/api/orders/o%00/after-sales', payload: { kind: 'refund_only', reason: 'other' } },
    signedIn: true,
  },
  {
    route: 'POST /api/orders/:id/after-sales',
    input: 'body.reasonText',
    request: {
      method: 'POST',
      url: `/api/orders/${ORDER_ID}/after-sales`,
      payload: { kind: 'refund_only', reason: 'other', reasonText: `坏了${NUL}` },
    },
    signedIn: true,
  },
  {
    route: 'POST /api/orders/:id/after-sales',
    input: 'body.photos[0]',
    request: {
      method: 'POST',
      url: `/api/orders/${ORDER_ID}/after-sales`,
      payload: { kind: 'refund_only', reason: 'other', photos: [NUL] },
    },
    signedIn: true,
  },
  {
    route: 'GET /api/orders/:id/after-sales',
    input: 'params.id',
    request: { method: 'GET', url: '/api/orders/o%00/after-sales' },
    signedIn: true,
  },
  {
    route: 'GET /api/ops/after-sales',
    input: 'query.status',
    request: { method: 'GET', url: '/api/ops/after-sales?status=%00', headers: OPS },
  },
  {
    route: 'GET /api/ops/after-sales',
    input: 'query.cursor',
    request: { method: 'GET', url: '/api/ops/after-sales?cursor=%00', headers: OPS },
  },
  ...(['approve', 'refuse'] as const).flatMap((decision) => [
    {
      route: `POST /api/ops/after-sales/:id/${decision}`,
      input: 'params.id',
      request: {
        method: 'POST' as const,
        url: `/api/ops/after-sales/a%00/${decision}`,
        headers: OPS,
        payload: { comment: '不符合售后条件' },
      },
    },
    {
      route: `POST /api/ops/after-sales/:id/${decision}`,
      input: 'body.comment',
      request: {
        method: 'POST' as const,
        url: `/api/ops/after-sales/${ORDER_ID}/${decision}`,
        headers: OPS,
        payload: { comment: `不符合${NUL}` },
      },
    },
  ]),
  {
    route: 'POST /api/orders/:id/reviews',
    input: 'params.id',
    request: { method: 'POST', url: '/api/orders/o%00/reviews', payload: { lines: [{ skuId: SKU, stars: 5 }] } },
    signedIn: true,
  },
  ...(['skuId', 'text', 'photos'] as const).map((field) => ({
    route: 'POST /api/orders/:id/reviews',
    input: `body.lines[0].${field}`,
    request: {
      method: 'POST' as const,
      url: `/api/orders/${ORDER_ID}/reviews`,
      payload: { lines: [{ skuId: SKU, stars: 5, [field]: field === 'photos' ? [NUL] : `a${NUL}` }] },
    },
    signedIn: true,
  })),
  {
    route: 'GET /api/orders/:id/reviews',
    input: 'params.id',
    request: { method: 'GET', url: '/api/orders/o%00/reviews' },
    signedIn: true,
  },
  {
    route: 'GET /api/products/:id/reviews',
    input: 'params.id',
    request: { method: 'GET', url: '/api/products/p%00/reviews' },
  },
  {
    route: 'GET /api/products/:id/reviews',
    input: 'query.cursor',
    request: { method: 'GET', url: '/api/products/p-sneaker/reviews?cursor=%00' },
  },
  {
    route: 'POST /api/ops/reviews/:id/hide',
    input: 'params.id',
    request: { method: 'POST', url: '/api/ops/reviews/r%00/hide', headers: OPS, payload: { reason: '广告' } },
  },
  {
    route: 'POST /api/ops/reviews/:id/hide',
    input: 'body.reason',
    request: {
      method: 'POST',
      url: `/api/ops/reviews/${ORDER_ID}/hide`,
      headers: OPS,
      payload: { reason: `广${NUL}` },
    },
  },
  {
    route: 'GET /api/search/products',
    input: 'query.q',
    request: { method: 'GET', url: '/api/search/products?q=%E9%98%B2%00' },
  },
  {
    route: 'GET /api/search/products',
    input: 'query.categoryId',
    request: { method: 'GET', url: '/api/search/products?q=a&categoryId=%00' },
  },
  {
    route: 'GET /api/search/products',
    input: 'query.cursor',
    request: { method: 'GET', url: '/api/search/products?q=a&cursor=%00' },
  },
  {
    route: 'POST /api/flash-sales/:slotId/claim',
    input: 'params.slotId',
    request: { method: 'POST', url: '/api/flash-sales/s%00/claim', payload: { quantity: 1 } },
    signedIn: true,
  },
  {
    route: 'GET /api/presales/:id',
    input: 'params.id',
    request: { method: 'GET', url: '/api/presales/p%00' },
  },
  {
    route: 'POST /api/presales/:id/quote',
    input: 'params.id',
    request: { method: 'POST', url: '/api/presales/p%00/quote', payload: { quantity: 1 } },
    signedIn: true,
  },
  {
    route: 'POST /api/presales/:id/order',
    input: 'body.address.detail',
    request: {
      method: 'POST',
      url: '/api/presales/p1/order',
      headers: { 'idempotency-key': 'presale-order-nul-1' },
      payload: {
        quantity: 1,
        address: { name: '林', phone: '13800138000', region: ['广东省', '深圳市', '南山区'], detail: '科技园\u0000' },
        expectedTotalFen: 100,
      },
    },
    signedIn: true,
  },
  {
    route: 'POST /api/ops/presales',
    input: 'body.title',
    request: {
      method: 'POST',
      url: '/api/ops/presales',
      headers: OPS,
      payload: {
        id: 'p1',
        skuId: 's1',
        title: '预售\u0000',
        startsAt: 'x',
        endsAt: 'x',
        shipsAt: 'x',
        stock: 1,
        ladder: { basis: 'units', steps: [] },
      },
    },
  },
  {
    route: 'POST /api/flash-sales/claims/:claimId/quote',
    input: 'body.region.province',
    request: {
      method: 'POST',
      url: '/api/flash-sales/claims/c1/quote',
      payload: { region: { province: '广东\u0000' } },
    },
    signedIn: true,
  },
  {
    route: 'POST /api/flash-sales/claims/:claimId/order',
    input: 'params.claimId',
    request: {
      method: 'POST',
      url: '/api/flash-sales/claims/c%00/order',
      headers: { 'idempotency-key': 'flash-order-nul-1' },
      payload: { addressId: 'a1', expectedTotalFen: 100 },
    },
    signedIn: true,
  },
  {
    route: 'GET /api/group-buys/:activityId',
    input: 'params.activityId',
    request: { method: 'GET', url: '/api/group-buys/g%00' },
  },
  {
    route: 'GET /api/group-buys/groups/:groupId',
    input: 'params.groupId',
    request: { method: 'GET', url: '/api/group-buys/groups/g%00' },
  },
  {
    route: 'POST /api/group-buys/:activityId/quote',
    input: 'params.activityId',
    request: { method: 'POST', url: '/api/group-buys/g%00/quote', payload: {} },
    signedIn: true,
  },
  {
    route: 'POST /api/group-buys/groups/:groupId/quote',
    input: 'body.region.province',
    request: {
      method: 'POST',
      url: '/api/group-buys/groups/g1/quote',
      payload: { region: { province: '广东\u0000' } },
    },
    signedIn: true,
  },
  {
    route: 'POST /api/group-buys/:activityId/open',
    input: 'params.activityId',
    request: {
      method: 'POST',
      url: '/api/group-buys/g%00/open',
      headers: { 'idempotency-key': 'group-open-nul-1' },
      payload: { addressId: 'a1', expectedTotalFen: 100 },
    },
    signedIn: true,
  },
  {
    route: 'POST /api/ops/group-buys',
    input: 'body.title',
    request: {
      method: 'POST',
      url: '/api/ops/group-buys',
      headers: OPS,
      payload: {
        id: 'gb-nul',
        skuId: 'sku-toner',
        title: `拼团${NUL}`,
        groupSize: 2,
        tiers: [{ size: 2, priceFen: 6900 }],
        windowHours: 24,
        startsAt: '2026-06-01T00:00:00Z',
        endsAt: '2026-06-02T00:00:00Z',
      },
    },
  },
  {
    route: 'POST /api/group-buys/groups/:groupId/join',
    input: 'body.addressId',
    request: {
      method: 'POST',
      url: '/api/group-buys/groups/g1/join',
      headers: { 'idempotency-key': 'group-join-nul-1' },
      payload: { addressId: 'a\u0000', expectedTotalFen: 100 },
    },
    signedIn: true,
  },
  {
    route: 'GET /api/bargain-activities/:id',
    input: 'params.id',
    request: { method: 'GET', url: '/api/bargain-activities/b%00' },
  },
  {
    route: 'POST /api/bargain-activities/:id/start',
    input: 'params.id',
    request: { method: 'POST', url: '/api/bargain-activities/b%00/start' },
    signedIn: true,
  },
  {
    route: 'GET /api/bargains/:id',
    input: 'params.id',
    request: { method: 'GET', url: '/api/bargains/b%00' },
  },
  {
    route: 'POST /api/bargains/:id/help',
    input: 'params.id',
    request: { method: 'POST', url: '/api/bargains/b%00/help' },
    signedIn: true,
  },
  {
    route: 'POST /api/bargains/:id/quote',
    input: 'body.region.province',
    request: { method: 'POST', url: '/api/bargains/b1/quote', payload: { region: { province: '广东\u0000' } } },
    signedIn: true,
  },
  {
    route: 'POST /api/bargains/:id/order',
    input: 'body.addressId',
    request: {
      method: 'POST',
      url: '/api/bargains/b1/order',
      headers: { 'idempotency-key': 'bargain-order-nul-1' },
      payload: { addressId: 'a\u0000', expectedTotalFen: 100 },
    },
    signedIn: true,
  },
  {
    route: 'GET /api/subscribe/templates',
    input: 'query.app',
    request: { method: 'GET', url: '/api/subscribe/templates?app=%00' },
  },
  {
    route: 'POST /api/me/subscriptions',
    input: 'body.app',
    request: { method: 'POST', url: '/api/me/subscriptions', payload: { app: NUL, results: {} } },
    signedIn: true,
  },
  {
    route: 'POST /api/me/subscriptions',
    input: 'body.results (template id)',
    request: {
      method: 'POST',
      url: '/api/me/subscriptions',
      payload: { app: 'mall', results: { [`t${NUL}`]: 'accept' } },
    },
    signedIn: true,
  },
  {
    route: 'POST /api/me/subscriptions',
    input: 'body.results (answer)',
    request: { method: 'POST', url: '/api/me/subscriptions', payload: { app: 'mall', results: { t: `accept${NUL}` } } },
    signedIn: true,
  },
  {
    route: 'POST /api/ops/promoters/:id/approve',
    input: 'params.id',
    request: { method: 'POST', url: '/api/ops/promoters/%00/approve', headers: OPS },
  },
  {
    route: 'PUT /api/ops/distribution/rates',
    input: 'body.productId',
    request: {
      method: 'PUT',
      url: '/api/ops/distribution/rates',
      headers: OPS,
      payload: { productId: NUL, rateBp: 1000 },
    },
  },
  {
    route: 'POST /api/share-links',
    input: 'body.target',
    request: { method: 'POST', url: '/api/share-links', payload: { target: `product:a${NUL}` } },
    signedIn: true,
  },
  {
    route: 'POST /api/bindings',
    input: 'body.link.p',
    request: {
      method: 'POST',
      url: '/api/bindings',
      payload: { link: { ...LINK, p: `${LINK.p.slice(0, 35)}${NUL}` } },
    },
    signedIn: true,
  },
  {
    route: 'POST /api/bindings',
    input: 'body.link.t',
    request: { method: 'POST', url: '/api/bindings', payload: { link: { ...LINK, t: `home${NUL}` } } },
    signedIn: true,
  },
  {
    route: 'POST /api/bindings',
    input: 'body.link.s',
    request: { method: 'POST', url: '/api/bindings', payload: { link: { ...LINK, s: `${'a'.repeat(42)}${NUL}` } } },
    signedIn: true,
  },
  {
    route: 'POST /api/me/withdrawals',
    input: 'body.app',
    request: { method: 'POST', url: '/api/me/withdrawals', payload: { amountFen: 100, app: `mall${NUL}` } },
    signedIn: true,
  },
  {
    route: 'GET /api/ops/withdrawals',
    input: 'query.status',
    request: { method: 'GET', url: '/api/ops/withdrawals?status=requested%00', headers: OPS },
  },
  {
    route: 'POST /api/ops/withdrawals/:id/approve',
    input: 'params.id',
    request: { method: 'POST', url: '/api/ops/withdrawals/%00/approve', headers: OPS },
  },
  {
    route: 'POST /api/ops/withdrawals/:id/reject',
    input: 'params.id',
    request: { method: 'POST', url: '/api/ops/withdrawals/%00/reject', headers: OPS, payload: { reason: '不符合' } },
  },
  {
    route: 'POST /api/ops/withdrawals/:id/reject',
    input: 'body.reason',
    request: {
      method: 'POST',
      url: '/api/ops/withdrawals/00000000-0000-4000-8000-000000000000/reject',
      headers: OPS,
      payload: { reason: `不符合${NUL}` },
    },
  },
  {
    route: 'GET /api/lotteries',
    input: 'query.campaign',
    request: { method: 'GET', url: '/api/lotteries?campaign=c%00' },
  },
  {
    route: 'GET /api/lotteries/:id',
    input: 'params.id',
    request: { method: 'GET', url: '/api/lotteries/l%00' },
    signedIn: true,
  },
  {
    route: 'POST /api/lotteries/:id/draw',
    input: 'params.id',
    request: { method: 'POST', url: '/api/lotteries/l%00/draw' },
    signedIn: true,
  },
  {
    route: 'GET /api/lotteries/:id/my-prizes',
    input: 'params.id',
    request: { method: 'GET', url: '/api/lotteries/l%00/my-prizes' },
    signedIn: true,
  },
  {
    route: 'POST /api/lotteries/draws/:drawId/quote',
    input: 'params.drawId',
    request: { method: 'POST', url: `/api/lotteries/draws/${ORDER_ID.slice(0, 35)}%00/quote`, payload: {} },
    signedIn: true,
  },
  {
    route: 'POST /api/lotteries/draws/:drawId/quote',
    input: 'body.region.province',
    request: {
      method: 'POST',
      url: `/api/lotteries/draws/${ORDER_ID}/quote`,
      payload: { region: { province: `广东${NUL}` } },
    },
    signedIn: true,
  },
  {
    route: 'POST /api/lotteries/draws/:drawId/claim',
    input: 'params.drawId',
    request: {
      method: 'POST',
      url: `/api/lotteries/draws/${ORDER_ID.slice(0, 35)}%00/claim`,
      headers: IDEMPOTENCY,
      payload: { address: ORDER.address, expectedTotalFen: 0 },
    },
    signedIn: true,
  },
  {
    route: 'POST /api/lotteries/draws/:drawId/claim',
    input: 'body.addressId',
    request: {
      method: 'POST',
      url: `/api/lotteries/draws/${ORDER_ID}/claim`,
      headers: IDEMPOTENCY,
      payload: { addressId: `a${NUL}`, expectedTotalFen: 0 },
    },
    signedIn: true,
  },
  {
    route: 'POST /api/ops/lotteries',
    input: 'body.id',
    request: {
      method: 'POST',
      url: '/api/ops/lotteries',
      headers: OPS,
      payload: {
        id: `l${NUL}`,
        title: '抽奖',
        dailyDraws: 1,
        startsAt: '2026-06-01T00:00:00Z',
        endsAt: '2026-06-02T00:00:00Z',
        prizes: [],
      },
    },
  },
  {
    route: 'POST /api/share/links',
    input: 'body.kind',
    request: { method: 'POST', url: '/api/share/links', payload: { kind: `product${NUL}`, id: 'p1' } },
    signedIn: true,
  },
  {
    route: 'POST /api/share/links',
    input: 'body.id',
    request: { method: 'POST', url: '/api/share/links', payload: { kind: 'product', id: `p${NUL}` } },
    signedIn: true,
  },
  ...(['sk', 'si', 'su', 'se', 'ss'] as const).map((field) => ({
    route: 'POST /api/share/open',
    input: `body.payload.${field}`,
    request: {
      method: 'POST' as const,
      url: '/api/share/open',
      payload: { payload: { ...SHARE_PAYLOAD, [field]: `${SHARE_PAYLOAD[field].slice(1)}${NUL}` } },
    },
  })),
  {
    route: 'POST /api/share/codes',
    input: 'body.app',
    request: { method: 'POST', url: '/api/share/codes', payload: { kind: 'product', id: 'p1', app: `mall${NUL}` } },
    signedIn: true,
  },
  {
    route: 'POST /api/share/codes',
    input: 'body.id',
    request: { method: 'POST', url: '/api/share/codes', payload: { kind: 'product', id: `p${NUL}`, app: 'mall' } },
    signedIn: true,
  },
  {
    route: 'GET /api/share/scenes/:scene',
    input: 'params.scene',
    request: { method: 'GET', url: '/api/share/scenes/abc%00' },
  },
  {
    route: 'GET /api/ops/share/stats',
    input: 'query.from',
    request: { method: 'GET', url: '/api/ops/share/stats?from=2026-06-01T00:00:00Z%00', headers: OPS },
  },
];

/** Routes that read no string from the request (the session token is checked by signature). */
const NO_STRING_INPUT = [
  'GET /api/health',
  'GET /api/me',
  'GET /api/categories',
  'GET /api/me/addresses',
  'GET /api/cart',
  'GET /api/auth/dev/shoppers',
  'GET /api/coupons/claimable',
  'GET /api/points-mall/items',
  'GET /api/flash-sales',
  'GET /api/presales',
  'GET /api/bargains/activities',
  'GET /api/group-buys',
  'GET /api/group-buys/mine',
  'GET /api/me/member',
  'POST /api/promoters/apply',
  'GET /api/me/commissions',
  'GET /api/me/withdrawals',
  'GET /api/me/promoter-centre',
  'GET /api/search/history',
  'DELETE /api/search/history',
  'GET /api/search/hot',
  'GET /api/orders/counts',
  // WeChat Pay's notifications: no shopper strings. The body is believed only after its
  // platform signature checks out over the exact bytes (a NUL anywhere breaks it: 401), and
  // its fields come from WeChat's AEAD-decrypted resource (payments.routes.test.ts).
  'POST /api/pay/notify/transaction',
  'POST /api/pay/notify/refund',
  'POST /api/pay/notify/transfer',
  // The body is the image's bytes (or multipart around them), judged by their magic numbers,
  // never read as text (upload.routes.test.ts).
  'POST /api/uploads',
];

/** Errors Fastify raises before a handler runs, in the same body as the app's own. */
const FRAMEWORK_CASES: { name: string; request: InjectOptions; status: number; code: ApiErrorCode }[] = [
  {
    name: 'bad percent-encoding in the path',
    request: { method: 'GET', url: '/api/products/%E0%A4%A' },
    status: 400,
    code: 'MALFORMED_URL',
  },
  {
    name: 'a path parameter over the router limit',
    request: { method: 'GET', url: `/api/products/${'p'.repeat(200)}` },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a path parameter just over the id limit',
    request: { method: 'GET', url: `/api/products/${'p'.repeat(65)}` },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'malformed JSON',
    request: { method: 'POST', url: '/api/auth/dev', headers: { 'content-type': 'application/json' }, payload: '{bad' },
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    name: 'a raw 0x00 byte inside a JSON string',
    request: {
      method: 'POST',
      url: '/api/auth/dev',
      headers: { 'content-type': 'application/json' },
      payload: `{"shopper":"${NUL}"}`,
    },
    status: 400,
    code: 'MALFORMED_JSON',
  },
];

/** The API's routes as `METHOD /path`, read from Fastify's route tree (HEAD is implied by GET). */
function registeredRoutes(tree: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    stack.push(match[2] ?? '');
    const path = stack.join('');
    for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD')) {
      routes.push(`${method} ${path}`);
    }
  }
  return routes;
}

describe.each(testDatabases())('bad input on $name', (database) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(database, { config: { opsApiToken: OPS_TOKEN } });
    token = await freshShopper(t);
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/cart/items',
      headers: bearer(token),
      payload: { skuId: SKU, quantity: 1 },
    });
    expect(added.statusCode, added.body).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has a NUL case for every API route that reads a string', () => {
    const apiRoutes = registeredRoutes(t.app.printRoutes({ commonPrefix: false })).filter((r) => r.includes(' /api/'));
    expect(apiRoutes.length).toBeGreaterThan(NO_STRING_INPUT.length);
    const covered = new Set([...NUL_CASES.map((c) => c.route), ...NO_STRING_INPUT]);
    expect(apiRoutes.filter((route) => !covered.has(route))).toEqual([]);
  });

  it.each(NUL_CASES)('$route refuses a NUL in $input with 400 VALIDATION_FAILED', async ({ request, signedIn }) => {
    const cartBefore = (await t.app.inject({ method: 'GET', url: '/api/cart', headers: bearer(token) })).json();
    const response = await t.app.inject({
      ...request,
      headers: { ...request.headers, ...(signedIn ? bearer(token) : {}) },
    });
    const body = expectError(response, 400, 'VALIDATION_FAILED');
    expect(Object.keys(body).sort()).toEqual(['code', 'details', 'message', 'messageEn']);
    const cartAfter = (await t.app.inject({ method: 'GET', url: '/api/cart', headers: bearer(token) })).json();
    expect(cartAfter).toEqual(cartBefore);
  });

  it('serves no static file for a NUL in its path, in the error body', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/static/products/p-sneaker.jpg%00' });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(Object.keys(response.json()).sort()).toEqual(['code', 'message', 'messageEn']);
  });

  it.each(FRAMEWORK_CASES)('answers $name with $status $code', async ({ request, status, code }) => {
    const body = expectError(await t.app.inject(request), status, code);
    expect(Object.keys(body).filter((k) => k !== 'details')).toEqual(['code', 'message', 'messageEn']);
  });
});
