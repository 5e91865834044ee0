import { z } from 'zod';

/**
 * A promoter's share link: who shares (promoter id), what it opens (target) and until when
 * (expiry, unix seconds), signed by the server (HMAC in apps/api, which holds the secret).
 * This file is the pure part: the target grammar and the exact bytes that get signed, so
 * the app and the API agree on them. The link rewards nothing by being shared: a binding
 * only matters when the buyer later pays (WeChat forbids rewarding the act of sharing).
 */

/** `home` or `product:<id>`; nothing else opens from a promoter link. */
export const shareTargetSchema = z.string().regex(/^(home|product:[A-Za-z0-9_-]{1,64})$/, 'home or product:<id>');

/** What the API answers and the buyer's app sends back (query params p, t, e, s). */
export const shareLinkParamsSchema = z.object({
  p: z.string().uuid(),
  t: shareTargetSchema,
  e: z.number().int().positive(),
  s: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'base64url HMAC-SHA256'),
});
export type ShareLinkParams = z.infer<typeof shareLinkParamsSchema>;

/** The exact text the server's HMAC covers; versioned so the format can change safely. */
export function shareLinkMessage(input: { promoterId: string; target: string; expiresAt: number }): string {
  return `wm-share-v1\n${input.promoterId}\n${input.target}\n${input.expiresAt}`;
}

/** Expired at `now` (the expiry second itself counts as expired). */
export function shareLinkExpired(expiresAt: number, now: Date): boolean {
  return Math.floor(now.getTime() / 1000) >= expiresAt;
}
