import type { AddressErrorCode } from '@wematrix/shared';
import { MAX_ADDRESSES_PER_USER } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const ADDRESS_ERRORS = {
  ADDRESS_NOT_FOUND: { status: 404, message: '收货地址不存在', messageEn: 'Address not found' },
  ADDRESS_LIMIT_REACHED: {
    status: 409,
    message: `最多保存 ${MAX_ADDRESSES_PER_USER} 个收货地址，请先删除不用的地址`,
    messageEn: `At most ${MAX_ADDRESSES_PER_USER} addresses per shopper`,
  },
  REGION_UNKNOWN: { status: 400, message: '所在地区无法识别，请重新选择省市区', messageEn: 'Unknown region' },
} as const satisfies ErrorTable<AddressErrorCode>;

export class AddressError extends AppError {
  constructor(code: AddressErrorCode, overrides?: ErrorOverrides) {
    super(code, ADDRESS_ERRORS[code], overrides);
  }
}
