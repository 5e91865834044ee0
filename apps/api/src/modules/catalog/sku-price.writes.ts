import { assertFen } from '@wematrix/shared';
import type { Executor } from '../../db/executor';
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
 * product's from-price change in one statement (the from-price trigger), then cached catalog
 * answers are dropped. On the database, the drop comes after the write is committed, so no
 * read can re-cache the old price. Given a caller's transaction, the drop happens before that
 * commit: the caller invalidates `catalogCache` again once its transaction has committed.
 */
export async function changeSkuPrice(
  executor: Executor,
  catalogCache: ResponseCache,
  change: SkuPriceChange,
): Promise<void> {
  assertFen(change.priceFen);
  if (change.originalPriceFen !== null) assertFen(change.originalPriceFen);
  const updated = await updateSkuPrice(executor, change.skuId, change);
  if (!updated) throw new CatalogError('SKU_NOT_FOUND', { details: { skuId: change.skuId } });
  catalogCache.invalidate();
}
