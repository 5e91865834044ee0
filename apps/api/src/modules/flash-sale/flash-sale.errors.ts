import type { FlashSaleErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const FLASH_SALE_ERRORS = {
  FLASH_SALE_NOT_FOUND: { status: 404, message: '秒杀场次不存在', messageEn: 'Flash-sale slot not found' },
  FLASH_SALE_NOT_LIVE: {
    status: 409,
    message: '秒杀未开始或已结束',
    messageEn: 'Flash sale has not started or is over',
  },
  FLASH_SALE_SOLD_OUT: { status: 409, message: '已抢光', messageEn: 'Flash sale sold out' },
  FLASH_SALE_LIMIT_REACHED: { status: 409, message: '已达限购数量', messageEn: 'Per-shopper limit reached' },
  FLASH_SALE_UNAVAILABLE: {
    status: 503,
    message: '抢购人数过多，请稍后再试',
    messageEn: 'Flash-sale stock gate unavailable; nothing was taken, try again',
  },
  FLASH_SALE_CLAIM_INVALID: {
    status: 409,
    message: '抢购资格已失效，请重新抢购',
    messageEn: 'This claim is not yours, has expired, was released or was already ordered',
  },
} as const satisfies ErrorTable<FlashSaleErrorCode>;

export class FlashSaleError extends AppError {
  constructor(code: FlashSaleErrorCode, overrides?: ErrorOverrides) {
    super(code, FLASH_SALE_ERRORS[code], overrides);
  }
}
