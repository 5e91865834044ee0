import { API_ERROR_CODES, type ApiErrorCode } from '@wematrix/shared';
import { describe, expect, it } from 'vitest';
import { ADDRESS_ERRORS } from '../modules/addresses/address.errors';
import { AFTER_SALE_ERRORS } from '../modules/after-sales/after-sale.errors';
import { AUTH_ERRORS, AuthError } from '../modules/auth/auth.errors';
import { BARGAIN_ERRORS } from '../modules/bargain/bargain.errors';
import { CART_ERRORS, CartError } from '../modules/cart/cart.errors';
import { CATALOG_ERRORS, CatalogError } from '../modules/catalog/catalog.errors';
import { DISTRIBUTION_ERRORS } from '../modules/distribution/distribution.errors';
import { FLASH_SALE_ERRORS } from '../modules/flash-sale/flash-sale.errors';
import { GROUP_BUY_ERRORS } from '../modules/group-buy/group-buy.errors';
import { IDEMPOTENCY_ERRORS } from '../modules/idempotency/idempotency.errors';
import { LOTTERY_ERRORS } from '../modules/lottery/lottery.errors';
import { ORDER_ERRORS } from '../modules/orders/order.errors';
import { PAYMENT_ERRORS } from '../modules/payments/payments.errors';
import { POINTS_MALL_ERRORS } from '../modules/points-mall/points-mall.errors';
import { PRESALE_ERRORS } from '../modules/presale/presale.errors';
import { PROMOTION_ERRORS } from '../modules/promotions/promotions.errors';
import { REVIEW_ERRORS } from '../modules/reviews/review.errors';
import { SEARCH_ERRORS } from '../modules/search/search.errors';
import { SHARE_ERRORS } from '../modules/share/share.errors';
import { SUBSCRIBE_ERRORS } from '../modules/subscribe/subscribe.errors';
import { UPLOAD_ERRORS } from '../modules/uploads/upload.errors';
import { AppError, type ErrorSpec, HTTP_ERRORS, HttpError } from './app-error';

const TABLES: Record<string, Partial<Record<ApiErrorCode, ErrorSpec>>> = {
  http: HTTP_ERRORS,
  auth: AUTH_ERRORS,
  cart: CART_ERRORS,
  catalog: CATALOG_ERRORS,
  orders: ORDER_ERRORS,
  idempotency: IDEMPOTENCY_ERRORS,
  search: SEARCH_ERRORS,
  addresses: ADDRESS_ERRORS,
  promotions: PROMOTION_ERRORS,
  payments: PAYMENT_ERRORS,
  uploads: UPLOAD_ERRORS,
  afterSales: AFTER_SALE_ERRORS,
  reviews: REVIEW_ERRORS,
  subscribe: SUBSCRIBE_ERRORS,
  pointsMall: POINTS_MALL_ERRORS,
  flashSale: FLASH_SALE_ERRORS,
  bargain: BARGAIN_ERRORS,
  groupBuy: GROUP_BUY_ERRORS,
  distribution: DISTRIBUTION_ERRORS,
  lottery: LOTTERY_ERRORS,
  presale: PRESALE_ERRORS,
  share: SHARE_ERRORS,
};

describe('error codes: the shared unions are the source of truth', () => {
  it.each(API_ERROR_CODES)('%s has a spec in the API, with one status wherever it appears', (code) => {
    const specs = Object.values(TABLES).flatMap((table) => table[code] ?? []);
    expect(specs.length).toBeGreaterThan(0);
    expect(new Set(specs.map((spec) => spec.status)).size).toBe(1);
  });

  it('has no API code outside the shared list', () => {
    const apiCodes = Object.values(TABLES).flatMap((table) => Object.keys(table));
    expect(apiCodes.filter((code) => !(API_ERROR_CODES as readonly string[]).includes(code))).toEqual([]);
  });

  it('refuses unknown codes at compile time', () => {
    // Each line below must fail typecheck (npm run typecheck); at run time they just build errors.
    // @ts-expect-error not a code in @wematrix/shared
    expect(new AppError('NOPE', HTTP_ERRORS.INTERNAL).code).toBe('NOPE');
    // @ts-expect-error a catalog code is not a cart code
    expect(() => new CartError('PRODUCT_NOT_FOUND')).toThrow();
    // @ts-expect-error not a common code
    expect(() => new HttpError('INSUFFICIENT_STOCK')).toThrow();
    expect(new AuthError('WECHAT_UNAVAILABLE').status).toBe(502);
    expect(new CatalogError('CURSOR_INVALID').status).toBe(400);
  });
});
