import { type Address, APP_PAGES, type Order, type OrderQuoteView } from '@wematrix/shared';
import { createWeMatrixClient, openApp, toast } from '@wematrix/shared/taro';
import { useRef, useState } from 'react';
import { CampaignApiError, type CampaignOrderBody, newOrderKey, type QuoteRegion, refusalText } from './campaign-api';
import type { CampaignBuyPage } from './campaign-pages';
import { type PayOutcome, payCampaignOrder } from './pay-campaign-order';

/** An order as far as paying needs it. */
export type OrderRef = Pick<Order, 'id'>;

export interface CampaignBuyOptions {
  /** Key prefix (gb / bg): tells the orders apart in logs. */
  keyPrefix: string;
  quote: (region: QuoteRegion) => Promise<OrderQuoteView>;
  place: (body: CampaignOrderBody, idempotencyKey: string) => Promise<Order>;
  /** The page the H5 pay page returns to, once the order exists (the group's id may come only then). */
  backTo: (order: OrderRef) => Promise<{ page: CampaignBuyPage; params: Record<string, string> }>;
  /** The order is paid (by the shopper, or on the spot for a 0-fen total). */
  onPaid: (order: OrderRef) => void;
  /** Called after a refusal the page should react to (reload its view). */
  onRefused?: (code: string | null) => void;
}

/**
 * 确认订单 for a campaign order, like the mall's checkout: the default address from the book
 * (none: the mall's address page), the API's quote for that address (the campaign price and
 * the region's shipping), then the order with an Idempotency-Key and `expectedTotalFen`, then
 * WeChat Pay. A total of 0 fen comes back paid already.
 */
export function useCampaignBuy(options: CampaignBuyOptions) {
  const [visible, setVisible] = useState(false);
  /** undefined while loading; null when the shopper has none. */
  const [address, setAddress] = useState<Address | null | undefined>(undefined);
  const [quote, setQuote] = useState<OrderQuoteView | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const key = useRef<string | null>(null);
  const latest = useRef(options);
  latest.current = options;

  async function load(): Promise<void> {
    setAddress(undefined);
    setQuote(null);
    try {
      const { items } = await createWeMatrixClient().api.addresses.list();
      const chosen = items.find((a) => a.isDefault) ?? items[0] ?? null;
      setAddress(chosen);
      if (chosen) setQuote(await latest.current.quote({ province: chosen.province, regionCode: chosen.regionCode }));
    } catch (error) {
      toast(refusalText(error, '订单信息加载失败，请稍后再试'));
      setVisible(false);
      latest.current.onRefused?.((error as { code?: string }).code ?? null);
    }
  }

  function open(): void {
    key.current = null;
    setVisible(true);
    void load();
  }

  /** Pays an order that exists already (去支付). */
  async function pay(order: OrderRef): Promise<PayOutcome | null> {
    try {
      const back = await latest.current.backTo(order);
      const outcome = await payCampaignOrder(order.id, back);
      if (outcome === 'paid') latest.current.onPaid(order);
      else if (outcome === 'cancelled') toast('支付已取消，可在支付时限内继续支付');
      else if (outcome === 'pending') toast('支付结果确认中，请稍后查看');
      return outcome;
    } catch (error) {
      toast(refusalText(error, '支付未完成，请稍后重试'));
      return null;
    }
  }

  async function submit(): Promise<void> {
    if (submitting || !address || !quote) return;
    setSubmitting(true);
    try {
      // One key per attempt, kept across retries of the same figures (a lost answer replays the order).
      key.current ??= newOrderKey(latest.current.keyPrefix);
      const order = await latest.current.place(
        { addressId: address.id, expectedTotalFen: quote.totalFen },
        key.current,
      );
      if (order.status !== 'pending_payment') {
        setVisible(false);
        latest.current.onPaid(order);
        return;
      }
      const outcome = await pay(order);
      if (outcome !== 'redirected') setVisible(false);
    } catch (error) {
      const code = error instanceof CampaignApiError ? error.code : null;
      toast(refusalText(error, '下单失败，请稍后再试'));
      if (code === 'PRICE_CHANGED') {
        // New figures mean a new request: a new key, and the quote read again.
        key.current = null;
        void load();
      } else {
        setVisible(false);
        latest.current.onRefused?.(code);
      }
    } finally {
      setSubmitting(false);
    }
  }

  return {
    sheet: {
      visible,
      address,
      quote,
      submitting,
      onSubmit: () => void submit(),
      onClose: () => setVisible(false),
      onAddAddress: () => void openApp('mall', APP_PAGES.mall.addresses),
      onReload: () => void load(),
    },
    open,
    pay,
  };
}
