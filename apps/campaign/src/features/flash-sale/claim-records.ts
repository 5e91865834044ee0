import Taro from '@tarojs/taro';

/**
 * What this device remembers of the shopper's 秒杀 claims, per slot: the API lists slots but
 * not "my claim" (yet), and the order endpoint needs the claim id. Kept in Taro storage (wx
 * storage / localStorage) so a reload, or the H5 trip to the pay page and back, keeps the
 * 已抢到 去支付 button. The server stays the judge: a stale record only makes an order attempt
 * that the API refuses with FLASH_SALE_CLAIM_INVALID, and the record is then dropped.
 */
export interface ClaimRecord {
  userId: string;
  slotId: string;
  claimId: string;
  quantity: number;
  /** Pay before this (ISO), or the unit goes back to the sale. */
  holdUntil: string;
  /** Set once the order is placed: paying again pays this order, never a second one. */
  orderId?: string;
  /** The key the order was (or is being) placed with, so a retry makes one order. */
  orderKey?: string;
  paid?: boolean;
}

const KEY = 'wematrix.flash-claims';

function readAll(): ClaimRecord[] {
  try {
    const raw: unknown = Taro.getStorageSync(KEY);
    const value: unknown = typeof raw === 'string' && raw ? JSON.parse(raw) : raw;
    return Array.isArray(value) ? (value as ClaimRecord[]) : [];
  } catch {
    return [];
  }
}

function writeAll(records: ClaimRecord[]): void {
  try {
    Taro.setStorageSync(KEY, JSON.stringify(records));
  } catch {
    // Storage full or unavailable: the page still works within this visit.
  }
}

/** The shopper's records; unpaid ones whose hold is over (server time) are forgotten. */
export function claimRecordsOf(userId: string, serverNowMs: number): ClaimRecord[] {
  const all = readAll();
  const live = all.filter((r) => r.paid || Date.parse(r.holdUntil) > serverNowMs);
  if (live.length !== all.length) writeAll(live);
  return live.filter((r) => r.userId === userId);
}

export function saveClaimRecord(record: ClaimRecord): void {
  const others = readAll().filter((r) => !(r.userId === record.userId && r.slotId === record.slotId));
  // A handful per shopper at most; keep the newest few dozen in case of many accounts.
  writeAll([...others, record].slice(-30));
}

export function updateClaimRecord(userId: string, slotId: string, change: Partial<ClaimRecord>): ClaimRecord | null {
  const all = readAll();
  const index = all.findIndex((r) => r.userId === userId && r.slotId === slotId);
  const current = all[index];
  if (!current) return null;
  const next = { ...current, ...change };
  all[index] = next;
  writeAll(all);
  return next;
}

export function dropClaimRecord(userId: string, slotId: string): void {
  writeAll(readAll().filter((r) => !(r.userId === userId && r.slotId === slotId)));
}
