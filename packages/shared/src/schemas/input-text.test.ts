import { describe, expect, it } from 'vitest';
import { addCartItemRequestSchema } from './cart';
import { productListQuerySchema } from './catalog';
import { idSchema, textInputSchema } from './common';

describe('string inputs refuse NUL (PostgreSQL cannot store U+0000)', () => {
  it.each([
    ['', true],
    ['防晒', true],
    ['\u0000', false],
    ['sku\u0000', false],
    ['a\u0000b', false],
  ])('textInputSchema %j -> accepted %s', (value, accepted) => {
    expect(textInputSchema.safeParse(value).success).toBe(accepted);
  });

  it('keeps the length limits of what is built on it', () => {
    expect(idSchema.safeParse('').success).toBe(false);
    expect(idSchema.safeParse('p'.repeat(64)).success).toBe(true);
    expect(idSchema.safeParse('p'.repeat(65)).success).toBe(false);
  });

  it('applies to request schemas', () => {
    expect(addCartItemRequestSchema.safeParse({ skuId: '\u0000', quantity: 1 }).success).toBe(false);
    expect(productListQuerySchema.safeParse({ q: ' \u0000 ' }).success).toBe(false);
    expect(productListQuerySchema.safeParse({ q: ' 防晒 ' }).success).toBe(true);
  });
});
