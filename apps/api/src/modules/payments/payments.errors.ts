import type { PaymentErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const PAYMENT_ERRORS = {
  ORDER_NOT_FOUND: { status: 404, message: '订单不存在', messageEn: 'Order not found' },
  ORDER_NOT_PAYABLE: { status: 409, message: '该订单当前不能支付', messageEn: 'Order is not awaiting payment' },
  PAY_UNAVAILABLE: { status: 503, message: '支付暂不可用，请稍后再试', messageEn: 'WeChat Pay is unavailable' },
  PAY_OPENID_MISSING: {
    status: 409,
    message: '请在微信中打开小程序后支付',
    messageEn: 'No WeChat openid for this shopper in this mini-program',
  },
  PAY_NOTIFY_REJECTED: { status: 401, message: '通知验签失败', messageEn: 'Notification failed verification' },
  PAYMENT_NOT_FOUND: { status: 404, message: '支付记录不存在', messageEn: 'Payment not found' },
  REFUND_EXCEEDS_PAID: {
    status: 409,
    message: '退款金额超过可退金额',
    messageEn: 'Refund exceeds what is left to refund',
  },
  ORDER_NOT_REFUNDABLE: {
    status: 409,
    message: '该订单当前不能申请退款（已发货的订单请申请售后）',
    messageEn: 'Only a paid order that has not shipped can be refunded here',
  },
} as const satisfies ErrorTable<PaymentErrorCode>;

export class PaymentError extends AppError {
  constructor(code: PaymentErrorCode, overrides?: ErrorOverrides) {
    super(code, PAYMENT_ERRORS[code], overrides);
  }
}
