import Taro from '@tarojs/taro';
import type { OrderStatus } from '@wematrix/shared';

/** The order pages live in the pkg-order subpackage: checkout, one order, the list. */
export const ORDER_PAGES = {
  checkout: '/pkg-order/checkout/index',
  detail: '/pkg-order/detail/index',
  list: '/pkg-order/list/index',
  review: '/pkg-order/review/index',
  afterSale: '/pkg-order/after-sale/index',
} as const;

/** What the checkout page is asked to buy: the cart's selected lines, or one SKU (立即购买). */
export type CheckoutIntent = { source: 'cart' } | { source: 'buy_now'; skuId: string; quantity: number };

export function openCheckout(intent: CheckoutIntent): void {
  const query =
    intent.source === 'cart'
      ? 'from=cart'
      : `from=buy_now&sku=${encodeURIComponent(intent.skuId)}&qty=${intent.quantity}`;
  void Taro.navigateTo({ url: `${ORDER_PAGES.checkout}?${query}` });
}

/** The intent back from the page's query; null for a link that names nothing to buy. */
export function checkoutIntentFromParams(params: Record<string, string | undefined>): CheckoutIntent | null {
  if (params.from === 'cart') return { source: 'cart' };
  const quantity = Number(params.qty);
  if (params.from === 'buy_now' && params.sku && Number.isInteger(quantity) && quantity > 0) {
    return { source: 'buy_now', skuId: decodeURIComponent(params.sku), quantity };
  }
  return null;
}

export function openOrder(orderId: string, options: { replace?: boolean } = {}): void {
  const url = `${ORDER_PAGES.detail}?id=${encodeURIComponent(orderId)}`;
  void (options.replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }));
}

export function openOrderList(status?: OrderStatus): void {
  void Taro.navigateTo({ url: status ? `${ORDER_PAGES.list}?status=${status}` : ORDER_PAGES.list });
}
