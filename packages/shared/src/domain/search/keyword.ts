/** The longest keyword kept, in characters (code points): longer input is cut, not refused. */
export const MAX_KEYWORD_LENGTH = 20;

/** At most this many space-separated terms take part in a search; the rest are ignored. */
export const MAX_KEYWORD_TERMS = 5;

// Zero-width and other format characters (U+200B, U+FEFF ...) are invisible in a search box.
const INVISIBLE = /\p{Cf}/gu;
const CONTROL_OR_SPACE = /[\p{Cc}\s]+/gu;

/**
 * One spelling per keyword, so history, hot words and matching agree on what was typed:
 * NFKC (full-width ＳＰＦ５０ and the ideographic space become SPF50 and a plain space),
 * invisible characters dropped, control characters and runs of whitespace as one space,
 * trimmed, ASCII letters lowercased, and cut to MAX_KEYWORD_LENGTH characters.
 * '' when nothing is left.
 *
 * Only ASCII is lowercased because the database folds the indexed text the same way
 * (migration 0006: `translate(normalize(..., NFKC), 'A-Z', 'a-z')`); a wider fold on one side
 * only would make some keywords miss.
 */
export function normalizeKeyword(raw: string): string {
  const folded = raw
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(CONTROL_OR_SPACE, ' ')
    .trim()
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
  const chars = Array.from(folded);
  return chars.length <= MAX_KEYWORD_LENGTH ? folded : chars.slice(0, MAX_KEYWORD_LENGTH).join('').trimEnd();
}

/** The distinct terms of a normalised keyword, in order, at most MAX_KEYWORD_TERMS. */
export function keywordTerms(keyword: string): string[] {
  const terms = [...new Set(keyword.split(' ').filter((t) => t.length > 0))];
  return terms.slice(0, MAX_KEYWORD_TERMS);
}
