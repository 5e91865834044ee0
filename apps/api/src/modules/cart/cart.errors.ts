import type { CartErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const CART_ERRORS = {
  SKU_NOT_FOUND: { status: 404, message: '该商品规格不存在或已下架', messageEn: 'SKU not found' },
  INSUFFICIENT_STOCK: { status: 409, message: '库存不足', messageEn: 'Not enough stock' },
  CART_ITEM_NOT_FOUND: { status: 404, message: '购物车中没有这件商品', messageEn: 'Cart item not found' },
} as const satisfies ErrorTable<CartErrorCode>;

export class CartError extends AppError {
  constructor(code: CartErrorCode, overrides?: ErrorOverrides) {
    super(code, CART_ERRORS[code], overrides);
  }
}
