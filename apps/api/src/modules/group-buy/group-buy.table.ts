import type { GroupBuyGroupStatus } from '@wematrix/shared';
import type { ColumnType, Selectable } from 'kysely';

/** One 拼团 activity (migration 0016); `tiers` maps a group size to its unit price in fen. */
export interface GroupBuyActivitiesTable {
  id: string;
  campaign_id: string | null;
  product_id: string;
  sku_id: string;
  title: string;
  group_size: number;
  /** jsonb `{ "2": 8900, "3": 7900 }`; written as a JSON string. */
  tiers: ColumnType<Record<string, number>, string, string>;
  leader_free: ColumnType<boolean, boolean | undefined, boolean>;
  window_hours: number;
  per_user_limit: ColumnType<number, number | undefined, number>;
  new_user_only: ColumnType<boolean, boolean | undefined, boolean>;
  starts_at: Date;
  ends_at: Date;
  status: ColumnType<'active' | 'disabled', 'active' | 'disabled' | undefined, 'active' | 'disabled'>;
  created_at: ColumnType<Date, Date, never>;
}

/** One group; status only moves forming -> succeeded | failed, by conditional updates. */
export interface GroupBuyGroupsTable {
  id: string;
  activity_id: string;
  leader_user_id: string;
  status: GroupBuyGroupStatus;
  size: number;
  /** The unit price locked when the leader opened the group. */
  unit_price_fen: number;
  expires_at: Date;
  created_at: ColumnType<Date, Date, never>;
  succeeded_at: Date | null;
  failed_at: Date | null;
  /** 团长免单: when the leader's rebate was requested (null: not yet, or not a leader-free group). */
  rebated_at: Date | null;
}

export type GroupBuyMemberStatus = 'reserved' | 'paid' | 'released' | 'refunded';

/** One seat; status moves reserved -> paid | released, paid -> refunded. Seat 1 is the leader. */
export interface GroupBuyMembersTable {
  id: string;
  group_id: string;
  activity_id: string;
  user_id: string;
  seat_no: number;
  order_id: string | null;
  status: GroupBuyMemberStatus;
  created_at: ColumnType<Date, Date, never>;
  paid_at: Date | null;
  released_at: Date | null;
  refunded_at: Date | null;
  /** When the expiry job asked for this member's refund (its outRefundNo is fixed per member). */
  refund_requested_at: Date | null;
}

export type GroupBuyActivityRow = Selectable<GroupBuyActivitiesTable>;
export type GroupBuyGroupRow = Selectable<GroupBuyGroupsTable>;
export type GroupBuyMemberRow = Selectable<GroupBuyMembersTable>;
