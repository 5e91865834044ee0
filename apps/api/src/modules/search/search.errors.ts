import type { SearchErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';
import { CATALOG_ERRORS } from '../catalog/catalog.errors';

export const SEARCH_ERRORS = {
  KEYWORD_EMPTY: { status: 400, message: '请输入搜索关键词', messageEn: 'Keyword is empty after normalisation' },
  PRICE_RANGE_INVALID: {
    status: 400,
    message: '最低价不能高于最高价',
    messageEn: 'minPriceFen is above maxPriceFen',
  },
  // Search pages use the catalog's cursors (product-cursor.ts), so the same answer.
  CURSOR_INVALID: CATALOG_ERRORS.CURSOR_INVALID,
} as const satisfies ErrorTable<SearchErrorCode>;

export class SearchError extends AppError {
  constructor(code: SearchErrorCode, overrides?: ErrorOverrides) {
    super(code, SEARCH_ERRORS[code], overrides);
  }
}
