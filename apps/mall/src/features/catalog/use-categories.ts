import type { Category } from '@wematrix/shared';
import { createWeMatrixClient } from '@wematrix/shared/taro';
import { useEffect, useState } from 'react';

/** Categories from GET /api/categories, sorted by the API. */
export function useCategories(): { categories: Category[]; error: string | null } {
  const [categories, setCategories] = useState<Category[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    createWeMatrixClient()
      .api.catalog.categories()
      .then(setCategories, (err: unknown) => setError(err instanceof Error ? err.message : '分类加载失败'));
  }, []);
  return { categories, error };
}
