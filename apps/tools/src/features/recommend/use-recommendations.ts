import type { ProductSummary } from '@wematrix/shared';
import { createWeMatrixClient } from '@wematrix/shared/taro';
import { useEffect, useState } from 'react';

export interface RecommendationQuery {
  /** Demo catalog category the tool recommends from (skincare for skin, women for size). */
  categoryId: string;
  /** Search words, best first: products matching earlier words are listed first. */
  keywords: string[];
  limit?: number;
}

/**
 * Products for a tool result: each keyword searched within the category (title, subtitle
 * and tags match), in order, then the category's best sellers to fill up to `limit`.
 */
export function useRecommendations(query: RecommendationQuery | null): {
  products: ProductSummary[] | null;
  error: string | null;
} {
  const [products, setProducts] = useState<ProductSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = query ? JSON.stringify(query) : '';

  useEffect(() => {
    if (!key) {
      setProducts(null);
      return;
    }
    const { categoryId, keywords, limit = 6 } = JSON.parse(key) as RecommendationQuery;
    const api = createWeMatrixClient().api;
    let stale = false;
    const searches = [
      ...keywords.map((q) => api.catalog.products({ categoryId, q, pageSize: limit })),
      api.catalog.products({ categoryId, sort: 'sales', pageSize: limit }),
    ];
    Promise.all(searches).then(
      (pages) => {
        if (stale) return;
        const seen = new Set<string>();
        const picked: ProductSummary[] = [];
        for (const page of pages) {
          for (const product of page.items) {
            if (picked.length < limit && !seen.has(product.id)) {
              seen.add(product.id);
              picked.push(product);
            }
          }
        }
        setProducts(picked);
      },
      (err: unknown) => {
        if (!stale) setError(err instanceof Error ? err.message : '推荐商品加载失败');
      },
    );
    return () => {
      stale = true;
    };
  }, [key]);

  return { products, error };
}
