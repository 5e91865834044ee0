import { createHash } from 'node:crypto';

/**
 * Deterministic ids so a restarted sandbox still maps a user to the same openid/unionid
 * (the API keeps identities in its database). Like WeChat: the openid differs per appid,
 * the unionid is the same for one user across every app of the same open-platform account.
 */
function digest28(prefix: string, input: string): string {
  // 28 chars, like real openids ("o" + 27 url-safe chars).
  const hash = createHash('sha256').update(`wematrix-sandbox:${input}`).digest('base64url');
  return `${prefix}${hash.slice(0, 27)}`;
}

export function sandboxOpenid(appid: string, userKey: string): string {
  return digest28('o', `openid:${appid}:${userKey}`);
}

export function sandboxUnionid(userKey: string): string {
  return digest28('u', `unionid:${userKey}`);
}
