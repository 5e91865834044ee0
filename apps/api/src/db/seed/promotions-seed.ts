import { grantPoints } from '../../modules/promotions/points.repository';
import type { Database } from '../database';

const DAY_MS = 24 * 3600 * 1000;

/** Points each demo shopper starts with: ¥20 at the default 1 fen per point. */
export const DEMO_POINTS = 2000;

/** The demo's coupon offers (领券中心); ids are fixed so seeding twice adds nothing. */
export const DEMO_COUPON_TEMPLATES = [
  {
    id: 'demo-new-user-10',
    title: '新人券 ¥10 无门槛',
    kind: 'no_threshold',
    threshold_fen: 0,
    amount_fen: 1000,
    percent_off_bps: 0,
    cap_fen: null,
    new_user_only: true,
    valid_days: 7,
    per_user_limit: 1,
    total_stock: 100_000,
  },
  {
    id: 'demo-199-minus-30',
    title: '满199减30',
    kind: 'threshold_amount',
    threshold_fen: 19_900,
    amount_fen: 3000,
    percent_off_bps: 0,
    cap_fen: null,
    new_user_only: false,
    valid_days: 30,
    per_user_limit: 2,
    total_stock: 10_000,
  },
  {
    id: 'demo-10-off-cap-50',
    title: '9折券 最高减¥50',
    kind: 'percent',
    threshold_fen: 0,
    amount_fen: 0,
    percent_off_bps: 1000,
    cap_fen: 5000,
    new_user_only: false,
    valid_days: 30,
    per_user_limit: 1,
    total_stock: 10_000,
  },
] as const;

/**
 * Demo coupon offers (open for claiming from a day before `now` for a year) and starting
 * points for the demo shoppers. Idempotent: templates are `on conflict do nothing` and each
 * grant is unique per shopper in the ledger.
 */
export async function seedPromotions(db: Database, now: Date): Promise<{ templates: number; pointsGrants: number }> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('coupon_templates')
      .values(
        DEMO_COUPON_TEMPLATES.map((t) => ({
          ...t,
          category_ids: null,
          claim_starts_at: new Date(now.getTime() - DAY_MS),
          claim_ends_at: new Date(now.getTime() + 365 * DAY_MS),
          valid_from: null,
          valid_until: null,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    const shoppers = await trx.selectFrom('users').select('id').where('demo_key', 'is not', null).execute();
    let pointsGrants = 0;
    for (const shopper of shoppers) {
      const ref = `demo-seed:${shopper.id}`;
      const granted = await grantPoints(trx, { userId: shopper.id, points: DEMO_POINTS, reason: 'grant', ref, now });
      if (granted) pointsGrants += 1;
    }
    return { templates: inserted.length, pointsGrants };
  });
}
