import {
  type CheckoutPreview,
  type checkoutPreviewRequestSchema,
  type OrderQuote,
  type OrderQuoteView,
  type PricingLine,
  priceOrder,
} from '@wematrix/shared';
import type { z } from 'zod';
import type { Executor } from '../../db/executor';
import type { AssetUrl } from '../../http/asset-urls';
import { type CheckoutSkuRow, findCheckoutSkus, selectedCartLines } from './checkout-lines.repository';
import { listUserCoupons } from './coupon.repository';
import { loadPricingContext } from './pricing-context.repository';
import { PromotionError } from './promotions.errors';
import { problemError, userCouponRowToPricing, userCouponRowToView } from './promotions.service';

type PreviewInput = z.output<typeof checkoutPreviewRequestSchema>;

/** Same SKU twice in one request: one line with the quantities added. */
function mergeLines(lines: ReadonlyArray<{ skuId: string; quantity: number }>) {
  const merged = new Map<string, number>();
  for (const line of lines) merged.set(line.skuId, (merged.get(line.skuId) ?? 0) + line.quantity);
  return [...merged].map(([skuId, quantity]) => ({ skuId, quantity }));
}

export interface CheckoutItem {
  line: PricingLine;
  sku: CheckoutSkuRow;
}

/**
 * The lines with today's price and the SKU's snapshot fields, in the order given; an unknown
 * SKU is 404 SKU_NOT_FOUND. No stock check: the preview adds one, order creation takes the
 * stock with guarded updates instead. The one line loading of preview and order creation.
 */
export async function resolveCheckoutLines(
  db: Executor,
  wanted: ReadonlyArray<{ skuId: string; quantity: number }>,
): Promise<CheckoutItem[]> {
  const skus = new Map(
    (
      await findCheckoutSkus(
        db,
        wanted.map((l) => l.skuId),
      )
    ).map((s) => [s.sku_id, s]),
  );
  return wanted.map(({ skuId, quantity }) => {
    const sku = skus.get(skuId);
    if (!sku) throw new PromotionError('SKU_NOT_FOUND', { details: { skuId } });
    return { line: { skuId, quantity, unitPriceFen: sku.price_fen, categoryId: sku.category_id }, sku };
  });
}

/**
 * The lines to price, from the request or the cart's selected lines, with today's price.
 * Unknown SKUs are 404 SKU_NOT_FOUND and quantities above stock 409 INSUFFICIENT_STOCK.
 */
export async function loadCheckoutLines(
  db: Executor,
  userId: string,
  requested: PreviewInput['lines'],
): Promise<CheckoutItem[]> {
  const wanted = mergeLines(requested ?? (await selectedCartLines(db, userId)));
  if (wanted.length === 0) throw new PromotionError('CART_EMPTY');
  const items = await resolveCheckoutLines(db, wanted);
  for (const { line, sku } of items) {
    if (line.quantity > sku.stock) {
      throw new PromotionError('INSUFFICIENT_STOCK', {
        message: sku.stock === 0 ? `${sku.title} 已售罄` : `${sku.title} 库存不足，仅剩 ${sku.stock} 件`,
        details: { skuId: line.skuId, stock: sku.stock, quantity: line.quantity },
      });
    }
  }
  return items;
}

/** A quote as the apps read it (orderQuoteSchema): figures plus each line's catalog snapshot. */
export function toQuoteView(quote: OrderQuote, items: readonly CheckoutItem[], assetUrl: AssetUrl): OrderQuoteView {
  return {
    subtotalFen: quote.subtotalFen,
    couponDiscountFen: quote.couponDiscountFen,
    shippingFeeFen: quote.shippingFeeFen,
    pointsUsed: quote.pointsUsed,
    pointsDiscountFen: quote.pointsDiscountFen,
    totalFen: quote.totalFen,
    userCouponId: quote.userCouponId,
    maxUsablePoints: quote.maxUsablePoints,
    lines: quote.lines.map((line, i) => {
      const sku = items[i]?.sku;
      const image = sku?.sku_image ?? sku?.images[0];
      return {
        ...line,
        productId: sku?.product_id ?? '',
        title: sku?.title ?? '',
        specText: sku?.spec_values.join(' / ') ?? '',
        imageUrl: image ? assetUrl(image) : '',
      };
    }),
  };
}

/**
 * The checkout page's figures: the quote for the shopper's choices (a choice that cannot be
 * used is a 4xx with its code), and each available coupon judged against these lines, with
 * the one taking the most off suggested.
 */
export async function previewCheckout(
  db: Executor,
  { userId, input, now, assetUrl }: { userId: string; input: PreviewInput; now: Date; assetUrl: AssetUrl },
): Promise<CheckoutPreview> {
  const items = await loadCheckoutLines(db, userId, input.lines);
  const lines = items.map((i) => i.line);
  const [context, available] = await Promise.all([
    loadPricingContext(db, { userId, userCouponId: input.userCouponId ?? null, now }),
    listUserCoupons(db, { userId, status: 'available', now }),
  ]);
  const region = input.region ?? null;
  const quote = priceOrder({ ...context, lines, pointsToUse: input.points, region });
  const [problem] = quote.problems;
  if (problem) throw problemError(problem);

  const coupons = available.map((row) => {
    const option = priceOrder({ ...context, coupon: userCouponRowToPricing(row, now), lines, pointsToUse: 0, region });
    return {
      coupon: userCouponRowToView(row, now),
      usable: option.problems.length === 0,
      discountFen: option.couponDiscountFen,
      problem: option.problems[0]?.code ?? null,
    };
  });
  // Coupons come soonest-to-expire first and only a larger discount replaces the pick, so on
  // a tie the coupon that would lapse first is suggested.
  const suggested = coupons.reduce<(typeof coupons)[number] | null>(
    (best, option) => (option.usable && option.discountFen > (best?.discountFen ?? 0) ? option : best),
    null,
  );

  return {
    quote: toQuoteView(quote, items, assetUrl),
    coupons,
    suggestedUserCouponId: suggested?.coupon.id ?? null,
    pointsBalance: context.pointsBalance,
    fenPerPoint: context.settings.points.fenPerPoint,
  };
}
