import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AddCartItemRequest, Cart, UpdateCartItemRequest } from '../schemas/cart';
import type { ApiClient } from './api-client';

/**
 * Client cart state over the server cart. The three apps share ONE cart on the server,
 * and each H5 app is a separate page load, so the store never computes totals or merges
 * lines itself: every action replaces `cart` with the cart the server answered.
 */
export interface CartState {
  cart: Cart | null;
  loading: boolean;
  /** Last failure, fit to show (the API's Chinese message); cleared by the next success. */
  error: string | null;
  refresh: () => Promise<Cart | null>;
  add: (request: AddCartItemRequest) => Promise<Cart | null>;
  update: (skuId: string, request: UpdateCartItemRequest) => Promise<Cart | null>;
  remove: (skuId: string) => Promise<Cart | null>;
  /** Forget the cart (sign-out or shopper switch) without calling the server. */
  clear: () => void;
}

export type CartStore = StoreApi<CartState>;

/** The subset of the API client the cart needs; tests pass a real client over a fake transport. */
export type CartApi = Pick<ApiClient, 'cart'>;

const FALLBACK_ERROR = '购物车暂时不可用，请稍后再试';

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : FALLBACK_ERROR;
}

/** Badge number: the server's count (sum of quantities), 0 without a cart. */
export function cartCount(cart: Cart | null): number {
  return cart?.count ?? 0;
}

/**
 * `createCartStore(api)` -> a vanilla zustand store; React code subscribes with `useStore`.
 * Actions resolve to the new cart, or null on failure (the error is in state), so a page
 * can `await add(...)` and branch without try/catch.
 */
export function createCartStore(api: CartApi): CartStore {
  return createStore<CartState>()((set) => {
    // Requests can overlap (a stepper tapped quickly); only the latest answer may win,
    // otherwise an older cart could overwrite a newer one.
    let sequence = 0;

    async function run(call: () => Promise<Cart>): Promise<Cart | null> {
      const ticket = ++sequence;
      set({ loading: true });
      try {
        const cart = await call();
        if (ticket === sequence) set({ cart, loading: false, error: null });
        return cart;
      } catch (error) {
        if (ticket === sequence) set({ loading: false, error: messageOf(error) });
        return null;
      }
    }

    return {
      cart: null,
      loading: false,
      error: null,
      refresh: () => run(() => api.cart.get()),
      add: (request) => run(() => api.cart.add(request)),
      update: (skuId, request) => run(() => api.cart.update(skuId, request)),
      remove: (skuId) => run(() => api.cart.remove(skuId)),
      clear: () => {
        sequence += 1;
        set({ cart: null, loading: false, error: null });
      },
    };
  });
}
