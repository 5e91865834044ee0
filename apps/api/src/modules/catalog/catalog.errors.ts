import type { CatalogErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const CATALOG_ERRORS = {
  PRODUCT_NOT_FOUND: { status: 404, message: '商品不存在或已下架', messageEn: 'Product not found' },
  SKU_NOT_FOUND: { status: 404, message: '该商品规格不存在或已下架', messageEn: 'SKU not found' },
  CURSOR_INVALID: { status: 400, message: '列表已过期，请刷新', messageEn: 'Invalid or foreign page cursor' },
} as const satisfies ErrorTable<CatalogErrorCode>;

export class CatalogError extends AppError {
  constructor(code: CatalogErrorCode, overrides?: ErrorOverrides) {
    super(code, CATALOG_ERRORS[code], overrides);
  }
}
