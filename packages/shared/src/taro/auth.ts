import Taro from '@tarojs/taro';
import type { DemoShopper, Session } from '../schemas/auth';
import type { WeMatrixClient } from './client';
import { clearSession, saveSession } from './session-storage';

let pendingWechatLogin: Promise<Session | null> | null = null;

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : '登录失败，请稍后再试';
}

async function signIn(client: WeMatrixClient, login: () => Promise<Session>): Promise<Session | null> {
  client.session.setState({ signingIn: true, error: null });
  try {
    const session = await login();
    saveSession(session);
    client.session.setState({ session, signingIn: false });
    // A different shopper has a different server cart: never show the previous one.
    client.cart.getState().clear();
    void client.cart.getState().refresh();
    return session;
  } catch (error) {
    client.session.setState({ signingIn: false, error: messageOf(error) });
    return null;
  }
}

/** WeChat: `Taro.login` code -> API code2session -> our session token. */
export function signInWithWechat(client: WeMatrixClient): Promise<Session | null> {
  return signIn(client, async () => {
    const { code } = await Taro.login();
    return client.api.auth.wechatLogin({ app: client.app, code });
  });
}

/** H5 demo: sign in as a seeded demo shopper (the API refuses when DEV_LOGIN=off). */
export function signInAsDemoShopper(client: WeMatrixClient, shopperKey: string): Promise<Session | null> {
  return signIn(client, () => client.api.auth.devLogin({ shopper: shopperKey }));
}

export function listDemoShoppers(client: WeMatrixClient): Promise<DemoShopper[]> {
  return client.api.auth.demoShoppers();
}

export function signOut(client: WeMatrixClient): void {
  clearSession();
  client.session.setState({ session: null, error: null });
  client.cart.getState().clear();
}

/**
 * Returns the current session, signing in silently where the platform allows it (WeChat).
 * In H5 there is no silent identity: null means "show the demo shopper picker".
 */
export async function ensureSignedIn(client: WeMatrixClient): Promise<Session | null> {
  const current = client.session.getState().session;
  if (current) return current;
  if (process.env.TARO_ENV === 'h5') return null;
  // App launch and a page action can both ask at once: share one wx.login round trip.
  pendingWechatLogin ??= signInWithWechat(client).finally(() => {
    pendingWechatLogin = null;
  });
  return pendingWechatLogin;
}
