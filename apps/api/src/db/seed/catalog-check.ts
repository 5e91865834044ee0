import type { SeedCatalog } from './catalog.types';

/**
 * Problems in the demo catalog that would otherwise surface as a foreign-key error in the
 * middle of seeding, or as a broken product page. Empty when the catalog is consistent.
 */
export function catalogProblems(catalog: SeedCatalog): string[] {
  const problems: string[] = [];
  const categoryIds = new Set(catalog.categories.map((c) => c.id));
  const productIds = new Set<string>();
  const skuIds = new Set<string>();
  const seen = (set: Set<string>, id: string, what: string) => {
    if (set.has(id)) problems.push(`duplicate ${what} id ${id}`);
    set.add(id);
  };
  if (categoryIds.size !== catalog.categories.length) problems.push('duplicate category ids');
  for (const product of catalog.products) {
    seen(productIds, product.id, 'product');
    if (!categoryIds.has(product.categoryId)) problems.push(`${product.id}: unknown category ${product.categoryId}`);
    if (product.images.length === 0) problems.push(`${product.id}: no images`);
    if (product.skus.length === 0) problems.push(`${product.id}: no SKUs`);
    for (const sku of product.skus) {
      seen(skuIds, sku.id, 'SKU');
      if (sku.specValues.length !== product.specGroups.length) {
        problems.push(`${sku.id}: ${sku.specValues.length} spec values for ${product.specGroups.length} spec groups`);
      }
      sku.specValues.forEach((value, i) => {
        if (!product.specGroups[i]?.values.includes(value))
          problems.push(`${sku.id}: spec value ${value} not in group ${i}`);
      });
      for (const fen of [sku.priceFen, sku.stock, sku.originalPriceFen ?? 0]) {
        if (!Number.isInteger(fen) || fen < 0) problems.push(`${sku.id}: price and stock must be whole and >= 0`);
      }
    }
  }
  const shopperKeys = new Set<string>();
  for (const shopper of catalog.shoppers) seen(shopperKeys, shopper.key, 'shopper');
  const campaignIds = new Set<string>();
  for (const campaign of catalog.campaigns) {
    seen(campaignIds, campaign.id, 'campaign');
    if (!productIds.has(campaign.productId)) problems.push(`${campaign.id}: unknown product ${campaign.productId}`);
    if (!(campaign.durationHours > 0)) problems.push(`${campaign.id}: durationHours must be > 0`);
    if (!Number.isInteger(campaign.campaignPriceFen) || campaign.campaignPriceFen < 0) {
      problems.push(`${campaign.id}: campaignPriceFen must be whole fen`);
    }
  }
  return problems;
}
