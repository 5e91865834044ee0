import type { Insertable } from 'kysely';
import type { Database } from '../../db/database';
import { bearer, type TestApp } from '../../test/test-app';
import type { CouponTemplatesTable } from './promotions.table';

const DAY_MS = 24 * 3600 * 1000;
let templateCounter = 0;

/** A coupon offer open for claiming around the test clock's now; override what a test needs. */
export async function createTemplate(
  t: TestApp,
  overrides: Partial<Insertable<CouponTemplatesTable>> = {},
): Promise<string> {
  templateCounter += 1;
  const now = t.time.clock();
  const row = await t.db
    .insertInto('coupon_templates')
    .values({
      id: `tpl-${process.pid}-${templateCounter}`,
      title: '满199减30',
      kind: 'threshold_amount',
      threshold_fen: 19_900,
      amount_fen: 3000,
      percent_off_bps: 0,
      cap_fen: null,
      new_user_only: false,
      category_ids: null,
      claim_starts_at: new Date(now.getTime() - DAY_MS),
      claim_ends_at: new Date(now.getTime() + 30 * DAY_MS),
      valid_from: null,
      valid_until: null,
      valid_days: 7,
      per_user_limit: 1,
      total_stock: 100,
      created_at: now,
      ...overrides,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function userIdOf(t: TestApp, token: string): Promise<string> {
  const response = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) });
  return (response.json() as { id: string }).id;
}

/** Claims through the API and returns the user coupon id (the claim must succeed). */
export async function claim(t: TestApp, token: string, templateId: string): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/coupons/${templateId}/claim`,
    headers: bearer(token),
  });
  if (response.statusCode !== 201) throw new Error(`claim failed: ${response.body}`);
  return (response.json() as { id: string }).id;
}

export async function claimedCount(db: Database, templateId: string): Promise<number> {
  const row = await db
    .selectFrom('coupon_templates')
    .select('claimed_count')
    .where('id', '=', templateId)
    .executeTakeFirstOrThrow();
  return row.claimed_count;
}
