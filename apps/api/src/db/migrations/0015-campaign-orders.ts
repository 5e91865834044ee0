import { type Kysely, sql } from 'kysely';

/**
 * Campaign orders (docs/campaign-orders.md): an order placed at a campaign's price (秒杀,
 * 拼团, 砍价, 预售, 抽奖) names its campaign kind and the campaign row it belongs to (a flash-sale
 * claim, a group member, a bargain, a prize draw), so the order's paid / cancelled / refunded
 * moments can reach that row in the same transaction. Both or neither.
 */
const UP = [
  `alter table orders
    add column campaign_kind text
      check (campaign_kind in ('group_buy', 'bargain', 'flash_sale', 'presale', 'lottery')),
    add column campaign_ref uuid,
    add constraint orders_campaign_both_or_neither check ((campaign_kind is null) = (campaign_ref is null))`,
  // One live order per campaign row is each module's rule (its attach is conditional); this
  // index serves the lookups from a campaign row back to its orders.
  'create index orders_campaign_ref_idx on orders (campaign_ref) where campaign_ref is not null',
  // 秒杀: the order a held claim was turned into. While set, only that order's cancel gives the
  // units back (the hold-expiry job skips it), so a payment can never meet a released claim.
  'alter table flash_sale_claims add column order_id uuid references orders (id)',
];

const DOWN = [
  'alter table flash_sale_claims drop column order_id',
  'drop index orders_campaign_ref_idx',
  `alter table orders drop constraint orders_campaign_both_or_neither,
    drop column campaign_ref, drop column campaign_kind`,
];

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
