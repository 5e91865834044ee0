/** 砍价 bargain rules (docs/bargain.md): activity checks, the cut, status and countdown. Pure. */

export const BARGAIN_WINDOW_HOURS = { min: 8, max: 12 } as const;
export const BARGAIN_HELPS_TARGET = { min: 1, max: 100 } as const;
export const BARGAIN_PER_USER_LIMIT_MAX = 10;
/** 裂变活动周期不超过 7 天 (the campaign rules of issue 10). */
export const BARGAIN_ACTIVITY_MAX_DAYS = 7;
/** A new user's cut is this many times the ordinary draw (capped by what may be cut). */
export const BARGAIN_NEW_USER_FACTOR = 2;

export type BargainActivityProblem =
  | 'floor_negative'
  | 'floor_not_below_price'
  | 'gap_below_helps_target'
  | 'window_out_of_range'
  | 'helps_target_out_of_range'
  | 'per_user_limit_out_of_range'
  | 'ends_before_starts'
  | 'activity_too_long';

export interface BargainActivityDraft {
  /** The SKU's price when the activity is saved: where every bargain starts. */
  skuPriceFen: number;
  floorPriceFen: number;
  windowHours: number;
  helpsTarget: number;
  perUserLimit: number;
  startsAt: Date;
  endsAt: Date;
}

export type BargainActivityCheck = { ok: true } | { ok: false; problems: BargainActivityProblem[] };

const isWholeIn = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

/**
 * Checks an activity on save, with every reason it is refused: floor a whole number of fen,
 * ≥ 0 and below the SKU price, with at least one fen per needed help between them (each help
 * cuts ≥ 1 fen); bargain window 8–12 whole hours; 1–100 helpers; a per-user limit of 1–10;
 * the activity itself at most 7 days.
 * @example validateBargainActivity({ skuPriceFen: 12900, floorPriceFen: 0, windowHours: 12, helpsTarget: 5, perUserLimit: 1, startsAt, endsAt }) // { ok: true }
 */
export function validateBargainActivity(draft: BargainActivityDraft): BargainActivityCheck {
  const problems: BargainActivityProblem[] = [];
  if (!Number.isInteger(draft.floorPriceFen) || draft.floorPriceFen < 0) problems.push('floor_negative');
  else if (draft.floorPriceFen >= draft.skuPriceFen) problems.push('floor_not_below_price');
  else if (draft.skuPriceFen - draft.floorPriceFen < draft.helpsTarget) problems.push('gap_below_helps_target');
  if (!isWholeIn(draft.windowHours, BARGAIN_WINDOW_HOURS.min, BARGAIN_WINDOW_HOURS.max))
    problems.push('window_out_of_range');
  if (!isWholeIn(draft.helpsTarget, BARGAIN_HELPS_TARGET.min, BARGAIN_HELPS_TARGET.max))
    problems.push('helps_target_out_of_range');
  if (!isWholeIn(draft.perUserLimit, 1, BARGAIN_PER_USER_LIMIT_MAX)) problems.push('per_user_limit_out_of_range');
  const lengthMs = draft.endsAt.getTime() - draft.startsAt.getTime();
  if (lengthMs <= 0) problems.push('ends_before_starts');
  else if (lengthMs > BARGAIN_ACTIVITY_MAX_DAYS * 24 * 3600_000) problems.push('activity_too_long');
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

export interface BargainCutInput {
  /** The bargain's price before this help. */
  currentFen: number;
  floorFen: number;
  /** Helps counted before this one. */
  helpsDone: number;
  helpsTarget: number;
  /** A shopper with no paid order yet: a larger cut. */
  isNewUser: boolean;
  /** Uniform in [0, 1); injected so tests (and replays) are exact. */
  random: () => number;
}

export interface BargainCut {
  cutFen: number;
  /** The price after the cut; equals the floor exactly on help number helpsTarget. */
  newPriceFen: number;
  floorReached: boolean;
}

/**
 * One helper's cut, in whole fen. With `left = currentFen − floorFen` to cut over
 * `helpsLeft = helpsTarget − helpsDone` helps:
 * - the last needed help (helpsLeft = 1) cuts exactly `left`: the floor is reached then, never before;
 * - otherwise the ordinary draw is uniform in [1, ⌊2·left/helpsLeft⌋] (mean ≈ left/helpsLeft,
 *   the even share), a new user's is that draw × 2, and either is capped at
 *   `left − (helpsLeft − 1)` so every later help still has at least 1 fen to cut and the
 *   price stays above the floor until the last one.
 * Needs `left ≥ helpsLeft` (activities are saved with that gap, and each cut keeps it).
 * Throws RangeError on a bargain that may not be helped (floor reached, target met, bad input).
 * @example bargainCut({ currentFen: 1000, floorFen: 0, helpsDone: 4, helpsTarget: 5, isNewUser: false, random }) // { cutFen: 1000, newPriceFen: 0, floorReached: true }
 */
export function bargainCut(input: BargainCutInput): BargainCut {
  const { currentFen, floorFen, helpsDone, helpsTarget } = input;
  if (![currentFen, floorFen, helpsDone, helpsTarget].every(Number.isInteger))
    throw new RangeError('bargainCut: whole numbers only');
  const left = currentFen - floorFen;
  const helpsLeft = helpsTarget - helpsDone;
  if (helpsLeft < 1 || left < 1) throw new RangeError('bargainCut: the floor is already reached');
  if (left < helpsLeft) throw new RangeError('bargainCut: less than one fen per remaining help');
  let cutFen: number;
  if (helpsLeft === 1) cutFen = left;
  else {
    const maxCut = left - (helpsLeft - 1);
    const upper = Math.max(1, Math.floor((2 * left) / helpsLeft));
    const r = Math.min(Math.max(input.random(), 0), 1 - Number.EPSILON);
    const ordinary = 1 + Math.floor(r * upper);
    const drawn = input.isNewUser ? ordinary * BARGAIN_NEW_USER_FACTOR : ordinary;
    cutFen = Math.min(drawn, maxCut);
  }
  const newPriceFen = currentFen - cutFen;
  return { cutFen, newPriceFen, floorReached: newPriceFen === floorFen };
}

/** Stored states; 'refunded' follows 'bought' when the paid order is refunded in full. */
export type BargainStoredStatus = 'open' | 'floor_reached' | 'ordered' | 'bought' | 'refunded' | 'expired';
export type BargainStatus = BargainStoredStatus;

/**
 * The status a shopper sees at the server's `now`: an open or floor-reached bargain whose
 * window is over is expired even before the expiry job writes it; an ordered one keeps its
 * order (the order's own pay deadline decides, and cancelling it after the window expires it).
 */
export function bargainStatus(bargain: { status: BargainStoredStatus; expiresAt: Date }, now: Date): BargainStatus {
  if ((bargain.status === 'open' || bargain.status === 'floor_reached') && now.getTime() >= bargain.expiresAt.getTime())
    return 'expired';
  return bargain.status;
}

/** Whole seconds left in the bargain's window (rounded up; 0 once over). */
export function bargainCountdownSeconds(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
}

/** The moment a bargain started at `startedAt` closes: its window, but never after the activity. */
export function bargainExpiresAt(input: { startedAt: Date; windowHours: number; activityEndsAt: Date }): Date {
  const windowEnd = input.startedAt.getTime() + input.windowHours * 3600_000;
  return new Date(Math.min(windowEnd, input.activityEndsAt.getTime()));
}

export type BargainHelpRefusal = 'not_signed_in' | 'own' | 'expired' | 'ordered' | 'already_helped' | 'floor_reached';
export type BargainHelpCheck = { ok: true } | { ok: false; reason: BargainHelpRefusal };

/**
 * May this caller help this bargain now? Checked in this order: signed in, not the owner,
 * window open, not ordered, not helped before, floor not reached. The API asks the same
 * question again with the bargain row locked, so the answer it acts on is exact.
 */
export function bargainHelpCheck(input: {
  status: BargainStoredStatus;
  expiresAt: Date;
  ownerUserId: string;
  helperUserId: string | null;
  alreadyHelped: boolean;
  now: Date;
}): BargainHelpCheck {
  if (input.helperUserId === null) return { ok: false, reason: 'not_signed_in' };
  if (input.helperUserId === input.ownerUserId) return { ok: false, reason: 'own' };
  const status = bargainStatus(input, input.now);
  if (status === 'expired') return { ok: false, reason: 'expired' };
  if (status === 'ordered' || status === 'bought' || status === 'refunded') return { ok: false, reason: 'ordered' };
  if (input.alreadyHelped) return { ok: false, reason: 'already_helped' };
  if (status === 'floor_reached') return { ok: false, reason: 'floor_reached' };
  return { ok: true };
}
