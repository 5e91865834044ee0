import Taro from '@tarojs/taro';
import type { Session } from '../schemas/auth';

/**
 * The signed-in session lives in Taro storage (wx storage in WeChat, localStorage in H5).
 * The three H5 apps are served from one origin, so they share this key — that is how the
 * same demo shopper shows up in the mall, campaign and tools apps.
 */
const SESSION_KEY = 'wematrix.session';

function isSession(value: unknown): value is Session {
  const v = value as Partial<Session> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.token === 'string' && typeof v.expiresAt === 'string' && !!v.user
  );
}

/** The stored session unless missing, malformed or expired at `now`. */
export function loadSession(now: number): Session | null {
  try {
    const raw: unknown = Taro.getStorageSync(SESSION_KEY);
    const value: unknown = typeof raw === 'string' && raw ? JSON.parse(raw) : raw;
    if (!isSession(value)) return null;
    return Date.parse(value.expiresAt) > now ? value : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  Taro.setStorageSync(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_KEY);
}
