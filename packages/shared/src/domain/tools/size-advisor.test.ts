import { describe, expect, it } from 'vitest';
import { adviseSize, bmiTenths, validateSizeInput } from './size-advisor';

describe('size advisor', () => {
  it.each([
    [{ heightCm: 155, weightKg: 45, bustCm: 80, waistCm: 62 }, 'S'],
    [{ heightCm: 160, weightKg: 50, bustCm: 84, waistCm: 66 }, 'M'],
    [{ heightCm: 165, weightKg: 56, bustCm: 88, waistCm: 72 }, 'L'],
    [{ heightCm: 170, weightKg: 62, bustCm: 94, waistCm: 78 }, 'XL'],
  ] as const)('%o -> %s', (input, size) => {
    expect(adviseSize(input).size).toBe(size);
  });

  it('the larger of bust and waist decides', () => {
    const advice = adviseSize({ heightCm: 160, weightKg: 52, bustCm: 80, waistCm: 74 });
    expect(advice.size).toBe('L');
    expect(advice.reasons[0]).toContain('腰围');
  });

  it('sizes up for a tall body or a BMI of 25 and above', () => {
    expect(adviseSize({ heightCm: 172, weightKg: 52, bustCm: 80, waistCm: 62 }).size).toBe('M');
    expect(adviseSize({ heightCm: 158, weightKg: 63, bustCm: 84, waistCm: 68 }).size).toBe('L');
  });

  it('clamps at XL with a warning', () => {
    const advice = adviseSize({ heightCm: 168, weightKg: 80, bustCm: 104, waistCm: 90 });
    expect(advice.size).toBe('XL');
    expect(advice.warning).not.toBeNull();
  });

  it('computes BMI in tenths without floats leaking', () => {
    expect(bmiTenths(160, 50)).toBe(195);
    expect(bmiTenths(170, 72)).toBe(249);
  });

  it('validates ranges with Chinese messages', () => {
    expect(validateSizeInput({ heightCm: 120, weightKg: 50, bustCm: 84 })).toEqual({
      heightCm: '身高应在 140–200 之间',
      waistCm: '请填写腰围',
    });
    expect(() => adviseSize({ heightCm: 160, weightKg: 20, bustCm: 84, waistCm: 66 })).toThrow('体重');
  });
});
