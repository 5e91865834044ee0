import type { Database } from '../database';
import type { SeedCatalog } from './catalog.types';
import { catalogProblems } from './catalog-check';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

export interface SeedResult {
  categories: number;
  products: number;
  skus: number;
  shoppers: number;
  campaigns: number;
}

/**
 * Loads the demo catalog. Idempotent: every insert is `on conflict do nothing`, so a second
 * run adds only what is missing and never duplicates or overwrites (stock, edits survive).
 * Image file names are stored as paths under /static/ and turned into absolute URLs when
 * read (asset-urls.ts), so changing PUBLIC_BASE_URL or PORT never leaves stale URLs behind.
 * Campaign windows are relative to `now`, so a fresh demo always has live campaigns.
 */
export async function seedCatalog(db: Database, catalog: SeedCatalog, now: Date): Promise<SeedResult> {
  const problems = catalogProblems(catalog);
  if (problems.length > 0) throw new Error(`Demo catalog is inconsistent:\n- ${problems.join('\n- ')}`);

  return db.transaction().execute(async (trx) => {
    const count = (rows: unknown[]) => rows.length;
    const result: SeedResult = { categories: 0, products: 0, skus: 0, shoppers: 0, campaigns: 0 };

    if (catalog.categories.length > 0) {
      result.categories = count(
        await trx
          .insertInto('categories')
          .values(
            catalog.categories.map((c) => ({ id: c.id, name: c.name, icon: `categories/${c.icon}`, sort: c.sort })),
          )
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .execute(),
      );
    }
    if (catalog.products.length > 0) {
      result.products = count(
        await trx
          .insertInto('products')
          .values(
            catalog.products.map((p, index) => ({
              id: p.id,
              category_id: p.categoryId,
              title: p.title,
              subtitle: p.subtitle,
              description: p.description,
              tags: p.tags,
              brand: p.brand ?? '',
              images: p.images.map((file) => `products/${file}`),
              spec_groups: JSON.stringify(p.specGroups),
              sales: p.sales,
              sort: index + 1,
              created_at: new Date(now.getTime() - p.createdDaysAgo * DAY_MS),
            })),
          )
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .execute(),
      );
      const skus = catalog.products.flatMap((p) =>
        p.skus.map((s, index) => ({
          id: s.id,
          product_id: p.id,
          spec_values: s.specValues,
          price_fen: s.priceFen,
          original_price_fen: s.originalPriceFen,
          stock: s.stock,
          image: null,
          sort: index + 1,
        })),
      );
      result.skus = count(
        await trx
          .insertInto('skus')
          .values(skus)
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .execute(),
      );
    }
    if (catalog.shoppers.length > 0) {
      result.shoppers = count(
        await trx
          .insertInto('users')
          .values(
            catalog.shoppers.map((s) => ({
              nickname: s.nickname,
              avatar_url: s.avatar ? `avatars/${s.avatar}` : null,
              demo_key: s.key,
            })),
          )
          .onConflict((oc) => oc.column('demo_key').doNothing())
          .returning('id')
          .execute(),
      );
    }
    if (catalog.campaigns.length > 0) {
      result.campaigns = count(
        await trx
          .insertInto('campaigns')
          .values(
            catalog.campaigns.map((c) => {
              const startsAt = new Date(now.getTime() + c.startsInHours * HOUR_MS);
              return {
                id: c.id,
                kind: c.kind,
                title: c.title,
                product_id: c.productId,
                campaign_price_fen: c.campaignPriceFen,
                starts_at: startsAt,
                ends_at: new Date(startsAt.getTime() + c.durationHours * HOUR_MS),
              };
            }),
          )
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .execute(),
      );
    }
    return result;
  });
}

/** True when no product exists yet: the server seeds on start only then. */
export async function isCatalogEmpty(db: Database): Promise<boolean> {
  const row = await db.selectFrom('products').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
