import type { GroupBuyErrorCode } from '@wematrix/shared';
import { AppError, type ErrorOverrides, type ErrorTable } from '../../http/app-error';

export const GROUP_BUY_ERRORS = {
  GROUP_BUY_NOT_FOUND: { status: 404, message: '拼团活动不存在', messageEn: 'Group-buy activity or group not found' },
  GROUP_BUY_NOT_LIVE: {
    status: 409,
    message: '拼团活动未开始或已结束',
    messageEn: 'Group-buy activity has not started or is over',
  },
  GROUP_NOT_OPEN: {
    status: 409,
    message: '团长尚未支付，暂时不能参团',
    messageEn: 'The leader has not paid yet; the group is not open to join',
  },
  GROUP_FULL: { status: 409, message: '该团已满员', messageEn: 'Every seat of the group is taken' },
  GROUP_EXPIRED: { status: 409, message: '该团已过期', messageEn: 'The group has expired' },
  GROUP_ALREADY_JOINED: {
    status: 409,
    message: '你已在这个团里了',
    messageEn: 'You lead or already joined this group',
  },
  GROUP_BUY_LIMIT: {
    status: 409,
    message: '已达本活动的参团次数上限',
    messageEn: 'Per-shopper limit of this group-buy reached',
  },
  GROUP_BUY_NEW_USERS_ONLY: {
    status: 409,
    message: '该团仅限新用户参加',
    messageEn: 'This group is for new shoppers only (no paid order before)',
  },
  GROUP_BUY_RULES_BROKEN: {
    status: 422,
    message: '拼团活动设置不符合规则',
    messageEn: 'Group-buy activity refused; details.problems lists every reason',
  },
} as const satisfies ErrorTable<GroupBuyErrorCode>;

export class GroupBuyError extends AppError {
  constructor(code: GroupBuyErrorCode, overrides?: ErrorOverrides) {
    super(code, GROUP_BUY_ERRORS[code], overrides);
  }
}
