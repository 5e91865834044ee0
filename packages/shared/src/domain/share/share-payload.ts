import { z } from 'zod';
import type { AppName } from '../../schemas/common';

/**
 * A shopper's share of something (a product, their 拼团 group, their 砍价, a lottery, a 秒杀
 * slot, the home page): what it opens (kind + id), who shared it (inviter) and until when
 * (expiry, unix seconds), signed by the API (HMAC in apps/api, which holds the key). This file
 * is the pure part: the kinds, the wire form (query params), and the exact bytes that get
 * signed, so the apps and the API agree on them. Sharing itself earns nothing (WeChat forbids
 * rewarding the act of sharing): campaigns reward a friend's real action only.
 */
export const SHARE_KINDS = ['product', 'group_buy_group', 'bargain', 'lottery', 'flash_sale', 'home'] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];
export const shareKindSchema = z.enum(SHARE_KINDS);

/** How long a share payload opens its target after it is made (the 7-day fission cycle). */
export const SHARE_PAYLOAD_TTL_SECONDS = 7 * 24 * 3600;

/** A target id: the row's id (text ids and uuids); empty for `home`, which has none. */
export const shareTargetIdSchema = z.string().regex(/^[A-Za-z0-9_-]{0,64}$/, '0-64 of A-Z a-z 0-9 _ -');

/** The payload as it travels: query params of the shared page, all strings. */
export const sharePayloadSchema = z
  .object({
    /** kind */
    sk: shareKindSchema,
    /** target id ('' for home) */
    si: shareTargetIdSchema,
    /** inviter (user id) */
    su: z.string().uuid(),
    /** expiry, unix seconds, written without leading zeros (the signed text is exactly this) */
    se: z.string().regex(/^[1-9][0-9]{0,11}$/, 'unix seconds'),
    /** base64url HMAC-SHA256 */
    ss: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'base64url HMAC-SHA256'),
  })
  .superRefine((payload, context) => {
    const problem = shareTargetProblem(payload.sk, payload.si);
    if (problem) context.addIssue({ code: z.ZodIssueCode.custom, path: ['si'], message: problem });
  });
export type SharePayload = z.infer<typeof sharePayloadSchema>;

/** What gets signed: the payload without its signature. */
export interface ShareFacts {
  kind: ShareKind;
  id: string;
  inviterUserId: string;
  /** unix seconds */
  expiresAt: number;
}

/** Why an id does not fit its kind, or null: `home` takes no id, every other kind needs one. */
export function shareTargetProblem(kind: ShareKind, id: string): string | null {
  if (kind === 'home') return id === '' ? null : 'home takes no id';
  return id === '' ? `${kind} needs an id` : null;
}

/**
 * The exact text the server's HMAC covers. Versioned, and its first line differs from the
 * promoter links' `wm-share-v1` (and the key is derived under another label), so a signature
 * made for one can never be replayed as the other.
 * `sharePayloadMessage({ kind: 'product', id: 'p1', inviterUserId: 'u', expiresAt: 9 })`
 * -> `'wm-share-target-v1\nproduct\np1\nu\n9'`.
 */
export function sharePayloadMessage(facts: ShareFacts): string {
  return `wm-share-target-v1\n${facts.kind}\n${facts.id}\n${facts.inviterUserId}\n${facts.expiresAt}`;
}

/** The facts a payload claims (not yet verified). */
export function shareFactsOf(payload: SharePayload): ShareFacts {
  return { kind: payload.sk, id: payload.si, inviterUserId: payload.su, expiresAt: Number(payload.se) };
}

/** Expired at `now` (the expiry second itself counts as expired). */
export function shareExpired(expiresAt: number, now: Date): boolean {
  return Math.floor(now.getTime() / 1000) >= expiresAt;
}

/**
 * The contract with the apps: which app and page each kind opens, and the page's id param.
 * `home` opens the home page of whichever app shares it. Pages have no leading slash (the form
 * WeChat wants in `onShareAppMessage.path`'s page part and getwxacodeunlimit's `page`).
 */
export const SHARE_TARGET_PAGES: Record<ShareKind, { app: AppName | null; page: string; idParam: string | null }> = {
  product: { app: 'mall', page: 'pkg-goods/product/index', idParam: 'id' },
  group_buy_group: { app: 'campaign', page: 'pkg-group/group/index', idParam: 'id' },
  bargain: { app: 'campaign', page: 'pkg-bargain/bargain/index', idParam: 'id' },
  lottery: { app: 'campaign', page: 'pkg-lottery/lottery/index', idParam: 'id' },
  flash_sale: { app: 'campaign', page: 'pkg-flash/flash-sale/index', idParam: 'slot' },
  home: { app: null, page: 'pages/index/index', idParam: null },
};

/** The app a kind opens in: its own, or for `home` the requested one (default the mall). */
export function shareAppOf(kind: ShareKind, requested?: AppName): AppName {
  return SHARE_TARGET_PAGES[kind].app ?? requested ?? 'mall';
}

/** Why `app` cannot open `kind`, or null (a product opens in the mall, campaigns in the campaign app). */
export function shareAppProblem(kind: ShareKind, app: AppName): string | null {
  const own = SHARE_TARGET_PAGES[kind].app;
  return own === null || own === app ? null : `${kind} opens in the ${own} app`;
}

/** `pkg-goods/product/index?id=p1`: the target's page with its id param. */
export function shareTargetPath(kind: ShareKind, id: string): string {
  const { page, idParam } = SHARE_TARGET_PAGES[kind];
  return idParam ? `${page}?${idParam}=${encodeURIComponent(id)}` : page;
}

/**
 * The shared page with the payload appended (what onShareAppMessage's `path` gets):
 * `pkg-goods/product/index?id=p1&sk=product&si=p1&su=…&se=…&ss=…`.
 */
export function sharePagePath(payload: SharePayload): string {
  const base = shareTargetPath(payload.sk, payload.si);
  const query = (['sk', 'si', 'su', 'se', 'ss'] as const)
    .map((key) => `${key}=${encodeURIComponent(payload[key])}`)
    .join('&');
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}
