/// <reference path="./build-constants.d.ts" />
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type ApiClient, createApiClient } from '../client/api-client';
import { type CartStore, createCartStore } from '../client/cart-store';
import type { Session } from '../schemas/auth';
import type { AppName } from '../schemas/common';
import { clearSession, loadSession } from './session-storage';
import { taroTransport } from './transport';

export interface SessionState {
  session: Session | null;
  /** True while a login call runs, so pages can show a spinner instead of a sign-in prompt. */
  signingIn: boolean;
  error: string | null;
}

export type SessionStore = StoreApi<SessionState>;

export interface WeMatrixClient {
  /** The app this bundle is (from the WEMATRIX_APP build constant). */
  app: AppName;
  api: ApiClient;
  session: SessionStore;
  cart: CartStore;
}

let instance: WeMatrixClient | null = null;

/** Checked without zod on purpose: the mini-program bundle should not carry the schema library. */
function appNameOf(value: string): AppName {
  if (value === 'mall' || value === 'campaign' || value === 'tools') return value;
  throw new Error(`WEMATRIX_APP build constant is "${value}", expected mall, campaign or tools`);
}

/**
 * H5 bundles are served by the API itself (same origin, no CORS); weapp bundles get the
 * API origin at build time from WEMATRIX_API_BASE_URL.
 */
/** The API's origin: the page's own in H5 (the API serves the apps), the configured one in WeChat. */
export function apiBaseUrl(): string {
  if (process.env.TARO_ENV === 'h5') return window.location.origin;
  return API_BASE_URL;
}

/**
 * The app-wide client: API, session and cart stores. Created once per bundle; every page
 * and hook shares it, so one sign-in or cart answer updates every badge on screen.
 */
export function createWeMatrixClient(): WeMatrixClient {
  if (instance) return instance;
  const app = appNameOf(WEMATRIX_APP);
  const session = createStore<SessionState>()(() => ({
    session: loadSession(Date.now()),
    signingIn: false,
    error: null,
  }));
  const api = createApiClient({
    baseUrl: apiBaseUrl(),
    transport: taroTransport,
    getToken: () => session.getState().session?.token ?? null,
    // A 401 means the token expired or was revoked: drop it so the UI asks to sign in again.
    onUnauthenticated: () => {
      clearSession();
      session.setState({ session: null });
      cart.getState().clear();
    },
  });
  const cart = createCartStore(api);
  instance = { app, api, session, cart };
  return instance;
}
