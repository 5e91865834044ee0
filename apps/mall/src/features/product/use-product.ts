import type { ProductDetail } from '@wematrix/shared';
import { createWeMatrixClient } from '@wematrix/shared/taro';
import { useEffect, useState } from 'react';

export function useProduct(id: string | undefined): { product: ProductDetail | null; error: string | null } {
  const [product, setProduct] = useState<ProductDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!id) {
      setError('缺少商品编号');
      return;
    }
    createWeMatrixClient()
      .api.catalog.product(id)
      .then(setProduct, (err: unknown) => setError(err instanceof Error ? err.message : '商品加载失败'));
  }, [id]);
  return { product, error };
}
