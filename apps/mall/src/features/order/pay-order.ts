import Taro from '@tarojs/taro';
import type { ApiClient } from '@wematrix/shared';
import { ORDER_PAGES } from './order-pages';

export type PayOutcome =
  /** The server has WeChat Pay's word: the order is paid. */
  | 'paid'
  /** The shopper closed the pay sheet; the order waits until its deadline. */
  | 'cancelled'
  /** Paid as far as the client knows, not yet confirmed to the server: the detail page keeps asking. */
  | 'pending'
  /** H5 demo: the browser went to the sandbox's pay page and comes back to the order. */
  | 'redirected';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks the server until it knows the payment (requestPayment's success callback proves
 * nothing; the notification or the server's own query does). A few seconds at most.
 */
export async function waitForPaid(api: ApiClient, orderId: string, attempts = 6): Promise<boolean> {
  for (let i = 0; i < attempts; i += 1) {
    const state = await api.orders.payment(orderId);
    if (state.orderStatus !== 'pending_payment')
      return state.payment?.status === 'paid' || state.orderStatus === 'paid';
    await sleep(1000);
  }
  return false;
}

/**
 * Pays one order with WeChat Pay: wx.requestPayment with the server-signed parameters in
 * WeChat; in the H5 demo, the sandbox's pay page, which comes back to the order detail.
 */
export async function payOrder(api: ApiClient, orderId: string): Promise<PayOutcome> {
  const pay = await api.orders.pay(orderId, { app: 'mall' });
  if (process.env.TARO_ENV === 'h5') {
    if (!pay.sandboxPayUrl) throw new Error('请在微信中打开商城完成支付');
    const back = `${window.location.origin}${window.location.pathname}#${ORDER_PAGES.detail}?id=${encodeURIComponent(orderId)}`;
    const join = pay.sandboxPayUrl.includes('?') ? '&' : '?';
    window.location.assign(`${pay.sandboxPayUrl}${join}redirect=${encodeURIComponent(back)}`);
    return 'redirected';
  }
  try {
    await Taro.requestPayment({ ...pay.requestPayment });
  } catch (error) {
    const message = (error as { errMsg?: string })?.errMsg ?? '';
    if (message.includes('cancel')) return 'cancelled';
    throw new Error('支付未完成，请稍后在订单中重试');
  }
  return (await waitForPaid(api, orderId)) ? 'paid' : 'pending';
}
