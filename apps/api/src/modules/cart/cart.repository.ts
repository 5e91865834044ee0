import { MAX_LINE_QUANTITY } from '@wematrix/shared';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';

export interface CartLineRow {
  sku_id: string;
  product_id: string;
  title: string;
  images: string[];
  sku_image: string | null;
  spec_values: string[];
  price_fen: number;
  stock: number;
  quantity: number;
  selected: boolean;
  updated_at: Date;
}

export function listCartLines(db: Executor, userId: string): Promise<CartLineRow[]> {
  return db
    .selectFrom('cart_items as c')
    .innerJoin('skus as s', 's.id', 'c.sku_id')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .select([
      'c.sku_id',
      's.product_id',
      'p.title',
      'p.images',
      's.image as sku_image',
      's.spec_values',
      's.price_fen',
      's.stock',
      'c.quantity',
      'c.selected',
      'c.updated_at',
    ])
    .where('c.user_id', '=', userId)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.sku_id')
    .execute();
}

/**
 * Adds `quantity` to the line in one statement: a new line only if the SKU exists with
 * enough stock, an existing line grows relatively (`quantity + n`, capped at the line
 * maximum) only if the result still fits in stock. Returns the new line quantity, or
 * undefined when nothing was written (unknown SKU or not enough stock).
 */
export async function addToCartLine(
  trx: Transaction<DB>,
  line: { userId: string; skuId: string; quantity: number; now: Date },
): Promise<number | undefined> {
  const { rows } = await sql<{ quantity: number }>`
    insert into cart_items (user_id, sku_id, quantity, selected, created_at, updated_at)
    select ${line.userId}::uuid, s.id, ${line.quantity}::int, true, ${line.now}::timestamptz, ${line.now}::timestamptz
    from skus s
    where s.id = ${line.skuId} and s.stock >= ${line.quantity}::int
    on conflict (user_id, sku_id) do update
      set quantity = least(cart_items.quantity + excluded.quantity, ${MAX_LINE_QUANTITY}::int),
          selected = true,
          updated_at = excluded.updated_at
      where least(cart_items.quantity + excluded.quantity, ${MAX_LINE_QUANTITY}::int)
            <= (select stock from skus where skus.id = excluded.sku_id)
    returning quantity
  `.execute(trx);
  return rows[0]?.quantity;
}

/**
 * Sets quantity and/or selection of an existing line; a new quantity must fit in stock.
 * Returns false when nothing was written (no such line, or not enough stock).
 */
export async function updateCartLine(
  trx: Transaction<DB>,
  line: { userId: string; skuId: string; quantity?: number; selected?: boolean; now: Date },
): Promise<boolean> {
  const quantity = line.quantity ?? null;
  const selected = line.selected ?? null;
  const { rows } = await sql<{ quantity: number }>`
    update cart_items c
    set quantity = coalesce(${quantity}::int, c.quantity),
        selected = coalesce(${selected}::boolean, c.selected),
        updated_at = ${line.now}::timestamptz
    where c.user_id = ${line.userId}::uuid
      and c.sku_id = ${line.skuId}
      and (${quantity}::int is null or ${quantity}::int <= (select stock from skus where skus.id = c.sku_id))
    returning c.quantity
  `.execute(trx);
  return rows.length > 0;
}

export async function deleteCartLine(trx: Transaction<DB>, userId: string, skuId: string): Promise<boolean> {
  const deleted = await trx
    .deleteFrom('cart_items')
    .where('user_id', '=', userId)
    .where('sku_id', '=', skuId)
    .returning('sku_id')
    .execute();
  return deleted.length > 0;
}

/** After a refused write: what stood in the way (for the error message only, never to decide). */
export async function stockAndLine(
  trx: Transaction<DB>,
  userId: string,
  skuId: string,
): Promise<{ stock: number | null; inCart: number | null }> {
  const sku = await trx.selectFrom('skus').select('stock').where('id', '=', skuId).executeTakeFirst();
  const line = await trx
    .selectFrom('cart_items')
    .select('quantity')
    .where('user_id', '=', userId)
    .where('sku_id', '=', skuId)
    .executeTakeFirst();
  return { stock: sku?.stock ?? null, inCart: line?.quantity ?? null };
}
