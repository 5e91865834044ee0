import type { AfterSaleErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const AFTER_SALE_ERRORS = {
  ORDER_NOT_FOUND: { status: 404, message: '订单不存在', messageEn: 'Order not found' },
  AFTER_SALE_NOT_ALLOWED: {
    status: 409,
    message: '该订单当前不能申请售后',
    messageEn: 'After-sale needs a paid (WeChat Pay), shipped or completed order',
  },
  AFTER_SALE_ALREADY_OPEN: {
    status: 409,
    message: '该订单已有处理中的售后申请',
    messageEn: 'The order already has an after-sale request in progress',
  },
  AFTER_SALE_NOT_FOUND: { status: 404, message: '售后申请不存在', messageEn: 'After-sale request not found' },
  AFTER_SALE_STATUS_CONFLICT: {
    status: 409,
    message: '售后申请已被处理，请刷新',
    messageEn: 'The after-sale request is no longer pending',
  },
  UPLOAD_NOT_FOUND: {
    status: 422,
    message: '图片不存在或已失效，请重新上传',
    messageEn: 'A photo id is not one of your uploads',
  },
  PAY_UNAVAILABLE: { status: 503, message: '支付暂不可用，请稍后再试', messageEn: 'WeChat Pay is unavailable' },
} as const satisfies ErrorTable<AfterSaleErrorCode>;

export class AfterSaleError extends AppError {
  constructor(code: AfterSaleErrorCode, overrides?: ErrorOverrides) {
    super(code, AFTER_SALE_ERRORS[code], overrides);
  }
}
