import {
  checkCompliance,
  checkPresaleTerms,
  describeFindings,
  type PresaleCreateRequest,
  type PresaleView,
  presaleCreateRequestSchema,
  presalePriceAt,
  presaleStatus,
} from '@wematrix/shared';
import type { z } from 'zod';
import type { Database } from '../../db/database';
import type { Executor } from '../../db/executor';
import type { AssetUrl } from '../../http/asset-urls';
import { PresaleError } from './presale.errors';
import { insertPresale, presaleSkus } from './presale.repository';
import type { PresaleRow } from './presale.table';

/** Presales as the campaign app shows them: status, the rung in force and the next, at `now`. */
export async function presaleViews(
  db: Executor,
  rows: readonly PresaleRow[],
  now: Date,
  assetUrl: AssetUrl,
): Promise<PresaleView[]> {
  const skus = await presaleSkus(
    db,
    rows.map((r) => r.sku_id),
  );
  return rows.map((row) => {
    const sku = skus.get(row.sku_id);
    const point = presalePriceAt({ startsAt: row.starts_at, ladder: row.ladder }, { now, unitsSold: row.sold });
    return {
      id: row.id,
      campaignId: row.campaign_id,
      productId: row.product_id,
      skuId: row.sku_id,
      title: row.title,
      imageUrl: sku?.image ? assetUrl(sku.image) : '',
      specText: sku?.specText ?? '',
      listPriceFen: sku?.priceFen ?? 0,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      shipsAt: row.ships_at.toISOString(),
      stock: row.stock,
      sold: row.sold,
      perUserLimit: row.per_user_limit,
      status: presaleStatus(
        { startsAt: row.starts_at, endsAt: row.ends_at, stock: row.stock },
        { now, unitsSold: row.sold },
      ),
      ladder: { basis: row.ladder.basis, steps: [...row.ladder.steps] },
      current: {
        step: point.step,
        priceFen: point.priceFen,
        label: point.label,
        next: point.next
          ? {
              priceFen: point.next.priceFen,
              label: point.next.label,
              startsAt: point.next.startsAt?.toISOString() ?? null,
              unitsLeft: point.next.unitsLeft,
            }
          : null,
      },
    };
  });
}

/**
 * Saves a presale an operator (or the demo seed) defines, after every rule on save:
 * 3-day window, ship date, stock, limit, a ladder that only steps up and never above the
 * SKU's list price. Every broken rule comes back at once (422 PRESALE_RULES_BROKEN with
 * details.problems), so the operator fixes them in one go; nothing is written.
 */
export async function createPresale(
  db: Database,
  input: z.output<typeof presaleCreateRequestSchema> | PresaleCreateRequest,
  now: Date,
): Promise<void> {
  const parsed = presaleCreateRequestSchema.parse(input);
  const sku = await db
    .selectFrom('skus')
    .select(['id', 'product_id', 'price_fen'])
    .where('id', '=', parsed.skuId)
    .executeTakeFirst();
  if (!sku)
    throw new PresaleError('PRESALE_RULES_BROKEN', {
      details: { problems: [{ code: 'sku_unknown', message: '商品规格不存在' }] },
    });
  const terms = {
    startsAt: new Date(parsed.startsAt),
    endsAt: new Date(parsed.endsAt),
    shipsAt: new Date(parsed.shipsAt),
    stock: parsed.stock,
    perUserLimit: parsed.perUserLimit,
    ladder: parsed.ladder,
    listPriceFen: sku.price_fen,
  };
  const findings = checkCompliance(parsed.title);
  const problems = [
    ...checkPresaleTerms(terms),
    ...(findings.length > 0
      ? [{ code: 'copy_not_compliant', message: `文案不合规：${describeFindings(findings)}`, findings }]
      : []),
  ];
  if (problems.length > 0) throw new PresaleError('PRESALE_RULES_BROKEN', { details: { problems } });
  const inserted = await insertPresale(db, {
    id: parsed.id,
    campaign_id: parsed.campaignId,
    product_id: sku.product_id,
    sku_id: sku.id,
    title: parsed.title,
    starts_at: terms.startsAt,
    ends_at: terms.endsAt,
    ships_at: terms.shipsAt,
    stock: terms.stock,
    per_user_limit: terms.perUserLimit,
    ladder: JSON.stringify(parsed.ladder),
    created_at: now,
  });
  if (!inserted) throw new PresaleError('PRESALE_EXISTS', { details: { id: parsed.id } });
}
