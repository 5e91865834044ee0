import type { ReviewErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const REVIEW_ERRORS = {
  ORDER_NOT_FOUND: { status: 404, message: '订单不存在', messageEn: 'Order not found' },
  REVIEW_NOT_ALLOWED: {
    status: 409,
    message: '确认收货后才能评价',
    messageEn: 'Reviews need a completed order',
  },
  REVIEW_LINE_NOT_FOUND: {
    status: 422,
    message: '订单中没有这件商品',
    messageEn: 'A skuId is not a line of this order',
  },
  REVIEW_ALREADY_EXISTS: {
    status: 409,
    message: '这件商品已经评价过了',
    messageEn: 'A line of this request was reviewed before; nothing was saved',
  },
  UPLOAD_NOT_FOUND: {
    status: 422,
    message: '图片不存在或已失效，请重新上传',
    messageEn: 'A photo id is not one of your uploads',
  },
  REVIEW_NOT_FOUND: { status: 404, message: '评价不存在', messageEn: 'Review not found' },
  REVIEW_ALREADY_HIDDEN: { status: 409, message: '该评价已隐藏', messageEn: 'The review is hidden already' },
  PRODUCT_NOT_FOUND: { status: 404, message: '商品不存在或已下架', messageEn: 'Product not found' },
  CURSOR_INVALID: { status: 400, message: '列表已过期，请刷新', messageEn: 'Invalid or foreign page cursor' },
} as const satisfies ErrorTable<ReviewErrorCode>;

export class ReviewError extends AppError {
  constructor(code: ReviewErrorCode, overrides?: ErrorOverrides) {
    super(code, REVIEW_ERRORS[code], overrides);
  }
}
