/**
 * Shape of the demo catalog that `db:seed` loads on first start. The data lives in
 * catalog.data.ts; images are files under apps/api/assets/ served at /static/.
 */
export interface SeedCategory {
  id: string;
  name: string;
  /** File name under assets/categories/. */
  icon: string;
  sort: number;
}

export interface SeedSku {
  id: string;
  /** One value per spec group, in the product's specGroups order. */
  specValues: string[];
  priceFen: number;
  originalPriceFen: number | null;
  stock: number;
}

export interface SeedProduct {
  id: string;
  categoryId: string;
  title: string;
  subtitle: string;
  description: string;
  tags: string[];
  /** Searchable brand name; none when omitted. */
  brand?: string;
  /** File names under assets/products/; the first is the cover. */
  images: string[];
  sales: number;
  specGroups: { name: string; values: string[] }[];
  skus: SeedSku[];
  /** Listing age, so "newest" sorting has something to sort. */
  createdDaysAgo: number;
}

export interface SeedShopper {
  key: string;
  nickname: string;
  /** File name under assets/avatars/, or null. */
  avatar: string | null;
}

export interface SeedCampaign {
  id: string;
  kind: 'group_buy' | 'bargain' | 'flash_sale' | 'presale' | 'lottery';
  title: string;
  productId: string;
  campaignPriceFen: number;
  /** Relative to seeding time, so a fresh demo always has live campaigns. */
  startsInHours: number;
  durationHours: number;
}

export interface SeedCatalog {
  categories: SeedCategory[];
  products: SeedProduct[];
  shoppers: SeedShopper[];
  campaigns: SeedCampaign[];
}
