import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProductListQuery, ProductSummary } from '../schemas/catalog';
import { createWeMatrixClient } from './client';

export interface ProductPages {
  items: ProductSummary[];
  total: number;
  loading: boolean;
  /** All pages loaded. */
  done: boolean;
  error: string | null;
  loadMore: () => void;
  reload: () => void;
}

/**
 * Paged product list for infinite scroll: page 1 on mount and whenever the query changes,
 * the next page on `loadMore()` (from useReachBottom or a ScrollView's scrolltolower).
 * Answers for an outdated query are dropped.
 */
export function useProductPages(query: Omit<ProductListQuery, 'page'>, enabled = true): ProductPages {
  const client = createWeMatrixClient();
  const [items, setItems] = useState<ProductSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const generation = useRef(0);
  const key = JSON.stringify(query);
  const pageSize = query.pageSize ?? 10;

  const fetchPage = useCallback(
    (nextPage: number, gen: number) => {
      setLoading(true);
      client.api.catalog.products({ ...(JSON.parse(key) as ProductListQuery), page: nextPage, pageSize }).then(
        (result) => {
          if (gen !== generation.current) return;
          setItems((prev) => (nextPage === 1 ? result.items : [...prev, ...result.items]));
          setTotal(result.total);
          setPage(nextPage);
          setError(null);
          setLoading(false);
        },
        (err: unknown) => {
          if (gen !== generation.current) return;
          setError(err instanceof Error ? err.message : '商品加载失败');
          setLoading(false);
        },
      );
    },
    [client, key, pageSize],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey is a deliberate trigger
  useEffect(() => {
    generation.current += 1;
    setItems([]);
    setPage(0);
    setTotal(0);
    if (enabled) fetchPage(1, generation.current);
  }, [fetchPage, enabled, reloadKey]);

  const done = page > 0 && items.length >= total;
  const loadMore = useCallback(() => {
    if (loading || done || page === 0 || !enabled) return;
    fetchPage(page + 1, generation.current);
  }, [loading, done, page, enabled, fetchPage]);
  const reload = useCallback(() => setReloadKey((k) => k + 1), []);

  return { items, total, loading, done, error, loadMore, reload };
}
