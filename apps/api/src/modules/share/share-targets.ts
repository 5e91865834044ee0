import type { ShareKind } from '@wematrix/shared';
import type { Executor } from '../../db/executor';

/** What a share's target shows when opened: its title (null for home). */
export interface ShareTargetInfo {
  title: string | null;
}

type TargetLookup = (db: Executor, id: string) => Promise<ShareTargetInfo | null>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether each kind's target exists, one lookup per kind, reading the owning module's table
 * (products, group_buy_groups, bargains, lotteries, flash_sale_slots). Existence only: whether
 * the group is still open or the lottery live is the campaign module's answer on its own page.
 * Groups and bargains have uuid ids: anything else cannot exist (and must not reach a uuid
 * column, where PostgreSQL would refuse the text).
 */
export const SHARE_TARGET_LOOKUPS: Record<ShareKind, TargetLookup> = {
  product: (db, id) => db.selectFrom('products').select('title').where('id', '=', id).executeTakeFirst().then(info),
  group_buy_group: async (db, id) =>
    UUID.test(id)
      ? db
          .selectFrom('group_buy_groups as g')
          .innerJoin('group_buy_activities as a', 'a.id', 'g.activity_id')
          .select('a.title')
          .where('g.id', '=', id)
          .executeTakeFirst()
          .then(info)
      : null,
  bargain: async (db, id) =>
    UUID.test(id)
      ? db
          .selectFrom('bargains as b')
          .innerJoin('bargain_activities as a', 'a.id', 'b.activity_id')
          .select('a.title')
          .where('b.id', '=', id)
          .executeTakeFirst()
          .then(info)
      : null,
  lottery: (db, id) => db.selectFrom('lotteries').select('title').where('id', '=', id).executeTakeFirst().then(info),
  flash_sale: (db, id) =>
    db.selectFrom('flash_sale_slots').select('title').where('id', '=', id).executeTakeFirst().then(info),
  home: async () => ({ title: null }),
};

function info(row: { title: string } | undefined): ShareTargetInfo | null {
  return row ? { title: row.title } : null;
}
