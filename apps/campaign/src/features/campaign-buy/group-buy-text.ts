import { formatFen, type GroupBuyGroup } from '@wematrix/shared';

type Refusal = NonNullable<GroupBuyGroup['joinRefusal']>;

/** Why the viewer cannot join, as the disabled button says it. */
export const JOIN_REFUSAL_TEXT: Record<Refusal, string> = {
  sign_in: '登录后参团',
  expired: '该团已过期',
  not_open: '团长支付后即可参团',
  own_group: '这是你开的团',
  already_member: '你已在团中',
  full: '该团已满员',
  limit_reached: '已达本活动参团上限',
  new_users_only: '该团仅限新用户参加',
};

export const GROUP_STATUS_TEXT: Record<GroupBuyGroup['status'], string> = {
  forming: '拼团中',
  succeeded: '拼团成功',
  failed: '拼团失败（已退款）',
};

/** Share card title: asks friends to join (a real action), promises nothing for sharing. */
export function groupShareTitle(input: { productTitle: string; size: number; unitPriceFen: number }): string {
  return `一起拼「${input.productTitle}」，${input.size}人团仅${formatFen(input.unitPriceFen)}`;
}

/** Why the viewer cannot help, as the disabled button says it (the owner has their own buttons). */
export const HELP_REFUSAL_TEXT: Record<string, string> = {
  not_signed_in: '登录后帮TA砍一刀',
  own: '不能给自己砍',
  expired: '已过期',
  ordered: '好友已下单',
  already_helped: '已帮砍过',
  floor_reached: '已砍到底价',
};

/** Share card title of a bargain: asks friends to help (a real action), promises nothing for sharing. */
export function bargainShareTitle(input: { productTitle: string; currentPriceFen: number }): string {
  return `帮我砍一刀！「${input.productTitle}」已砍到${formatFen(input.currentPriceFen)}`;
}
