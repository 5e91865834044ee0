import Taro from '@tarojs/taro';
import { createWeMatrixClient } from '@wematrix/shared/taro';
import { type CampaignBuyPage, pageUrl } from './campaign-pages';

export type PayOutcome = 'paid' | 'cancelled' | 'pending' | 'redirected';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks the server until it knows the payment (requestPayment's success proves nothing; WeChat
 * Pay's notification or the server's own query does). A few seconds at most. As the mall does.
 */
export async function waitForPaid(orderId: string, attempts = 6): Promise<boolean> {
  const { api } = createWeMatrixClient();
  for (let i = 0; i < attempts; i += 1) {
    const state = await api.orders.payment(orderId);
    if (state.orderStatus !== 'pending_payment')
      return state.payment?.status === 'paid' || state.orderStatus === 'paid';
    await sleep(1000);
  }
  return false;
}

/**
 * Pays a campaign order the way the mall pays any order (apps/mall/src/features/order/pay-order.ts):
 * wx.requestPayment with the server-signed parameters in WeChat; in the H5 demo the sandbox's
 * pay page (支付 / 取消), which comes back to `back` (the group or bargain page) with `order=`.
 */
export async function payCampaignOrder(
  orderId: string,
  back: { page: CampaignBuyPage; params: Record<string, string> },
): Promise<PayOutcome> {
  const client = createWeMatrixClient();
  const pay = await client.api.orders.pay(orderId, { app: client.app });
  if (process.env.TARO_ENV === 'h5') {
    if (!pay.sandboxPayUrl) throw new Error('请在微信中打开完成支付');
    const route = pageUrl(back.page, { ...back.params, order: orderId });
    const url = `${window.location.origin}${window.location.pathname}#${route}`;
    const join = pay.sandboxPayUrl.includes('?') ? '&' : '?';
    window.location.assign(`${pay.sandboxPayUrl}${join}redirect=${encodeURIComponent(url)}`);
    return 'redirected';
  }
  try {
    await Taro.requestPayment({ ...pay.requestPayment });
  } catch (error) {
    const message = (error as { errMsg?: string })?.errMsg ?? '';
    if (message.includes('cancel')) return 'cancelled';
    throw new Error('支付未完成，请稍后重试');
  }
  return (await waitForPaid(orderId)) ? 'paid' : 'pending';
}

/**
 * H5: the sandbox's pay page comes back with result=paid|cancel in the query before the hash,
 * where Taro's hash router does not look. Read it once and drop it, so a reload is not a new payment.
 */
export function returnedFromPayPage(): 'paid' | 'cancel' | null {
  if (process.env.TARO_ENV !== 'h5') return null;
  const result = new URLSearchParams(window.location.search).get('result');
  if (result !== 'paid' && result !== 'cancel') return null;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.hash}`);
  return result;
}
