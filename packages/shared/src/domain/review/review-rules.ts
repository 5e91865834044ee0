/** Reviews (评价): one per bought line, once the order is completed. */

export const MIN_REVIEW_STARS = 1;
export const MAX_REVIEW_STARS = 5;
export const MAX_REVIEW_TEXT = 500;
export const MAX_REVIEW_PHOTOS = 9;

/**
 * The points a review earns. The same for every review, whatever its stars or words: paying
 * only for praise (好评返现) is a false-advertising practice the 反不正当竞争法 and SAMR's
 * 网络交易监督管理办法 forbid, so the reward must never look at the rating. 0 turns rewards off.
 *
 * @example reviewRewardPoints({ pointsPerReview: 10 }) // 10, for a 1-star and a 5-star alike
 */
export function reviewRewardPoints(setting: { pointsPerReview: number }): number {
  return Number.isSafeInteger(setting.pointsPerReview) && setting.pointsPerReview > 0 ? setting.pointsPerReview : 0;
}

/**
 * A reviewer's nickname as other shoppers see it: the first character and one star
 * (PIPL: a review page is public, the full nickname is not needed there).
 *
 * @example maskNickname('小满') // '小*'
 * @example maskNickname('')     // '匿名用户'
 */
export function maskNickname(nickname: string): string {
  const first = [...nickname.trim()][0];
  return first === undefined ? '匿名用户' : `${first}*`;
}

export interface RatingSummary {
  count: number;
  /** Mean stars rounded to one decimal (half up); null with no review. */
  averageStars: number | null;
}

/**
 * A product's rating from the count and the sum of its visible reviews' stars.
 *
 * @example ratingSummary({ count: 3, starsTotal: 13 }) // { count: 3, averageStars: 4.3 }
 */
export function ratingSummary(input: { count: number; starsTotal: number }): RatingSummary {
  if (input.count <= 0) return { count: 0, averageStars: null };
  // Integer arithmetic: tenths = round(10 * total / count), half up.
  const tenths = Math.floor((20 * input.starsTotal + input.count) / (2 * input.count));
  return { count: input.count, averageStars: tenths / 10 };
}
