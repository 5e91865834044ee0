import { assertFen } from '@wematrix/shared';
import type { Database } from '../../db/database';
import type { ResponseCache } from '../../http/response-cache';
import { CatalogError } from './catalog.errors';
import { updateSkuPrice } from './catalog.repository';

export interface SkuPriceChange {
  skuId: string;
  priceFen: number;
  originalPriceFen: number | null;
}

/**
 * The one way to reprice a SKU (the operators' console will route to it): the SKU and its
 * product's from-price change in one transaction, then cached catalog answers are dropped.
 * Invalidating after the commit, not before, so no read can re-cache the old price.
 */
export async function changeSkuPrice(
  deps: { db: Database; catalogCache: ResponseCache },
  change: SkuPriceChange,
): Promise<void> {
  assertFen(change.priceFen);
  if (change.originalPriceFen !== null) assertFen(change.originalPriceFen);
  const updated = await deps.db.transaction().execute((trx) => updateSkuPrice(trx, change.skuId, change));
  if (!updated) throw new CatalogError('SKU_NOT_FOUND', { details: { skuId: change.skuId } });
  deps.catalogCache.invalidate();
}
