/** The slot facts a gate needs to hand out units; loaded by the service, never trusted from a client. */
export interface GateSlot {
  id: string;
  stock: number;
  perUserLimit: number;
  startsAt: Date;
  endsAt: Date;
  holdMinutes: number;
}

export type TakeResult =
  | { outcome: 'taken'; claimId: string; holdUntil: Date }
  | { outcome: 'sold_out' }
  | { outcome: 'limit_reached' };

/**
 * The 秒杀 stock gate: who gets the next units of a slot. One interface, two stores
 * (PostgreSQL row with guarded updates; Redis with one Lua script), so the routes and the
 * order flow never know which is behind it (docs/flash-sale.md). Every implementation
 * records a taken claim as a `flash_sale_claims` row (status 'held') before answering.
 */
export interface StockGate {
  readonly kind: 'postgres' | 'redis';
  /**
   * Takes `quantity` units for `userId`, or says why not. Never hands out more than the
   * slot's stock, nor more than its per-user limit, under any number of concurrent calls.
   * Throws StockGateUnavailableError when its store cannot be reached (nothing taken).
   */
  take(slot: GateSlot, userId: string, quantity: number, now: Date): Promise<TakeResult>;
  /**
   * Gives a held claim's units back (unpaid deadline, cancel). Idempotent per claim: only
   * the call that moves it from 'held' to 'released' returns true and frees units.
   */
  giveBack(claimId: string, now: Date): Promise<boolean>;
  /** Units still free. */
  remaining(slot: GateSlot): Promise<number>;
}

/** The gate's store is down: answer 503 FLASH_SALE_UNAVAILABLE, never guess. */
export class StockGateUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`flash-sale stock gate unavailable: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'StockGateUnavailableError';
    this.cause = cause;
  }
}

export function holdUntilOf(slot: GateSlot, now: Date): Date {
  return new Date(now.getTime() + slot.holdMinutes * 60_000);
}
