/**
 * Member levels from spend: what a shopper paid (and was not refunded) in the last 12 months
 * decides the level. Thresholds and benefits are data (MEMBER_TIERS); the API sums the spend,
 * this rule only reads it, so the apps and the API name the same level for the same number.
 */

export const MEMBER_LEVELS = ['regular', 'silver', 'gold', 'black_gold'] as const;
export type MemberLevel = (typeof MEMBER_LEVELS)[number];

export interface MemberTier {
  level: MemberLevel;
  label: string;
  /** Spend (fen, last 12 months) from which this tier applies; the first tier starts at 0. */
  minSpendFen: number;
  benefits: readonly string[];
}

/** The tiers, lowest first, thresholds strictly increasing (checked by the tests). */
export const MEMBER_TIERS: readonly MemberTier[] = [
  { level: 'regular', label: '普通会员', minSpendFen: 0, benefits: ['购物得积分', '生日当月专属券'] },
  {
    level: 'silver',
    label: '银卡会员',
    minSpendFen: 50_000,
    benefits: ['购物得积分', '生日当月专属券', '每月 1 张运费券'],
  },
  {
    level: 'gold',
    label: '金卡会员',
    minSpendFen: 200_000,
    benefits: ['购物得积分', '生日当月专属券', '每月 2 张运费券', '新品优先购'],
  },
  {
    level: 'black_gold',
    label: '黑金会员',
    minSpendFen: 800_000,
    benefits: ['购物得积分', '生日当月专属券', '全年包邮', '新品优先购', '专属客服'],
  },
];

/** How far back spend counts. */
export const MEMBER_SPEND_WINDOW_MONTHS = 12;

export interface MemberStanding {
  level: MemberLevel;
  label: string;
  spendFen: number;
  benefits: readonly string[];
  /** The next tier up, or null at the top. */
  nextLevel: MemberLevel | null;
  nextLabel: string | null;
  /** Fen still to spend to reach the next tier; 0 at the top. */
  toNextFen: number;
  /** Progress from this tier's threshold to the next one, integer percent 0-100 (100 at the top). */
  progressPercent: number;
}

/**
 * The standing for a spend: the highest tier whose threshold the spend reaches (a spend equal
 * to a threshold is in that tier). Progress rounds down, so 99% never shows as done.
 * @example memberStanding(50_000).label === '银卡会员'
 */
export function memberStanding(spendFen: number, tiers: readonly MemberTier[] = MEMBER_TIERS): MemberStanding {
  if (!Number.isSafeInteger(spendFen) || spendFen < 0) throw new Error(`spend must be non-negative fen: ${spendFen}`);
  const first = tiers[0];
  if (first === undefined) throw new Error('no member tiers');
  if (first.minSpendFen !== 0) throw new Error('the first tier must start at 0');
  let index = 0;
  for (let i = 1; i < tiers.length; i += 1) {
    const tier = tiers[i];
    if (tier && spendFen >= tier.minSpendFen) index = i;
  }
  const current = tiers[index] ?? first;
  const next = tiers[index + 1];
  if (!next) {
    return {
      level: current.level,
      label: current.label,
      spendFen,
      benefits: current.benefits,
      nextLevel: null,
      nextLabel: null,
      toNextFen: 0,
      progressPercent: 100,
    };
  }
  const span = next.minSpendFen - current.minSpendFen;
  return {
    level: current.level,
    label: current.label,
    spendFen,
    benefits: current.benefits,
    nextLevel: next.level,
    nextLabel: next.label,
    toNextFen: next.minSpendFen - spendFen,
    progressPercent: Math.floor(((spendFen - current.minSpendFen) * 100) / span),
  };
}

/**
 * Where the spend window starts: the same instant 12 calendar months before `now` (UTC
 * fields; a 29 February rolls to 1 March). Orders paid at or after it count.
 */
export function memberSpendWindowStart(now: Date): Date {
  const start = new Date(now.getTime());
  start.setUTCMonth(start.getUTCMonth() - MEMBER_SPEND_WINDOW_MONTHS);
  return start;
}
