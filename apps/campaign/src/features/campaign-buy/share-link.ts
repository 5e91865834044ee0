import type { ShareLinkCreated, ShareOpened } from '@wematrix/shared';
import { apiBaseUrl, createWeMatrixClient, taroTransport } from '@wematrix/shared/taro';

/** The share kinds these pages share (SHARE_TARGET_PAGES in packages/shared/src/domain/share). */
export type CampaignShareKind = 'group_buy_group' | 'bargain';

async function post<T>(path: string, body: unknown): Promise<{ status: number; data: T }> {
  const token = createWeMatrixClient().session.getState().session?.token;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await taroTransport({ method: 'POST', url: `${apiBaseUrl()}/api${path}`, headers, body });
  return { status: response.status, data: response.data as T };
}

/**
 * A signed share link (docs/share.md): POST /api/share/links records the share with the
 * shopper as inviter and answers the page path with the payload (`…?id=<id>&sk=…&ss=…`).
 * Null when it cannot be made (signed out, offline): the plain page link still works.
 */
export async function createShareLink(kind: CampaignShareKind, id: string): Promise<string | null> {
  try {
    const { status, data } = await post<ShareLinkCreated>('/share/links', { kind, id });
    return status === 200 ? data.path : null;
  } catch {
    return null;
  }
}

/** What a page says about the link it was opened with. */
export type ShareOpenResult =
  | { state: 'none' }
  | { state: 'ok'; inviter: ShareOpened['inviter'] }
  | { state: 'invalid' | 'expired' | 'not_found' };

const PAYLOAD_KEYS = ['sk', 'si', 'su', 'se', 'ss'] as const;

/**
 * Opened through a shared link: POST /api/share/open checks the signature and expiry and
 * records the open (with the opener when signed in). A tampered, expired or unknown link is
 * told apart so the page can say so; it changes nothing.
 */
export async function openShareLink(params: Partial<Record<string, string>>): Promise<ShareOpenResult> {
  if (!PAYLOAD_KEYS.some((key) => params[key] !== undefined)) return { state: 'none' };
  const payload = Object.fromEntries(PAYLOAD_KEYS.map((key) => [key, decodeURIComponent(params[key] ?? '')]));
  try {
    const { status, data } = await post<ShareOpened>('/share/open', { payload });
    if (status === 200) return { state: 'ok', inviter: data.inviter };
    if (status === 410) return { state: 'expired' };
    if (status === 404) return { state: 'not_found' };
    return { state: 'invalid' };
  } catch {
    return { state: 'none' };
  }
}

/** The H5 URL of a shared path (this app, hash route). */
export function h5ShareUrl(path: string): string {
  return `${window.location.origin}${window.location.pathname}#/${path.replace(/^\//, '')}`;
}
