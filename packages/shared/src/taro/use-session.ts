import { useCallback } from 'react';
import { useStore } from 'zustand';
import type { Session, User } from '../schemas/auth';
import { ensureSignedIn, signInAsDemoShopper, signOut } from './auth';
import { createWeMatrixClient, type SessionState } from './client';

export interface UseSession extends SessionState {
  user: User | null;
  signInAsDemo: (shopperKey: string) => Promise<Session | null>;
  signOut: () => void;
  ensureSignedIn: () => Promise<Session | null>;
}

/** The signed-in shopper and the sign-in actions; re-renders when the session changes. */
export function useSession(): UseSession {
  const client = createWeMatrixClient();
  const state = useStore(client.session);
  const signInAsDemo = useCallback((key: string) => signInAsDemoShopper(client, key), [client]);
  const doSignOut = useCallback(() => signOut(client), [client]);
  const ensure = useCallback(() => ensureSignedIn(client), [client]);
  return {
    ...state,
    user: state.session?.user ?? null,
    signInAsDemo,
    signOut: doSignOut,
    ensureSignedIn: ensure,
  };
}
