import type { ColumnType, Generated } from 'kysely';

/** One row per shopper and distinct keyword; searching it again moves it to the top. */
export interface SearchHistoryTable {
  user_id: string;
  /** Normalised (normalizeKeyword). */
  keyword: string;
  searched_at: Date;
}

/** Each first-page search that found products: what hot words count (migration 0006). */
export interface SearchEventsTable {
  id: Generated<string>;
  keyword: string;
  /** Null for shoppers who were not signed in. */
  user_id: string | null;
  searched_at: ColumnType<Date, Date, never>;
}
