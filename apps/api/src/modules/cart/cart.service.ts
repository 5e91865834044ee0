import { assertFen, type Cart, type CartItem } from '@wematrix/shared';
import type { AssetUrl } from '../../http/asset-urls';
import { CartError } from './cart.errors';
import type { CartLineRow } from './cart.repository';

export function cartLineToItem(row: CartLineRow, assetUrl: AssetUrl): CartItem {
  const lineTotalFen = row.price_fen * row.quantity;
  assertFen(lineTotalFen, 'lineTotalFen');
  const image = row.sku_image ?? row.images[0];
  return {
    skuId: row.sku_id,
    productId: row.product_id,
    title: row.title,
    specText: row.spec_values.join(' / '),
    imageUrl: image ? assetUrl(image) : '',
    unitPriceFen: row.price_fen,
    quantity: row.quantity,
    stock: row.stock,
    selected: row.selected,
    lineTotalFen,
  };
}

/** The cart as the apps show it: lines, badge count and the total of selected lines. */
export function cartFromLines(rows: CartLineRow[], assetUrl: AssetUrl): Cart {
  const items = rows.map((row) => cartLineToItem(row, assetUrl));
  const selectedTotalFen = items.reduce((sum, item) => (item.selected ? sum + item.lineTotalFen : sum), 0);
  assertFen(selectedTotalFen, 'selectedTotalFen');
  const latest = rows.reduce<Date | null>(
    (max, row) => (max === null || row.updated_at > max ? row.updated_at : max),
    null,
  );
  return {
    items,
    count: items.reduce((sum, item) => sum + item.quantity, 0),
    selectedTotalFen,
    updatedAt: latest ? latest.toISOString() : null,
  };
}

/** The 409 for a refused add or update, saying how many are left and how many are in the cart. */
export function insufficientStock(skuId: string, stock: number, inCart: number | null): CartError {
  const already = inCart ? `，购物车中已有 ${inCart} 件` : '';
  return new CartError('INSUFFICIENT_STOCK', {
    message: stock === 0 ? '该商品已售罄' : `库存不足，仅剩 ${stock} 件${already}`,
    messageEn: `Not enough stock for ${skuId}: ${stock} left, ${inCart ?? 0} in cart`,
    details: { skuId, stock, inCart: inCart ?? 0 },
  });
}
