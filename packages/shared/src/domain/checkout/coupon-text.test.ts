import { describe, expect, it } from 'vitest';
import { couponRuleText, discountText, pricingProblemText } from './coupon-text';
import { PRICING_PROBLEM_CODES } from './pricing-problem';

const base = { thresholdFen: 0, amountFen: 0, percentOffBps: 0, capFen: null };

describe('couponRuleText', () => {
  it.each([
    [{ ...base, kind: 'threshold_amount' as const, thresholdFen: 19900, amountFen: 3000 }, '满199减30'],
    [{ ...base, kind: 'threshold_amount' as const, thresholdFen: 9950, amountFen: 550 }, '满99.50减5.50'],
    [{ ...base, kind: 'no_threshold' as const, amountFen: 1000 }, '无门槛减10'],
    [{ ...base, kind: 'percent' as const, percentOffBps: 1000, capFen: 5000 }, '9折，最高减50'],
    [{ ...base, kind: 'percent' as const, percentOffBps: 1500, thresholdFen: 10000 }, '满100享8.5折'],
  ])('%o -> %s', (coupon, text) => {
    expect(couponRuleText(coupon)).toBe(text);
  });
});

describe('discountText', () => {
  it.each([
    [1000, '9折'],
    [1500, '8.5折'],
    [2500, '7.5折'],
    [125, '9.88折'],
  ])('%i bps off -> %s', (bps, text) => {
    expect(discountText(bps)).toBe(text);
  });
});

describe('pricingProblemText', () => {
  it('has Chinese words for every problem code', () => {
    for (const code of PRICING_PROBLEM_CODES) expect(pricingProblemText(code)).toMatch(/\p{Script=Han}/u);
  });
});
