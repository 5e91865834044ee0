/** What a flash-sale slot (秒杀场次) looks like to the rules: times and counts only. */
export interface FlashSaleSlotTimes {
  startsAt: Date;
  endsAt: Date;
  /** Units still free in the stock gate. */
  remaining: number;
}

export type FlashSaleSlotStatus = 'upcoming' | 'live' | 'sold_out' | 'ended';

/**
 * A slot's status at the server's `now`: ended once `now >= endsAt` (whatever is left),
 * upcoming before `startsAt`, sold out while live with nothing remaining, otherwise live.
 * The window is half-open [startsAt, endsAt), so a slot is never live and ended at once.
 */
export function flashSaleSlotStatus(slot: FlashSaleSlotTimes, now: Date): FlashSaleSlotStatus {
  const t = now.getTime();
  if (t >= slot.endsAt.getTime()) return 'ended';
  if (t < slot.startsAt.getTime()) return 'upcoming';
  return slot.remaining > 0 ? 'live' : 'sold_out';
}

/** What the countdown counts towards, and how many whole seconds are left (never negative). */
export interface FlashSaleCountdown {
  target: 'start' | 'end' | null;
  seconds: number;
}

/**
 * The countdown a client shows: to the start while upcoming, to the end while live or sold
 * out, none once ended. Seconds round up, so "0" is shown only when the moment has come.
 */
export function flashSaleCountdown(slot: Omit<FlashSaleSlotTimes, 'remaining'>, now: Date): FlashSaleCountdown {
  const t = now.getTime();
  if (t < slot.startsAt.getTime()) return { target: 'start', seconds: Math.ceil((slot.startsAt.getTime() - t) / 1000) };
  if (t < slot.endsAt.getTime()) return { target: 'end', seconds: Math.ceil((slot.endsAt.getTime() - t) / 1000) };
  return { target: null, seconds: 0 };
}

/**
 * The client's offset to the server clock from one answer: add it to the device's time to
 * get the server's. `sentAt`/`receivedAt` are device times around the request; the server
 * time is taken as read halfway (the usual NTP-style estimate), rounded to whole ms.
 */
export function serverClockOffsetMs(input: { serverTime: Date; sentAt: Date; receivedAt: Date }): number {
  const midpoint = (input.sentAt.getTime() + input.receivedAt.getTime()) / 2;
  return Math.round(input.serverTime.getTime() - midpoint);
}

export type FlashSaleLimitCheck = { ok: true } | { ok: false; reason: 'quantity_invalid' | 'limit_reached' };

/**
 * May a shopper who already holds `alreadyClaimed` units of a slot claim `quantity` more?
 * Quantity must be a positive integer, and the total stays within `perUserLimit`.
 */
export function checkFlashSaleLimit(input: {
  quantity: number;
  alreadyClaimed: number;
  perUserLimit: number;
}): FlashSaleLimitCheck {
  if (!Number.isInteger(input.quantity) || input.quantity < 1) return { ok: false, reason: 'quantity_invalid' };
  if (input.alreadyClaimed + input.quantity > input.perUserLimit) return { ok: false, reason: 'limit_reached' };
  return { ok: true };
}
