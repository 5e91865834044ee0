import type { FlashSaleSlotStatus } from '@wematrix/shared';
import type { ClaimRecord } from './claim-records';

export type SlotActionKind = 'claim' | 'pay' | 'view' | 'none';

export interface SlotAction {
  kind: SlotActionKind;
  label: string;
  /** Sub-line under the label (e.g. the hold's countdown), or null. */
  hint: string | null;
  disabled: boolean;
}

const mmss = (seconds: number): string =>
  `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * The button of one slot: what the shopper holds first (a paid or held claim of theirs), then
 * the slot's status on the server clock. 即将开始 / 已抢光 / 已结束 cannot be pressed.
 */
export function slotAction(status: FlashSaleSlotStatus, record: ClaimRecord | null, serverNowMs: number): SlotAction {
  if (record?.paid) return { kind: 'view', label: '已抢到', hint: '查看订单', disabled: false };
  if (record) {
    const left = Math.max(0, Math.ceil((Date.parse(record.holdUntil) - serverNowMs) / 1000));
    if (left > 0) return { kind: 'pay', label: '已抢到 去支付', hint: `${mmss(left)} 后释放`, disabled: false };
  }
  switch (status) {
    case 'upcoming':
      return { kind: 'none', label: '即将开始', hint: null, disabled: true };
    case 'live':
      return { kind: 'claim', label: '立即抢购', hint: null, disabled: false };
    case 'sold_out':
      return { kind: 'none', label: '已抢光', hint: null, disabled: true };
    default:
      return { kind: 'none', label: '已结束', hint: null, disabled: true };
  }
}

/** The tab's words under its time. */
export function groupStatusText(status: FlashSaleSlotStatus): string {
  switch (status) {
    case 'live':
      return '已开抢';
    case 'upcoming':
      return '即将开始';
    case 'sold_out':
      return '已抢光';
    default:
      return '已结束';
  }
}

/** 已抢 x%: units handed out over the slot's stock, rounded down (100% only when none is left). */
export function soldPercent(stock: number, remaining: number): number {
  if (stock <= 0) return 100;
  return Math.floor(((stock - remaining) / stock) * 100);
}
