import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProductListQuery, ProductSummary } from '../schemas/catalog';
import { createWeMatrixClient } from './client';

export interface ProductPages {
  items: ProductSummary[];
  loading: boolean;
  /** All pages loaded. */
  done: boolean;
  error: string | null;
  loadMore: () => void;
  reload: () => void;
}

type PagesQuery = Omit<ProductListQuery, 'cursor' | 'withTotal'>;

/**
 * Paged product list for infinite scroll: the first page on mount and whenever the query
 * changes, the next page (by the cursor the last one answered) on `loadMore()` (from
 * useReachBottom or a ScrollView's scrolltolower). Answers for an outdated query are dropped.
 */
export function useProductPages(query: PagesQuery, enabled = true): ProductPages {
  const client = createWeMatrixClient();
  const [items, setItems] = useState<ProductSummary[]>([]);
  // undefined: nothing loaded yet; null: the last page is loaded.
  const [nextCursor, setNextCursor] = useState<string | null | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const generation = useRef(0);
  const key = JSON.stringify(query);
  const pageSize = query.pageSize ?? 10;

  const fetchPage = useCallback(
    (cursor: string | undefined, gen: number) => {
      setLoading(true);
      client.api.catalog.products({ ...(JSON.parse(key) as PagesQuery), cursor, pageSize }).then(
        (result) => {
          if (gen !== generation.current) return;
          setItems((prev) => (cursor === undefined ? result.items : [...prev, ...result.items]));
          setNextCursor(result.nextCursor);
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
    setNextCursor(undefined);
    if (enabled) fetchPage(undefined, generation.current);
  }, [fetchPage, enabled, reloadKey]);

  const done = nextCursor === null;
  const loadMore = useCallback(() => {
    if (loading || typeof nextCursor !== 'string' || !enabled) return;
    fetchPage(nextCursor, generation.current);
  }, [loading, nextCursor, enabled, fetchPage]);
  const reload = useCallback(() => setReloadKey((k) => k + 1), []);

  return { items, loading, done, error, loadMore, reload };
}
