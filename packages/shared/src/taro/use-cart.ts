import { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { type CartState, cartCount } from '../client/cart-store';
import { createWeMatrixClient } from './client';

export interface UseCart extends CartState {
  /** Badge number (sum of quantities), 0 when signed out. */
  count: number;
  signedIn: boolean;
}

/**
 * The shared server cart. With `refreshOnShow` (use it once per page) the cart is fetched
 * when the shopper signs in and again each time the page comes back into view, because
 * another app or page may have changed it meanwhile.
 */
export function useCart(options: { refreshOnShow?: boolean } = {}): UseCart {
  const client = createWeMatrixClient();
  const state = useStore(client.cart);
  const token = useStore(client.session, (s) => s.session?.token ?? null);
  const shownOnce = useRef(false);
  const refreshOnShow = options.refreshOnShow === true;

  useEffect(() => {
    if (!refreshOnShow) return;
    if (token) void client.cart.getState().refresh();
    else client.cart.getState().clear();
  }, [client, token, refreshOnShow]);

  useDidShow(() => {
    // The first show is covered by the effect above; later shows mean "came back".
    if (!shownOnce.current) {
      shownOnce.current = true;
      return;
    }
    if (refreshOnShow && client.session.getState().session) void client.cart.getState().refresh();
  });

  return { ...state, count: cartCount(state.cart), signedIn: token !== null };
}
