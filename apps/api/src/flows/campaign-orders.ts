import {
  type CampaignKind,
  type campaignOrderRequestSchema,
  type campaignQuoteRequestSchema,
  type Order,
  type OrderQuoteView,
  type PricingSettings,
  priceOrder,
} from '@wematrix/shared';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/database';
import type { Executor } from '../db/executor';
import { IdempotencyError } from '../modules/idempotency/idempotency.errors';
import { type IdempotentAnswer, runIdempotent } from '../modules/idempotency/idempotency.service';
import { resolveCheckoutLines, toQuoteView } from '../modules/promotions/checkout-preview';
import { loadPricingContext } from '../modules/promotions/pricing-context.repository';
import { problemError } from '../modules/promotions/promotions.service';
import { campaignOrderHandlers } from './campaign-order-handlers';
import { createOrder, type PlaceOrderDeps } from './place-order';

export type CampaignOrderInput = z.output<typeof campaignOrderRequestSchema>;
export type CampaignQuoteInput = z.output<typeof campaignQuoteRequestSchema>;

/** What a campaign grants one order, decided by its module inside the order's transaction. */
export interface CampaignOrderTerms {
  kind: CampaignKind;
  /** uuid of the module's row the order belongs to (a flash-sale claim, a group member, a bargain, a draw). */
  ref: string;
  skuId: string;
  quantity: number;
  /** The unit price the campaign grants (fen); the SKU's list price is not used. */
  unitPriceFen: number;
  /** The order's unpaid deadline becomes the earlier of its usual one and this. */
  payDeadlineAt?: Date;
  /** The brand pays the delivery (a prize, a 0-yuan bargain it chose to ship free): no shipping fee. */
  freeShipping?: boolean;
}

/** The context with the shipping rule a campaign's terms ask for. */
export function withCampaignShipping<C extends { settings: PricingSettings }>(
  context: C,
  terms: Pick<CampaignOrderTerms, 'freeShipping'>,
): C {
  if (!terms.freeShipping) return context;
  return {
    ...context,
    settings: {
      ...context.settings,
      shipping: { ...context.settings.shipping, freeThresholdFen: 0, baseFeeFen: 0, remoteSurchargeFen: 0 },
    },
  };
}

/**
 * A campaign module's side of its orders. Each method runs inside the transaction that made
 * the order's change, so the campaign row and the order never disagree after a commit.
 */
export interface CampaignOrderHandler {
  /** Right after the order row is inserted: tie `ref` to the order (conditional; throw the
   *  module's 4xx error when the row moved on, which rolls the order back). */
  attach(trx: Transaction<DB>, input: { ref: string; orderId: string; now: Date }): Promise<void>;
  /** 待付款 → 待发货 (pay notification or query, or a 0-fen order at creation). */
  paid(executor: Executor, input: { ref: string; orderId: string; at: Date }): Promise<void>;
  /** The unpaid order was cancelled (shopper or pay deadline): give back the seat, claim or unit. */
  cancelled(executor: Executor, input: { ref: string; orderId: string; at: Date }): Promise<void>;
  /** The paid order became 已退款 (every fen back). */
  refunded(executor: Executor, input: { ref: string; orderId: string; at: Date }): Promise<void>;
  /**
   * Whether the paid order may ship now (a 拼团 order only once its group has succeeded). Runs in
   * the shipping transaction and may lock the campaign row so the answer holds until commit.
   * Absent: always.
   */
  shippable?(executor: Executor, input: { ref: string; orderId: string }): Promise<boolean>;
}

/** The campaign's word on shipping an order (true for an ordinary order). */
export async function campaignOrderShippable(
  executor: Executor,
  order: { id: string; campaign_kind: CampaignKind | null; campaign_ref: string | null },
): Promise<boolean> {
  if (order.campaign_kind === null || order.campaign_ref === null) return true;
  const handler = campaignOrderHandlers()[order.campaign_kind];
  if (!handler?.shippable) return true;
  return handler.shippable(executor, { ref: order.campaign_ref, orderId: order.id });
}

export type CampaignOrderMoment = 'paid' | 'cancelled' | 'refunded';

/**
 * Runs the campaign's side of an order's change; nothing for an ordinary order. A kind with no
 * handler is a programming error (an order of that kind could only have been placed by it).
 */
export async function notifyCampaignOrder(
  executor: Executor,
  moment: CampaignOrderMoment,
  order: { id: string; campaign_kind: CampaignKind | null; campaign_ref: string | null },
  at: Date,
): Promise<void> {
  if (order.campaign_kind === null || order.campaign_ref === null) return;
  const handler = campaignOrderHandlers()[order.campaign_kind];
  if (!handler) throw new Error(`no campaign order handler for ${order.campaign_kind}`);
  await handler[moment](executor, { ref: order.campaign_ref, orderId: order.id, at });
}

/** The scope of campaign orders' keys in idempotency_keys. */
export const CAMPAIGN_ORDER_SCOPE = 'campaign_order';

/**
 * Places a one-line order at a campaign's price in one transaction (docs/campaign-orders.md):
 * the idempotency key claimed, then `terms(trx)` (the module locks and checks its own row and
 * throws its 4xx to refuse), then the same steps as an ordinary order (SKU locked, address
 * snapshot, shipping rule, expectedTotalFen checked, stock taken, order inserted) with the
 * campaign's unit price, then the module's attach. No coupon and no points: 活动价不与优惠券、
 * 积分同享. A 0-fen total is paid at once (nothing to collect), with the paid hook in the same
 * transaction. `target` names what the shopper acted on (e.g. the group id) so one key cannot
 * be replayed against another campaign row.
 */
export async function placeCampaignOrder(
  deps: PlaceOrderDeps,
  request: {
    userId: string;
    idempotencyKey: string;
    now: Date;
    target: { kind: CampaignKind; id: string };
    input: CampaignOrderInput;
    terms: (trx: Transaction<DB>) => Promise<CampaignOrderTerms>;
  },
): Promise<IdempotentAnswer<Order>> {
  const { userId, input, now } = request;
  const outcome = await deps.db.transaction().execute((trx) =>
    runIdempotent<Order>(
      trx,
      {
        userId,
        scope: CAMPAIGN_ORDER_SCOPE,
        key: request.idempotencyKey,
        request: { target: request.target, input },
        now,
      },
      async () => {
        const terms = await request.terms(trx);
        const order = await createOrder(trx, deps, {
          userId,
          lines: [{ skuId: terms.skuId, quantity: terms.quantity }],
          source: 'buy_now',
          addressId: input.addressId,
          address: input.address,
          userCouponId: null,
          pointsToUse: 0,
          expectedTotalFen: input.expectedTotalFen,
          campaign: terms,
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
 * What a campaign order would cost, for the page before it is placed: the same terms and the
 * same priceOrder as placeCampaignOrder (campaign price, no coupon, no points, the region's
 * shipping), in a transaction that writes nothing. The order then expects this totalFen.
 */
export async function quoteCampaignOrder(
  deps: PlaceOrderDeps,
  request: {
    userId: string;
    now: Date;
    input: CampaignQuoteInput;
    terms: (trx: Transaction<DB>) => Promise<CampaignOrderTerms>;
  },
): Promise<OrderQuoteView> {
  const { userId, now } = request;
  return deps.db.transaction().execute(async (trx) => {
    const terms = await request.terms(trx);
    const items = await resolveCheckoutLines(trx, [{ skuId: terms.skuId, quantity: terms.quantity }]);
    for (const item of items) item.line = { ...item.line, unitPriceFen: terms.unitPriceFen };
    const context = withCampaignShipping(await loadPricingContext(trx, { userId, userCouponId: null, now }), terms);
    const quote = priceOrder({
      ...context,
      lines: items.map((i) => i.line),
      pointsToUse: 0,
      region: request.input.region ?? null,
    });
    const [problem] = quote.problems;
    if (problem) throw problemError(problem);
    return toQuoteView(quote, items, deps.assetUrl);
  });
}
