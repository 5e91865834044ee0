import type { Session } from '@wematrix/shared';
import { createWeMatrixClient, ensureSignedIn } from '@wematrix/shared/taro';
import { createStore } from 'zustand/vanilla';

/** Whether the demo shopper picker is open; one picker per page, opened from anywhere. */
export const signInSheet = createStore<{ visible: boolean }>()(() => ({ visible: false }));

export function openSignInSheet(): void {
  signInSheet.setState({ visible: true });
}

export function closeSignInSheet(): void {
  signInSheet.setState({ visible: false });
}

/**
 * For actions that need a shopper (add to cart...): the session, signing in silently in
 * WeChat; in H5 it opens the demo shopper picker and answers null.
 */
export async function requireSession(): Promise<Session | null> {
  const session = await ensureSignedIn(createWeMatrixClient());
  if (!session) openSignInSheet();
  return session;
}
