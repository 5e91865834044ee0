import type { ShareKind } from './share-payload';

/** What the share layer records: a shopper made a link or code, someone opened one, a friend joined. */
export const SHARE_EVENT_TYPES = ['share', 'share_open', 'join'] as const;
export type ShareEventType = (typeof SHARE_EVENT_TYPES)[number];

/** A friend is "new" when their account was made at most this long before the event. */
export const NEW_USER_WINDOW_HOURS = 24;

/**
 * Events of one window, grouped: `count` events of `type` on `kind` through `inviterUserId`'s
 * share by `userId` (null: an anonymous open, and for 'share'). `userIsNew`: the
 * user's account was made at most NEW_USER_WINDOW_HOURS before the event.
 */
export interface ShareEventGroup {
  type: ShareEventType;
  kind: ShareKind;
  inviterUserId: string;
  userId: string | null;
  userIsNew: boolean;
  count: number;
}

export interface ShareKindStats {
  shares: number;
  /** Opens by others (an inviter opening their own link is left out); anonymous ones included. */
  opens: number;
  /** Friends' joins / helps through a share (the inviter's own left out). */
  joins: number;
  /** Distinct shoppers who shared. */
  sharers: number;
  /** Distinct signed-in new users who opened someone's share. */
  newOpeners: number;
  /** opens ÷ shares in basis points, rounded down; can pass 10,000 (one share, many opens); null with no shares. */
  shareToOpenRateBp: number | null;
  /** newOpeners ÷ sharers, to two decimals (half up); null with no sharers. */
  fissionRatio: number | null;
}

/**
 * Share figures per kind and over all kinds (distinct counts are distinct over all kinds too,
 * not sums). The share rate target (30% of visitors share) needs the visitor count from
 * WeChat's analysis data; `sharers` is its numerator.
 * `shareStats([{ type: 'share', kind: 'product', inviterUserId: 'a', userId: 'a', userIsNew: false, count: 2 }])`
 * -> product: shares 2, sharers 1, opens 0, shareToOpenRateBp 0.
 */
export function shareStats(groups: readonly ShareEventGroup[]): {
  kinds: Record<ShareKind, ShareKindStats>;
  all: ShareKindStats;
} {
  const kinds = {} as Record<ShareKind, ShareKindStats>;
  for (const kind of ['product', 'group_buy_group', 'bargain', 'lottery', 'flash_sale', 'home'] as const) {
    kinds[kind] = statsOf(groups.filter((group) => group.kind === kind));
  }
  return { kinds, all: statsOf(groups) };
}

function statsOf(groups: readonly ShareEventGroup[]): ShareKindStats {
  let shares = 0;
  let opens = 0;
  let joins = 0;
  const sharers = new Set<string>();
  const newOpeners = new Set<string>();
  for (const group of groups) {
    const own = group.userId !== null && group.userId === group.inviterUserId;
    if (group.type === 'share') {
      shares += group.count;
      if (group.count > 0) sharers.add(group.inviterUserId);
    } else if (own) {
    } else if (group.type === 'share_open') {
      opens += group.count;
      if (group.userId !== null && group.userIsNew && group.count > 0) newOpeners.add(group.userId);
    } else {
      joins += group.count;
    }
  }
  return {
    shares,
    opens,
    joins,
    sharers: sharers.size,
    newOpeners: newOpeners.size,
    shareToOpenRateBp: shares === 0 ? null : Math.floor((opens * 10_000) / shares),
    fissionRatio: sharers.size === 0 ? null : Math.round((newOpeners.size * 100) / sharers.size) / 100,
  };
}
