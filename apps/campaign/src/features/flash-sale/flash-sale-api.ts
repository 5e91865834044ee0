import { ApiError, type FlashSaleClaim, type FlashSaleSlots, type Order, type OrderQuoteView } from '@wematrix/shared';
import { CampaignApiError, campaignCall } from '../campaign-buy/campaign-api';

/**
 * The 秒杀 calls. The shared API client (packages/shared/src/client) has no flash-sale
 * methods yet; these go through the same transport, token and 401 handling, and belong there
 * once the flash-sale contract settles (then this file shrinks to the error texts).
 */

/** What the order endpoint takes: the address (by id) and the total the shopper saw. */
export interface FlashSaleOrderRequest {
  addressId: string;
  expectedTotalFen: number;
}

export const flashSaleApi = {
  /** GET /api/flash-sales: slots not yet ended and the server's clock. */
  list: () => campaignCall<FlashSaleSlots>('GET', '/flash-sales'),
  /** POST /api/flash-sales/:slotId/claim → 201, the units held until `holdUntil`. */
  claim: (slotId: string, quantity = 1) =>
    campaignCall<FlashSaleClaim>('POST', `/flash-sales/${encodeURIComponent(slotId)}/claim`, { quantity }),
  /** POST /api/flash-sales/claims/:claimId/quote: the order's figures (slot price, the region's shipping). */
  quote: (claimId: string, region: { province?: string; regionCode?: string }) =>
    campaignCall<OrderQuoteView>('POST', `/flash-sales/claims/${encodeURIComponent(claimId)}/quote`, { region }),
  /** POST /api/flash-sales/claims/:claimId/order → 201 Order (one per key: a retry gets the same order). */
  placeOrder: (claimId: string, body: FlashSaleOrderRequest, idempotencyKey: string) =>
    campaignCall<Order>('POST', `/flash-sales/claims/${encodeURIComponent(claimId)}/order`, body, {
      'idempotency-key': idempotencyKey,
    }),
};

/**
 * The words a shopper reads for each refusal. The API's own messages are Chinese too; these
 * say what to do next in the page's voice, and unknown codes fall back to the API's message.
 */
const REFUSALS: Partial<Record<string, string>> = {
  FLASH_SALE_SOLD_OUT: '手慢了，本场已抢光',
  FLASH_SALE_LIMIT_REACHED: '你已抢过本场，每人限购',
  FLASH_SALE_NOT_LIVE: '秒杀还没开始或已经结束，以页面时间为准',
  FLASH_SALE_NOT_FOUND: '该秒杀场次已下架',
  FLASH_SALE_UNAVAILABLE: '系统繁忙，请稍后再试',
  FLASH_SALE_CLAIM_INVALID: '抢购资格已失效（超时未支付或已下单），请到商城订单中查看',
  PRICE_CHANGED: '订单金额有变化，已为你更新，请确认后再提交',
  OUT_OF_STOCK: '商品库存不足，请稍后再试',
  ADDRESS_NOT_FOUND: '收货地址不存在，请重新选择',
  REGION_UNKNOWN: '收货地址的地区无法识别，请到商城修改地址',
  IDEMPOTENCY_KEY_REUSED: '订单信息有变化，请重新提交',
  UNAUTHENTICATED: '请先登录',
  NETWORK: '网络连接失败，请检查网络后重试',
  INTERNAL: '系统繁忙，请稍后再试',
};

export function refusalText(error: unknown, fallback = '抢购失败，请稍后再试'): string {
  if (error instanceof ApiError) {
    if (error.code === 'FLASH_SALE_LIMIT_REACHED') {
      const limit = (error as Partial<CampaignApiError>).details as { perUserLimit?: number } | undefined;
      if (limit?.perUserLimit) return `你已抢过本场，每人限购 ${limit.perUserLimit} 件`;
    }
    if (error.status === 503) return '系统繁忙，请稍后再试';
    return REFUSALS[error.code] ?? (error.message || fallback);
  }
  return error instanceof Error && error.message ? error.message : fallback;
}

/** The total the API computed, from a PRICE_CHANGED refusal; null otherwise. */
export function changedTotalFen(error: unknown): number | null {
  if (!(error instanceof CampaignApiError) || error.code !== 'PRICE_CHANGED') return null;
  const total = (error.details as { totalFen?: unknown } | undefined)?.totalFen;
  return typeof total === 'number' && Number.isInteger(total) ? total : null;
}
