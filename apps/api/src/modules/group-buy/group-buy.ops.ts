import {
  checkCompliance,
  describeFindings,
  type GroupBuyActivity,
  groupBuyActivityProblems,
  type groupBuyCreateRequestSchema,
} from '@wematrix/shared';
import type { z } from 'zod';
import type { Database } from '../../db/database';
import type { AssetUrl } from '../../http/asset-urls';
import { GroupBuyError } from './group-buy.errors';
import { findActivityView } from './group-buy.repository';
import { activityToView } from './group-buy.service';

export type GroupBuyCreateInput = z.output<typeof groupBuyCreateRequestSchema>;

/**
 * Saves an operator's activity once it passes the rules (groupBuyActivityProblems against the
 * SKU's own price) and the references exist; otherwise 422 GROUP_BUY_RULES_BROKEN with every
 * problem, and nothing is written. The product is the SKU's.
 */
export async function createGroupBuyActivity(
  db: Database,
  assetUrl: AssetUrl,
  input: GroupBuyCreateInput,
  now: Date,
): Promise<GroupBuyActivity> {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const [sku, campaign, taken] = await Promise.all([
    db.selectFrom('skus').select(['product_id', 'price_fen']).where('id', '=', input.skuId).executeTakeFirst(),
    input.campaignId
      ? db.selectFrom('campaigns').select('kind').where('id', '=', input.campaignId).executeTakeFirst()
      : Promise.resolve(null),
    db.selectFrom('group_buy_activities').select('id').where('id', '=', input.id).executeTakeFirst(),
  ]);
  const tiers: Record<number, number> = {};
  for (const tier of input.tiers) tiers[tier.size] = tier.priceFen;
  const problems: string[] = groupBuyActivityProblems({
    groupSize: input.groupSize,
    tiers,
    // Without a SKU only the SKU problem is news; any price passes the below-price check.
    skuPriceFen: sku?.price_fen ?? Number.MAX_SAFE_INTEGER,
    windowHours: input.windowHours,
    perUserLimit: input.perUserLimit,
    startsAt,
    endsAt,
  });
  if (new Set(input.tiers.map((t) => t.size)).size !== input.tiers.length) problems.push('tier_size_repeated');
  if (!sku) problems.push('sku_unknown');
  if (campaign === undefined || (campaign && campaign.kind !== 'group_buy')) problems.push('campaign_unknown');
  if (taken) problems.push('id_taken');
  const findings = checkCompliance(input.title);
  if (findings.length > 0) problems.push('copy_not_compliant');
  if (problems.length > 0 || !sku) {
    throw new GroupBuyError('GROUP_BUY_RULES_BROKEN', {
      ...(findings.length > 0 ? { message: `文案不合规：${describeFindings(findings)}` } : {}),
      details: { problems, findings },
    });
  }
  await db
    .insertInto('group_buy_activities')
    .values({
      id: input.id,
      campaign_id: input.campaignId ?? null,
      product_id: sku.product_id,
      sku_id: input.skuId,
      title: input.title,
      group_size: input.groupSize,
      tiers: JSON.stringify(tiers),
      leader_free: input.leaderFree,
      window_hours: input.windowHours,
      per_user_limit: input.perUserLimit,
      new_user_only: input.newUserOnly,
      starts_at: startsAt,
      ends_at: endsAt,
      created_at: now,
    })
    .execute();
  const saved = await findActivityView(db, input.id);
  if (!saved) throw new Error(`group-buy activity ${input.id} not found after insert`);
  return activityToView(saved, assetUrl, now);
}
