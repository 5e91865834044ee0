import type { OrderErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const ORDER_ERRORS = {
  ORDER_NOT_FOUND: { status: 404, message: '订单不存在', messageEn: 'Order not found' },
  ORDER_STATUS_CONFLICT: {
    status: 409,
    message: '订单状态已变化，请刷新后重试',
    messageEn: 'The order is not in a state that allows this',
  },
  ORDER_NOT_SHIPPABLE: {
    status: 409,
    message: '活动尚未完成（如拼团未成团），暂不能发货',
    messageEn: 'The campaign of this order is not complete (e.g. the group is still forming): it cannot ship yet',
  },
  PRICE_CHANGED: {
    status: 409,
    message: '商品价格或优惠有变化，请确认新的金额后再提交',
    messageEn: 'The total differs from expectedTotalFen; nothing was created',
  },
  OUT_OF_STOCK: { status: 409, message: '库存不足', messageEn: 'Not enough stock' },
  SKU_NOT_FOUND: { status: 404, message: '该商品规格不存在或已下架', messageEn: 'SKU not found' },
  ADDRESS_NOT_FOUND: { status: 404, message: '收货地址不存在', messageEn: 'Address not found' },
  REGION_UNKNOWN: { status: 400, message: '所在地区无法识别，请重新选择省市区', messageEn: 'Unknown region' },
} as const satisfies ErrorTable<OrderErrorCode>;

export class OrderError extends AppError {
  constructor(code: OrderErrorCode, overrides?: ErrorOverrides) {
    super(code, ORDER_ERRORS[code], overrides);
  }
}
