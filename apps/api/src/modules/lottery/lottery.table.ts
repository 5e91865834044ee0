import type { LotteryDrawStatus, LotteryPrizeKind } from '@wematrix/shared';
import type { ColumnType } from 'kysely';

/** One 抽奖 pool: its window and the draws a shopper gets per Beijing day. */
export interface LotteriesTable {
  id: string;
  campaign_id: string | null;
  title: string;
  daily_draws: number;
  max_extra_draws_per_day: ColumnType<number, number | undefined, number>;
  starts_at: Date;
  ends_at: Date;
  created_at: ColumnType<Date, Date, never>;
}

/** A prize; `awarded` only moves by the draw's guarded relative update (awarded < stock). */
export interface LotteryPrizesTable {
  id: string;
  lottery_id: string;
  position: number;
  kind: LotteryPrizeKind;
  title: string;
  image: string | null;
  /** Parts per million: 1,000,000 is 100%. */
  probability_ppm: number;
  stock: number;
  awarded: ColumnType<number, number | undefined, number>;
  value_fen: number;
  coupon_template_id: string | null;
  points: number | null;
  sku_id: string | null;
  created_at: ColumnType<Date, Date, never>;
}

/** Draws one shopper made in one lottery on one Beijing day; the row a draw locks. */
export interface LotteryUserDaysTable {
  lottery_id: string;
  user_id: string;
  /** 'YYYY-MM-DD' in Asia/Shanghai. */
  day: ColumnType<string, string, never>;
  drawn: ColumnType<number, number | undefined, number>;
}

/** Every draw, misses included; status only moves unclaimed <-> claimed after the insert. */
export interface LotteryDrawsTable {
  id: string;
  lottery_id: string;
  user_id: string;
  day: ColumnType<string, string, never>;
  prize_id: string | null;
  status: LotteryDrawStatus;
  user_coupon_id: string | null;
  order_id: string | null;
  created_at: ColumnType<Date, Date, never>;
}

export type LotteryExtraDrawReason = 'friend_signup' | 'friend_order';

/** An extra draw earned through a friend's real action; unique per (lottery, reason, source). */
export interface LotteryExtraDrawsTable {
  id: string;
  lottery_id: string;
  user_id: string;
  day: ColumnType<string, string, never>;
  reason: LotteryExtraDrawReason;
  source_id: string;
  created_at: ColumnType<Date, Date, never>;
}
