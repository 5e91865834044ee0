import { describe, expect, it } from 'vitest';
import { SKIN_QUESTIONS, type SkinAnswers, skinScores, skinTestResult, skinTypeOf } from './skin-test';

const base: SkinAnswers = {
  'after-wash': 'comfortable',
  't-zone-noon': 'sheen',
  pores: 'fine',
  flaking: 'rarely',
  'new-product': 'fine',
  sun: 'fine',
};

describe('skin test', () => {
  it('every question has unique option ids', () => {
    for (const q of SKIN_QUESTIONS) {
      expect(new Set(q.options.map((o) => o.id)).size).toBe(q.options.length);
    }
  });

  it.each([
    ['oily', { 'after-wash': 'oily', 't-zone-noon': 'shiny', pores: 'all-over' }],
    ['combination', { 'after-wash': 'comfortable', 't-zone-noon': 'shiny' }],
    ['dry', { 'after-wash': 'tight', 't-zone-noon': 'matte', pores: 'fine', flaking: 'often' }],
    ['normal', {}],
    ['sensitive', { 'after-wash': 'oily', 't-zone-noon': 'shiny', 'new-product': 'stinging', sun: 'pink' }],
  ] as const)('answers leading to %s', (type, overrides) => {
    const result = skinTestResult({ ...base, ...overrides });
    expect(result.type).toBe(type);
    expect(result.title).not.toBe('');
    expect(result.keywords.length).toBeGreaterThan(0);
  });

  it('adds up the effects of the chosen options', () => {
    expect(skinScores({ ...base, 'after-wash': 'tight', sun: 'burning' })).toEqual({
      cheekOil: -3,
      tZoneOil: -1,
      sensitivity: 2,
    });
  });

  it('sensitivity decides first, at 3 points', () => {
    expect(skinTypeOf({ cheekOil: 2, tZoneOil: 3, sensitivity: 2 })).toBe('oily');
    expect(skinTypeOf({ cheekOil: 2, tZoneOil: 3, sensitivity: 3 })).toBe('sensitive');
  });

  it('refuses an unanswered or unknown answer', () => {
    const { sun: _sun, ...missing } = base;
    expect(() => skinTestResult(missing)).toThrow(/sun/);
    expect(() => skinTestResult({ ...base, pores: 'nope' })).toThrow(/pores/);
  });
});
