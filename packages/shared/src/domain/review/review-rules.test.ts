import { describe, expect, it } from 'vitest';
import { maskNickname, ratingSummary, reviewRewardPoints } from './review-rules';

describe('review rules', () => {
  it.each([
    ['小满', '小*'],
    ['A', 'A*'],
    ['  林 ', '林*'],
    ['😀ab', '😀*'],
    ['', '匿名用户'],
    ['   ', '匿名用户'],
  ])('masks %j as %j', (nickname, masked) => {
    expect(maskNickname(nickname)).toBe(masked);
  });

  it.each([
    [{ count: 0, starsTotal: 0 }, null],
    [{ count: 1, starsTotal: 5 }, 5],
    [{ count: 3, starsTotal: 13 }, 4.3],
    [{ count: 2, starsTotal: 9 }, 4.5],
    [{ count: 20, starsTotal: 89 }, 4.5],
    [{ count: 3, starsTotal: 14 }, 4.7],
  ])('summarises %j as %s stars', (input, average) => {
    expect(ratingSummary(input)).toEqual({ count: input.count, averageStars: average });
  });

  it('rewards a review with the setting, never with anything about the review', () => {
    expect(reviewRewardPoints({ pointsPerReview: 10 })).toBe(10);
    expect(reviewRewardPoints({ pointsPerReview: 0 })).toBe(0);
    expect(reviewRewardPoints({ pointsPerReview: -5 })).toBe(0);
    expect(reviewRewardPoints({ pointsPerReview: 1.5 })).toBe(0);
  });
});
