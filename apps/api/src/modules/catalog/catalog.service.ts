import type { Category, ProductDetail, ProductSummary, Sku } from '@wematrix/shared';
import type { AssetUrl } from '../../http/asset-urls';
import type { CategoryWithCountRow, ProductSummaryRow } from './catalog.repository';
import type { ProductRow, SkuRow } from './catalog.table';

export function categoryRowToCategory(row: CategoryWithCountRow, assetUrl: AssetUrl): Category {
  return {
    id: row.id,
    name: row.name,
    icon: row.icon ? assetUrl(row.icon) : null,
    sort: row.sort,
    productCount: row.product_count,
  };
}

function coverOf(images: string[], assetUrl: AssetUrl): string {
  const cover = images[0];
  return cover ? assetUrl(cover) : '';
}

export function productRowToSummary(row: ProductSummaryRow, assetUrl: AssetUrl): ProductSummary {
  return {
    id: row.id,
    categoryId: row.category_id,
    title: row.title,
    subtitle: row.subtitle,
    imageUrl: coverOf(row.images, assetUrl),
    priceFen: row.from_price_fen,
    originalPriceFen: row.from_original_price_fen,
    sales: row.sales,
    tags: row.tags,
  };
}

export function skuRowToSku(row: SkuRow, assetUrl: AssetUrl): Sku {
  return {
    id: row.id,
    specValues: row.spec_values,
    priceFen: row.price_fen,
    originalPriceFen: row.original_price_fen,
    stock: row.stock,
    imageUrl: row.image ? assetUrl(row.image) : null,
  };
}

/** The detail page: the product, all SKUs, and the from-price the list shows too. */
export function productToDetail(product: ProductRow, skus: SkuRow[], assetUrl: AssetUrl): ProductDetail {
  return {
    id: product.id,
    categoryId: product.category_id,
    title: product.title,
    subtitle: product.subtitle,
    imageUrl: coverOf(product.images, assetUrl),
    priceFen: product.from_price_fen,
    originalPriceFen: product.from_original_price_fen,
    sales: product.sales,
    tags: product.tags,
    images: product.images.map(assetUrl),
    description: product.description,
    specGroups: product.spec_groups,
    skus: skus.map((sku) => skuRowToSku(sku, assetUrl)),
  };
}
