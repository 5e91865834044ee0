/** Smallest and largest 拼团 group (the leader included). */
export const GROUP_BUY_MIN_SIZE = 2;
export const GROUP_BUY_MAX_SIZE = 5;
/** A group's window: at least an hour, at most the 7-day fission cycle (裂变周期不超过 7 天). */
export const GROUP_BUY_MAX_WINDOW_HOURS = 24 * 7;

/**
 * 阶梯折扣: unit price in fen by group size, e.g. `{ 2: 8900, 3: 7900, 5: 6900 }`. A group of
 * size N pays the tier of the largest size ≤ N (see groupBuyUnitPriceFen).
 */
export type GroupBuyTiers = Readonly<Record<number, number>>;

export interface GroupBuyActivityInput {
  groupSize: number;
  tiers: GroupBuyTiers;
  /** The SKU's own price: every tier must be below it. */
  skuPriceFen: number;
  windowHours: number;
  perUserLimit: number;
  startsAt: Date;
  endsAt: Date;
}

export type GroupBuyActivityProblem =
  | 'group_size_out_of_range'
  | 'tiers_empty'
  | 'tier_size_out_of_range'
  | 'tier_price_invalid'
  | 'tier_not_below_sku_price'
  | 'tiers_increasing'
  | 'no_tier_for_group_size'
  | 'window_hours_out_of_range'
  | 'per_user_limit_invalid'
  | 'ends_before_start';

const isWhole = (n: number): boolean => Number.isSafeInteger(n);

/** The tiers as [size, priceFen] pairs, smallest size first (keys that are not whole numbers kept as NaN). */
export function tierEntries(tiers: GroupBuyTiers): Array<[number, number]> {
  return Object.entries(tiers)
    .map(([size, price]): [number, number] => [/^\d+$/.test(size) ? Number(size) : Number.NaN, price])
    .sort((a, b) => a[0] - b[0]);
}

/**
 * Every reason an activity cannot be saved, in a fixed order (empty: it can). Group size 2–5;
 * tiers keyed by sizes 2–5, whole positive fen below the SKU price, never dearer for a bigger
 * group, one of them reachable by the activity's size; window 1–168 hours; limit ≥ 1.
 * Example: `{ groupSize: 3, tiers: { 2: 8900, 3: 7900 }, skuPriceFen: 9900, ... }` → `[]`.
 */
export function groupBuyActivityProblems(input: GroupBuyActivityInput): GroupBuyActivityProblem[] {
  const problems: GroupBuyActivityProblem[] = [];
  const sizeOk =
    isWhole(input.groupSize) && input.groupSize >= GROUP_BUY_MIN_SIZE && input.groupSize <= GROUP_BUY_MAX_SIZE;
  if (!sizeOk) problems.push('group_size_out_of_range');
  const entries = tierEntries(input.tiers);
  if (entries.length === 0) problems.push('tiers_empty');
  if (entries.some(([size]) => !isWhole(size) || size < GROUP_BUY_MIN_SIZE || size > GROUP_BUY_MAX_SIZE))
    problems.push('tier_size_out_of_range');
  if (entries.some(([, price]) => !isWhole(price) || price <= 0)) problems.push('tier_price_invalid');
  if (entries.some(([, price]) => price >= input.skuPriceFen)) problems.push('tier_not_below_sku_price');
  if (entries.some(([, price], i) => i > 0 && price > (entries[i - 1] as [number, number])[1]))
    problems.push('tiers_increasing');
  if (sizeOk && entries.length > 0 && groupBuyUnitPriceFen(input.tiers, input.groupSize) === null)
    problems.push('no_tier_for_group_size');
  if (!isWhole(input.windowHours) || input.windowHours < 1 || input.windowHours > GROUP_BUY_MAX_WINDOW_HOURS)
    problems.push('window_hours_out_of_range');
  if (!isWhole(input.perUserLimit) || input.perUserLimit < 1) problems.push('per_user_limit_invalid');
  if (!(input.endsAt.getTime() > input.startsAt.getTime())) problems.push('ends_before_start');
  return problems;
}

/**
 * The unit price a group of `size` pays: the tier of the largest size ≤ `size`, or null when
 * no tier is that small. Example: `groupBuyUnitPriceFen({ 2: 8900, 3: 7900, 5: 6900 }, 4)` → 7900.
 */
export function groupBuyUnitPriceFen(tiers: GroupBuyTiers, size: number): number | null {
  let price: number | null = null;
  for (const [tierSize, tierPrice] of tierEntries(tiers)) if (tierSize <= size) price = tierPrice;
  return price;
}

export type GroupBuyActivityStatus = 'upcoming' | 'live' | 'ended' | 'disabled';

/** An activity at the server's `now`: the window is half-open [startsAt, endsAt); switched off wins. */
export function groupBuyActivityStatus(
  activity: { enabled: boolean; startsAt: Date; endsAt: Date },
  now: Date,
): GroupBuyActivityStatus {
  if (!activity.enabled) return 'disabled';
  const t = now.getTime();
  if (t < activity.startsAt.getTime()) return 'upcoming';
  return t < activity.endsAt.getTime() ? 'live' : 'ended';
}

export type GroupBuyGroupStatus = 'forming' | 'succeeded' | 'failed';

/**
 * A group as shoppers see it at `now`: the stored status, except that a forming group past
 * its deadline is already failed (the expiry job writes it a tick later).
 */
export function groupBuyGroupStatus(
  group: { status: GroupBuyGroupStatus; expiresAt: Date },
  now: Date,
): GroupBuyGroupStatus {
  if (group.status === 'forming' && now.getTime() >= group.expiresAt.getTime()) return 'failed';
  return group.status;
}

/** Whole seconds until the group's deadline, rounded up; 0 once it has come (never negative). */
export function groupBuyCountdownSeconds(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
}

/** What the join decision needs, all read under the group's row lock. */
export interface GroupJoinInput {
  group: {
    status: GroupBuyGroupStatus;
    expiresAt: Date;
    size: number;
    leaderUserId: string;
    /** The leader has paid: only then is the group open to others. */
    leaderPaid: boolean;
  };
  /** Seats held (reserved or paid) right now, with their holders. */
  liveSeats: ReadonlyArray<{ seatNo: number; userId: string }>;
  userId: string;
  now: Date;
  newUserOnly: boolean;
  /** The joiner has paid for an order before (anything: they are not a new user). */
  joinerHasPaidOrders: boolean;
  /** Live (reserved or paid) memberships the joiner holds in this activity's groups. */
  joinerActivitySeats: number;
  perUserLimit: number;
}

export type GroupJoinRefusal =
  | 'expired'
  | 'not_open'
  | 'own_group'
  | 'already_member'
  | 'full'
  | 'limit_reached'
  | 'new_users_only';

export type GroupJoinDecision = { ok: true; seatNo: number } | { ok: false; reason: GroupJoinRefusal };

/**
 * May `userId` take a seat, and which one (the lowest free seat; the leader holds seat 1)?
 * Checked in this order: expired (by the clock or stored failed/succeeded with no seat), not
 * open (leader unpaid), own group, already a member, full, per-user limit, new users only.
 */
export function decideGroupJoin(input: GroupJoinInput): GroupJoinDecision {
  const { group, liveSeats, userId } = input;
  const status = groupBuyGroupStatus(group, input.now);
  if (status === 'failed') return { ok: false, reason: 'expired' };
  if (status === 'succeeded') return { ok: false, reason: 'full' };
  if (!group.leaderPaid) return { ok: false, reason: 'not_open' };
  if (group.leaderUserId === userId) return { ok: false, reason: 'own_group' };
  if (liveSeats.some((s) => s.userId === userId)) return { ok: false, reason: 'already_member' };
  const taken = new Set(liveSeats.map((s) => s.seatNo));
  let seatNo = 0;
  for (let seat = 1; seat <= group.size; seat += 1) {
    if (!taken.has(seat)) {
      seatNo = seat;
      break;
    }
  }
  if (seatNo === 0) return { ok: false, reason: 'full' };
  if (input.joinerActivitySeats >= input.perUserLimit) return { ok: false, reason: 'limit_reached' };
  if (input.newUserOnly && input.joinerHasPaidOrders) return { ok: false, reason: 'new_users_only' };
  return { ok: true, seatNo };
}

/** Seats still free for others in a group of `size` with `liveSeats` held. */
export function groupBuySeatsLeft(size: number, liveSeats: number): number {
  return Math.max(0, size - liveSeats);
}

/** Every seat paid: the group succeeds (in the transaction of the last payment). */
export function groupBuyIsComplete(size: number, paidSeats: number): boolean {
  return paidSeats >= size;
}

export type GroupOpenRefusal = 'not_live' | 'limit_reached';

/** May a shopper open (lead) a group of an activity now? Live window first, then the per-user limit. */
export function decideGroupOpen(input: {
  activityStatus: GroupBuyActivityStatus;
  leaderActivitySeats: number;
  perUserLimit: number;
}): { ok: true } | { ok: false; reason: GroupOpenRefusal } {
  if (input.activityStatus !== 'live') return { ok: false, reason: 'not_live' };
  if (input.leaderActivitySeats >= input.perUserLimit) return { ok: false, reason: 'limit_reached' };
  return { ok: true };
}

/**
 * When a group opened at `now` closes: `windowHours` later, but never after the activity
 * ends (a group cannot outlive its activity).
 */
export function groupBuyExpiresAt(input: { now: Date; windowHours: number; activityEndsAt: Date }): Date {
  const byWindow = input.now.getTime() + input.windowHours * 3600_000;
  return new Date(Math.min(byWindow, input.activityEndsAt.getTime()));
}
