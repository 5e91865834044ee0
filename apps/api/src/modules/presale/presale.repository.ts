import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/executor';
import type { PresaleBookingRow, PresaleRow, PresalesTable } from './presale.table';

/** One presale, or undefined. */
export function findPresale(db: Executor, id: string): Promise<PresaleRow | undefined> {
  return db.selectFrom('presales').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The presale row locked for this transaction: one shopper's order at a time sees `sold`. */
export function lockPresale(db: Executor, id: string): Promise<PresaleRow | undefined> {
  return db.selectFrom('presales').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Presales not yet ended, soonest end first. */
export function listOpenPresales(db: Executor, now: Date): Promise<PresaleRow[]> {
  return db.selectFrom('presales').selectAll().where('ends_at', '>', now).orderBy('ends_at').limit(50).execute();
}

/** The SKU facts a presale page shows: image, spec, list price. */
export async function presaleSkus(
  db: Executor,
  skuIds: readonly string[],
): Promise<Map<string, { image: string | null; specText: string; priceFen: number }>> {
  if (skuIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('skus as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .select(['s.id', 's.image', 'p.images', 's.spec_values', 's.price_fen'])
    .where('s.id', 'in', [...skuIds])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { image: r.image ?? r.images[0] ?? null, specText: r.spec_values.join(' / '), priceFen: r.price_fen },
    ]),
  );
}

/** Units the shopper bought or holds in unpaid orders of this presale. */
export async function unitsOfShopper(db: Executor, presaleId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('presale_bookings')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), sql<number>`0`).as('units'))
    .where('presale_id', '=', presaleId)
    .where('user_id', '=', userId)
    .where('status', 'in', ['held', 'paid'])
    .executeTakeFirstOrThrow();
  return Number(row.units);
}

/** Takes `quantity` units: a relative update guarded by the stock, false when too few are left. */
export async function takePresaleUnits(db: Executor, input: { presaleId: string; quantity: number }): Promise<boolean> {
  const row = await db
    .updateTable('presales')
    .set((eb) => ({ sold: eb('sold', '+', input.quantity) }))
    .where('id', '=', input.presaleId)
    .where((eb) => eb(eb('sold', '+', input.quantity), '<=', eb.ref('stock')))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertBooking(
  db: Executor,
  booking: Pick<PresaleBookingRow, 'id' | 'presale_id' | 'user_id' | 'quantity' | 'unit_price_fen'> & { now: Date },
): Promise<void> {
  const { now, ...values } = booking;
  await db
    .insertInto('presale_bookings')
    .values({ ...values, status: 'held', order_id: null, created_at: now, updated_at: now })
    .execute();
}

/** Inserts a presale (the operator's save, the demo seed); false when the id exists. */
export async function insertPresale(db: Executor, row: Insertable<PresalesTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('presales')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}
