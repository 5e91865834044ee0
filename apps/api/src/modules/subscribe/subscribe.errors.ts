import type { SubscribeErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const SUBSCRIBE_ERRORS = {
  SUBSCRIBE_TEMPLATE_UNKNOWN: {
    status: 422,
    message: '消息模板已更新，请重新打开页面',
    messageEn: 'A template id that is not configured for this app',
  },
} as const satisfies ErrorTable<SubscribeErrorCode>;

export class SubscribeError extends AppError {
  constructor(code: SubscribeErrorCode, overrides?: ErrorOverrides) {
    super(code, SUBSCRIBE_ERRORS[code], overrides);
  }
}
