import {
  type Order,
  type OrderAddress,
  payDeadlineAt,
  type placeOrderRequestSchema,
  priceOrder,
} from '@wematrix/shared';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database, DB } from '../db/database';
import { isUuid } from '../db/uuid';
import type { AssetUrl } from '../http/asset-urls';
import { findAddress } from '../modules/addresses/address.repository';
import { regionByNames } from '../modules/addresses/regions';
import { deleteCartLine } from '../modules/cart/cart.repository';
import { IdempotencyError } from '../modules/idempotency/idempotency.errors';
import { type IdempotentAnswer, runIdempotent } from '../modules/idempotency/idempotency.service';
import { OrderError } from '../modules/orders/order.errors';
import { findOrderById, insertOrder, insertOrderLines } from '../modules/orders/order.repository';
import { newOrderNo, orderRowToOrder } from '../modules/orders/order.service';
import { lockSkusForOrder, reserveStock } from '../modules/orders/order-stock.repository';
import { resolveCheckoutLines, toQuoteView } from '../modules/promotions/checkout-preview';
import { useCouponForOrder } from '../modules/promotions/coupon.repository';
import { spendPoints } from '../modules/promotions/points.repository';
import { loadPricingContext } from '../modules/promotions/pricing-context.repository';
import { PromotionError } from '../modules/promotions/promotions.errors';
import { problemError } from '../modules/promotions/promotions.service';
import { campaignOrderHandlers } from './campaign-order-handlers';
import { type CampaignOrderTerms, withCampaignShipping } from './campaign-orders';
import { orderPort } from './payment-orders';

export type PlaceOrderInput = z.output<typeof placeOrderRequestSchema>;

export interface PlaceOrderDeps {
  db: Database;
  assetUrl: AssetUrl;
  /** Order number source; tests pass one to force a collision. Default: newOrderNo(now). */
  orderNo?: (now: Date) => string;
}

/** The scope of order creation's keys in idempotency_keys. */
export const PLACE_ORDER_SCOPE = 'place_order';

/** The delivery address as the order keeps it: a saved one of this shopper, or one typed in. */
async function addressSnapshot(
  trx: Transaction<DB>,
  userId: string,
  input: Pick<OrderDraft, 'addressId' | 'address'>,
): Promise<OrderAddress> {
  if (input.addressId !== undefined) {
    // Another shopper's address is as unknown as a made-up id.
    const row = isUuid(input.addressId) ? await findAddress(trx, userId, input.addressId) : undefined;
    if (!row) throw new OrderError('ADDRESS_NOT_FOUND', { details: { addressId: input.addressId } });
    return {
      recipient: row.recipient,
      phone: row.phone,
      regionCode: row.region_code,
      province: row.province,
      city: row.city,
      district: row.district,
      detail: row.detail,
    };
  }
  const typed = input.address;
  if (!typed) throw new OrderError('ADDRESS_NOT_FOUND');
  const region = regionByNames(typed.region);
  if (!region) throw new OrderError('REGION_UNKNOWN', { details: { region: typed.region } });
  return {
    recipient: typed.name,
    phone: typed.phone,
    regionCode: region.code,
    province: region.province,
    city: region.city,
    district: region.district,
    detail: typed.detail,
  };
}

/** One order to create, whatever asked for it (the checkout, or a campaign). */
export interface OrderDraft {
  userId: string;
  lines: ReadonlyArray<{ skuId: string; quantity: number }>;
  source: 'cart' | 'buy_now';
  addressId: string | undefined;
  address: PlaceOrderInput['address'];
  userCouponId: string | null;
  pointsToUse: number;
  expectedTotalFen: number;
  /** A campaign order's terms (its one line's price, its row); null for an ordinary order. */
  campaign: CampaignOrderTerms | null;
  now: Date;
}

/**
 * Places an order in one transaction (docs/orders.md "Placing an order"):
 * idempotency key claimed → SKU rows locked in id order → lines with today's prices → address
 * snapshot → priceOrder with the preview's context (coupon, points, region) → the shopper's
 * expectedTotalFen checked → stock taken with guarded updates → order and lines inserted →
 * coupon used, points spent → ordered cart lines removed → the answer stored with the key.
 * Any refusal throws and rolls all of it back, the key included.
 */
export async function placeOrder(
  deps: PlaceOrderDeps,
  request: { userId: string; idempotencyKey: string; input: PlaceOrderInput; now: Date },
): Promise<IdempotentAnswer<Order>> {
  const { userId, input, now } = request;
  const outcome = await deps.db.transaction().execute((trx) =>
    runIdempotent<Order>(
      trx,
      { userId, scope: PLACE_ORDER_SCOPE, key: request.idempotencyKey, request: input, now },
      async () => {
        const order = await createOrder(trx, deps, {
          userId,
          lines: input.lines,
          source: input.source,
          addressId: input.addressId,
          address: input.address,
          userCouponId: input.userCouponId ?? null,
          pointsToUse: input.pointsToUse,
          expectedTotalFen: input.expectedTotalFen,
          campaign: null,
          now,
        });
        return { resourceId: order.id, status: 201, body: order };
      },
    ),
  );
  if ('reused' in outcome) {
    throw new IdempotencyError('IDEMPOTENCY_KEY_REUSED', { details: { idempotencyKey: request.idempotencyKey } });
  }
  return outcome;
}

/**
 * The steps after the key, inside the caller's transaction; the one order creation of the
 * checkout and of campaign orders. A campaign order's line is priced at the campaign's unit
 * price with no coupon and no points, its deadline is the earlier of the two, its module's
 * attach runs once the row exists, and when it costs nothing it is paid on the spot.
 */
export async function createOrder(trx: Transaction<DB>, deps: PlaceOrderDeps, draft: OrderDraft): Promise<Order> {
  const { userId, now, campaign } = draft;
  const lockOrder = await lockSkusForOrder(
    trx,
    draft.lines.map((l) => l.skuId),
  );
  const items = await resolveCheckoutLines(trx, draft.lines);
  if (campaign) {
    for (const item of items) item.line = { ...item.line, unitPriceFen: campaign.unitPriceFen };
  }
  const address = await addressSnapshot(trx, userId, draft);
  const loaded = await loadPricingContext(trx, { userId, userCouponId: draft.userCouponId, now });
  const context = campaign ? withCampaignShipping(loaded, campaign) : loaded;
  const quote = priceOrder({
    ...context,
    lines: items.map((i) => i.line),
    pointsToUse: draft.pointsToUse,
    region: { province: address.province, regionCode: address.regionCode },
  });
  const [problem] = quote.problems;
  if (problem) throw problemError(problem);
  if (quote.totalFen !== draft.expectedTotalFen) {
    throw new OrderError('PRICE_CHANGED', {
      details: {
        expectedTotalFen: draft.expectedTotalFen,
        totalFen: quote.totalFen,
        quote: toQuoteView(quote, items, deps.assetUrl),
      },
    });
  }

  const position = new Map(lockOrder.map((id, i) => [id, i]));
  const reserved = await reserveStock(
    trx,
    [...draft.lines].sort((a, b) => (position.get(a.skuId) ?? 0) - (position.get(b.skuId) ?? 0)),
  );
  if (!reserved.ok) {
    const title = items.find((i) => i.line.skuId === reserved.skuId)?.sku.title ?? reserved.skuId;
    throw new OrderError('OUT_OF_STOCK', {
      message: reserved.available === 0 ? `${title} 已售罄` : `${title} 库存不足，仅剩 ${reserved.available} 件`,
      details: { skuId: reserved.skuId, available: reserved.available, quantity: reserved.quantity },
    });
  }

  const usualDeadline = payDeadlineAt(now);
  const deadline =
    campaign?.payDeadlineAt && campaign.payDeadlineAt < usualDeadline ? campaign.payDeadlineAt : usualDeadline;
  const makeNo = deps.orderNo ?? newOrderNo;
  const order = await insertOrder(
    trx,
    {
      user_id: userId,
      status: 'pending_payment',
      source: draft.source,
      subtotal_fen: quote.subtotalFen,
      shipping_fee_fen: quote.shippingFeeFen,
      coupon_discount_fen: quote.couponDiscountFen,
      points_used: quote.pointsUsed,
      points_discount_fen: quote.pointsDiscountFen,
      total_fen: quote.totalFen,
      user_coupon_id: quote.userCouponId,
      address: JSON.stringify(address),
      shipping_company: null,
      tracking_no: null,
      pay_deadline_at: deadline,
      paid_at: null,
      shipped_at: null,
      auto_confirm_at: null,
      completed_at: null,
      cancelled_at: null,
      cancel_reason: null,
      refunded_at: null,
      campaign_kind: campaign?.kind ?? null,
      campaign_ref: campaign?.ref ?? null,
      created_at: now,
      updated_at: now,
    },
    () => makeNo(now),
  );
  const lines = await insertOrderLines(
    trx,
    quote.lines.map((line, i) => {
      const sku = items[i]?.sku;
      if (!sku) throw new Error(`quote line ${i} has no SKU`);
      return {
        order_id: order.id,
        line_no: i + 1,
        sku_id: line.skuId,
        product_id: sku.product_id,
        title: sku.title,
        spec_text: sku.spec_values.join(' / '),
        image: sku.sku_image ?? sku.images[0] ?? null,
        unit_price_fen: line.unitPriceFen,
        quantity: line.quantity,
        subtotal_fen: line.subtotalFen,
        coupon_share_fen: line.couponShareFen,
        points_share_fen: line.pointsShareFen,
        pay_fen: line.payFen,
      };
    }),
  );

  // priceOrder saw the coupon available and the balance sufficient; these guarded writes
  // decide it against a concurrent order of the same shopper.
  if (quote.userCouponId !== null) {
    const used = await useCouponForOrder(trx, {
      userCouponId: quote.userCouponId,
      userId,
      orderId: order.id,
      now,
    });
    if (!used) throw new PromotionError('COUPON_ALREADY_USED', { details: { userCouponId: quote.userCouponId } });
  }
  if (quote.pointsUsed > 0) {
    const spent = await spendPoints(trx, { userId, points: quote.pointsUsed, orderId: order.id, now });
    if (!spent) throw new PromotionError('POINTS_OVER_BALANCE', { details: { requested: quote.pointsUsed } });
  }
  if (draft.source === 'cart') {
    for (const line of draft.lines) await deleteCartLine(trx, userId, line.skuId);
  }

  if (campaign) {
    await campaignOrderHandlers()[campaign.kind]?.attach(trx, { ref: campaign.ref, orderId: order.id, now });
  }
  // The rows as inserted: nothing after the inserts writes to the order or its lines, so
  // reading them back would cost two round trips for the same answer (except a 0-fen
  // campaign order, paid on the spot below).
  if (campaign && order.total_fen === 0) {
    await orderPort.markOrderPaid(trx, { orderId: order.id, paidAt: now });
    const paid = await findOrderById(trx, order.id);
    if (!paid) throw new Error(`order ${order.id} vanished in its own transaction`);
    return orderRowToOrder(paid, lines, deps.assetUrl);
  }
  return orderRowToOrder(order, lines, deps.assetUrl);
}
