import type { Executor } from '../../db/executor';

export interface CheckoutSkuRow {
  sku_id: string;
  product_id: string;
  category_id: string;
  title: string;
  images: string[];
  sku_image: string | null;
  spec_values: string[];
  price_fen: number;
  stock: number;
}

/** The SKUs being checked out with today's price and stock (the client's figures are never used). */
export async function findCheckoutSkus(db: Executor, skuIds: readonly string[]): Promise<CheckoutSkuRow[]> {
  if (skuIds.length === 0) return [];
  return db
    .selectFrom('skus as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .select([
      's.id as sku_id',
      's.product_id',
      'p.category_id',
      'p.title',
      'p.images',
      's.image as sku_image',
      's.spec_values',
      's.price_fen',
      's.stock',
    ])
    .where('s.id', 'in', [...skuIds])
    .execute();
}

/** The selected lines of the shopper's cart, oldest first (the order they were added). */
export function selectedCartLines(db: Executor, userId: string): Promise<Array<{ skuId: string; quantity: number }>> {
  return db
    .selectFrom('cart_items')
    .select(['sku_id as skuId', 'quantity'])
    .where('user_id', '=', userId)
    .where('selected', '=', true)
    .orderBy('created_at')
    .orderBy('sku_id')
    .execute();
}
