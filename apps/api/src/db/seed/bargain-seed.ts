import { createBargainActivity, helpBargain, startBargain, systemRandom } from '../../modules/bargain/bargain.service';
import type { Database } from '../database';

const DAY_MS = 24 * 3600_000;

/** The helpers' reward: a coupon for helping a friend (a real action), never for sharing. */
export const DEMO_BARGAIN_REWARD_TEMPLATE = {
  id: 'demo-bargain-helper-5',
  title: '帮砍奖励 满59减5',
  kind: 'threshold_amount',
  threshold_fen: 5900,
  amount_fen: 500,
  percent_off_bps: 0,
  cap_fen: null,
  new_user_only: false,
  valid_days: 7,
  per_user_limit: 3,
  total_stock: 10_000,
} as const;

/** The demo's 砍价: the velvet lipstick #01 from ¥129 down to ¥0 with 5 friends, in the bargain campaign's window. */
export const DEMO_BARGAIN_ACTIVITY = {
  id: 'demo-bargain-lipstick',
  campaignId: 'cmp-bargain-lipstick',
  title: '0元砍 · 丝绒雾面口红 丝绒红棕',
  productId: 'p-makeup-01',
  skuId: 'sku-makeup-01-1',
  floorPriceFen: 0,
  windowHours: 12,
  helpsTarget: 5,
  perUserLimit: 1,
  helperRewardCouponTemplateId: DEMO_BARGAIN_REWARD_TEMPLATE.id,
} as const;

/** 小明 has started one and 小红 and 老王 have helped: three more friends take it to ¥0. */
export const DEMO_BARGAIN_OWNER = 'xiaoming';
export const DEMO_BARGAIN_HELPERS = ['xiaohong', 'laowang'] as const;

/**
 * The demo activity (in the window of the demo bargain campaign, seedCatalog first), its
 * reward coupon, and one bargain started by a demo shopper with two helps, so the demo has a
 * bargain to help. Idempotent: fixed ids with `on conflict do nothing`, and the helps are
 * only made when this call started the bargain. Returns what it added.
 */
export async function seedBargains(db: Database, now: Date): Promise<{ activities: number; helps: number }> {
  const campaign = await db
    .selectFrom('campaigns')
    .select(['starts_at', 'ends_at'])
    .where('id', '=', DEMO_BARGAIN_ACTIVITY.campaignId)
    .executeTakeFirst();
  if (!campaign) return { activities: 0, helps: 0 };
  await db
    .insertInto('coupon_templates')
    .values({
      ...DEMO_BARGAIN_REWARD_TEMPLATE,
      category_ids: null,
      claim_starts_at: new Date(now.getTime() - DAY_MS),
      claim_ends_at: campaign.ends_at,
      valid_from: null,
      valid_until: null,
      created_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const added = await createBargainActivity(
    db,
    { ...DEMO_BARGAIN_ACTIVITY, startsAt: campaign.starts_at, endsAt: campaign.ends_at },
    now,
  );
  const shoppers = await db
    .selectFrom('users')
    .select(['id', 'demo_key'])
    .where('demo_key', 'in', [DEMO_BARGAIN_OWNER, ...DEMO_BARGAIN_HELPERS])
    .execute();
  const idOf = (key: string) => shoppers.find((s) => s.demo_key === key)?.id;
  const ownerId = idOf(DEMO_BARGAIN_OWNER);
  if (!ownerId || now < campaign.starts_at || now >= campaign.ends_at) return { activities: added ? 1 : 0, helps: 0 };
  const { started, created } = await startBargain(db, { activityId: DEMO_BARGAIN_ACTIVITY.id, userId: ownerId, now });
  let helps = 0;
  if (created) {
    for (const key of DEMO_BARGAIN_HELPERS) {
      const helperUserId = idOf(key);
      if (!helperUserId) continue;
      await helpBargain(db, { bargainId: started.bargainId, helperUserId, now, random: systemRandom });
      helps += 1;
    }
  }
  return { activities: added ? 1 : 0, helps };
}
