import { createStore } from 'zustand/vanilla';

/**
 * switchTab cannot carry a query, so the home's category grid leaves the chosen category
 * here and the category tab picks it up when it shows.
 */
export const categoryIntent = createStore<{ categoryId: string | null }>()(() => ({ categoryId: null }));
