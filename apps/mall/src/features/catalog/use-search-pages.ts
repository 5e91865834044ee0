import type { ProductSort, ProductSummary } from '@wematrix/shared';
import { createWeMatrixClient } from '@wematrix/shared/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface SearchFilters {
  sort: ProductSort;
  minPriceFen?: number;
  maxPriceFen?: number;
}

/**
 * Search results for infinite scroll: the first page whenever the keyword or filters change,
 * the next by the API's cursor on loadMore. Answers for an outdated search are dropped.
 */
export function useSearchPages(keyword: string, filters: SearchFilters) {
  const { api } = createWeMatrixClient();
  const [items, setItems] = useState<ProductSummary[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const key = JSON.stringify({ keyword, ...filters });

  const fetchPage = useCallback(
    (after: string | undefined, gen: number) => {
      const { keyword: q, ...f } = JSON.parse(key) as SearchFilters & { keyword: string };
      setLoading(true);
      api.search.products({ q, ...f, cursor: after, pageSize: 10 }).then(
        (page) => {
          if (gen !== generation.current) return;
          setItems((prev) => (after === undefined ? page.items : [...prev, ...page.items]));
          setCursor(page.nextCursor);
          setError(null);
          setLoading(false);
        },
        (e: unknown) => {
          if (gen !== generation.current) return;
          setError(e instanceof Error ? e.message : '搜索失败');
          setLoading(false);
        },
      );
    },
    [api, key],
  );

  useEffect(() => {
    generation.current += 1;
    setItems([]);
    setCursor(undefined);
    setError(null);
    if (JSON.parse(key).keyword) fetchPage(undefined, generation.current);
  }, [key, fetchPage]);

  const loadMore = useCallback(() => {
    if (loading || !cursor) return;
    fetchPage(cursor, generation.current);
  }, [loading, cursor, fetchPage]);

  return { items, loading, error, done: cursor === null, loadMore };
}
