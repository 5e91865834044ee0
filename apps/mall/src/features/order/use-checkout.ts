import type { Address, ApiClient, CheckoutPreview, CheckoutPreviewRequest, PlaceOrderRequest } from '@wematrix/shared';
import { useCallback, useRef, useState } from 'react';
import type { CheckoutIntent } from './order-pages';

/** 'auto' = the coupon the API suggests (the one taking the most off); null = no coupon. */
export type CouponChoice = string | null | 'auto';

export interface CheckoutChoices {
  address: Address | null;
  coupon: CouponChoice;
  usePoints: boolean;
}

/**
 * The checkout's pricing, always from the API's preview (the same priceOrder the order is
 * placed with), never computed here. Points are asked for as "the most this basket allows",
 * which the first preview tells; a coupon chosen as 'auto' is resolved to the suggestion.
 */
export function useCheckoutPreview(api: ApiClient, intent: CheckoutIntent | null) {
  const [preview, setPreview] = useState<CheckoutPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  const refresh = useCallback(
    async (choices: CheckoutChoices): Promise<CheckoutPreview | null> => {
      if (!intent) return null;
      const ticket = ++latest.current;
      setLoading(true);
      try {
        const base: CheckoutPreviewRequest = {
          lines: intent.source === 'buy_now' ? [{ skuId: intent.skuId, quantity: intent.quantity }] : undefined,
          region: choices.address
            ? { regionCode: choices.address.regionCode, province: choices.address.province }
            : undefined,
        };
        const coupon = choices.coupon === 'auto' ? null : choices.coupon;
        let result = await api.checkout.preview({ ...base, userCouponId: coupon, points: 0 });
        const chosen = choices.coupon === 'auto' ? result.suggestedUserCouponId : coupon;
        if (chosen !== coupon) result = await api.checkout.preview({ ...base, userCouponId: chosen, points: 0 });
        if (choices.usePoints && result.quote.maxUsablePoints > 0) {
          result = await api.checkout.preview({ ...base, userCouponId: chosen, points: result.quote.maxUsablePoints });
        }
        if (ticket === latest.current) {
          setPreview(result);
          setError(null);
        }
        return result;
      } catch (e) {
        if (ticket === latest.current) setError(e instanceof Error ? e.message : '结算信息加载失败');
        return null;
      } finally {
        if (ticket === latest.current) setLoading(false);
      }
    },
    [api, intent],
  );

  return { preview, error, loading, refresh };
}

/** The order request for exactly what the preview showed; the API refuses it if the total moved. */
export function placeOrderRequest(
  intent: CheckoutIntent,
  address: Address,
  preview: CheckoutPreview,
): PlaceOrderRequest {
  return {
    lines: preview.quote.lines.map((line) => ({ skuId: line.skuId, quantity: line.quantity })),
    source: intent.source,
    addressId: address.id,
    userCouponId: preview.quote.userCouponId,
    pointsToUse: preview.quote.pointsUsed,
    expectedTotalFen: preview.quote.totalFen,
  };
}
