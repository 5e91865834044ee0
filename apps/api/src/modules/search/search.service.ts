/** How far back hot words look. */
export const HOT_WORDS_WINDOW_DAYS = 7;
export const HOT_WORDS_LIMIT = 10;

/**
 * Shown while nobody has searched for a week (a new store, a quiet test database): words
 * that find products in the demo catalog. A brand edits this list for its own catalog.
 */
export const DEFAULT_HOT_WORDS = ['防晒', '精华', '面霜', '口红', '香水', '连衣裙'] as const;

export function hotWordsSince(now: Date): Date {
  return new Date(now.getTime() - HOT_WORDS_WINDOW_DAYS * 24 * 3600 * 1000);
}
