import { describe, expect, it } from 'vitest';
import { keywordTerms, MAX_KEYWORD_LENGTH, MAX_KEYWORD_TERMS, normalizeKeyword } from './keyword';

describe('normalizeKeyword', () => {
  it.each([
    ['防晒', '防晒'],
    ['  防晒  ', '防晒'],
    ['防晒   乳液', '防晒 乳液'],
    ['防晒\u3000乳液', '防晒 乳液'], // ideographic space
    ['防晒\t\n乳液', '防晒 乳液'],
    ['ＳＰＦ５０＋', 'spf50+'], // full-width forms
    ['SPF50 PA++++', 'spf50 pa++++'],
    ['防\u200b晒\ufeff', '防晒'], // zero-width characters
    ['防晒\u0007乳', '防晒 乳'], // control character
    ['ÉCLAT', 'Éclat'], // only ASCII is folded, as in the database
    ['   ', ''],
    ['', ''],
  ])('%j -> %j', (raw, expected) => {
    expect(normalizeKeyword(raw)).toBe(expected);
  });

  it('cuts at MAX_KEYWORD_LENGTH characters, counting code points, and trims the cut', () => {
    expect(normalizeKeyword('防'.repeat(30))).toBe('防'.repeat(MAX_KEYWORD_LENGTH));
    expect(Array.from(normalizeKeyword('😀'.repeat(30)))).toHaveLength(MAX_KEYWORD_LENGTH);
    expect(normalizeKeyword(`${'a'.repeat(MAX_KEYWORD_LENGTH - 1)} b`)).toBe('a'.repeat(MAX_KEYWORD_LENGTH - 1));
  });

  it('is idempotent', () => {
    for (const raw of ['ＳＰＦ　５０', ' a  B ', '防晒乳'.repeat(9), '\u200b x']) {
      const once = normalizeKeyword(raw);
      expect(normalizeKeyword(once)).toBe(once);
    }
  });
});

describe('keywordTerms', () => {
  it('splits on spaces, drops repeats, keeps at most MAX_KEYWORD_TERMS', () => {
    expect(keywordTerms('防晒 乳 防晒')).toEqual(['防晒', '乳']);
    expect(keywordTerms('a b c d e f g')).toHaveLength(MAX_KEYWORD_TERMS);
    expect(keywordTerms('')).toEqual([]);
  });
});
