/**
 * 预售 presale rules (docs/presale.md): pure, shared by the API and the campaign app.
 * A presale sells one SKU for delivery on a stated date, for at most three days, at a price
 * ladder that steps UP (阶梯涨价) either with time or with units sold; an order's price is
 * locked when it is placed.
 */

/** The longest presale window: the seed's rule (and the console's check) is three days. */
export const PRESALE_MAX_WINDOW_HOURS = 72;
/** Delivery must be promised within this many days after the presale ends. */
export const PRESALE_MAX_SHIP_DAYS = 30;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type PresaleLadderBasis = 'time' | 'units';

/**
 * One rung: from `from` (hours after the start, or units already sold) the price is
 * `priceFen`; `label` names the phase (限量预售, 限时抢购, 阶梯涨价 ...).
 */
export interface PresaleStep {
  from: number;
  priceFen: number;
  label: string;
}

export interface PresaleLadder {
  basis: PresaleLadderBasis;
  steps: readonly PresaleStep[];
}

export interface PresaleTerms {
  startsAt: Date;
  endsAt: Date;
  shipsAt: Date;
  stock: number;
  perUserLimit: number;
  ladder: PresaleLadder;
  /** The SKU's list price: no rung may cost more (a presale is never dearer than buying later). */
  listPriceFen: number;
}

export type PresaleRuleCode =
  | 'window_invalid'
  | 'window_too_long'
  | 'ship_date_invalid'
  | 'ladder_empty'
  | 'ladder_first_step'
  | 'ladder_order'
  | 'ladder_price_invalid'
  | 'ladder_price_down'
  | 'ladder_step_outside_window'
  | 'stock_invalid'
  | 'limit_invalid';

export interface PresaleRuleProblem {
  code: PresaleRuleCode;
  /** Why, in Chinese, for the operator who saves it. */
  message: string;
}

/**
 * Every rule a presale breaks, checked on save (an empty list: it may be saved). The window
 * is at most PRESALE_MAX_WINDOW_HOURS; the ladder starts at 0, its `from`s strictly grow,
 * each price is whole fen in (0, list price] and never lower than the rung before.
 */
export function checkPresaleTerms(terms: PresaleTerms): PresaleRuleProblem[] {
  const problems: PresaleRuleProblem[] = [];
  const windowMs = terms.endsAt.getTime() - terms.startsAt.getTime();
  if (!(windowMs > 0)) problems.push({ code: 'window_invalid', message: '预售结束时间须晚于开始时间' });
  else if (windowMs > PRESALE_MAX_WINDOW_HOURS * HOUR_MS)
    problems.push({
      code: 'window_too_long',
      message: `预售周期不得超过 ${PRESALE_MAX_WINDOW_HOURS / 24} 天（当前 ${Math.ceil(windowMs / HOUR_MS)} 小时）`,
    });
  const shipLagMs = terms.shipsAt.getTime() - terms.endsAt.getTime();
  if (!(shipLagMs >= 0) || shipLagMs > PRESALE_MAX_SHIP_DAYS * DAY_MS)
    problems.push({
      code: 'ship_date_invalid',
      message: `发货时间须在预售结束后 ${PRESALE_MAX_SHIP_DAYS} 天内`,
    });
  if (!Number.isInteger(terms.stock) || terms.stock < 1)
    problems.push({ code: 'stock_invalid', message: '预售库存须为正整数' });
  if (!Number.isInteger(terms.perUserLimit) || terms.perUserLimit < 1)
    problems.push({ code: 'limit_invalid', message: '每人限购须为正整数' });

  const { steps, basis } = terms.ladder;
  if (steps.length === 0) {
    problems.push({ code: 'ladder_empty', message: '价格阶梯至少一档' });
    return problems;
  }
  if (steps[0]?.from !== 0) problems.push({ code: 'ladder_first_step', message: '第一档须从 0 开始' });
  steps.forEach((step, i) => {
    if (!Number.isInteger(step.priceFen) || step.priceFen <= 0 || step.priceFen > terms.listPriceFen)
      problems.push({ code: 'ladder_price_invalid', message: `第 ${i + 1} 档价格须为不高于原价的整分金额` });
    const before = steps[i - 1];
    if (before) {
      if (!(step.from > before.from) || !Number.isInteger(step.from))
        problems.push({ code: 'ladder_order', message: `第 ${i + 1} 档的起点须大于上一档` });
      if (step.priceFen < before.priceFen)
        problems.push({ code: 'ladder_price_down', message: `阶梯只涨不降：第 ${i + 1} 档低于上一档` });
    }
    const outside =
      basis === 'time' ? step.from * HOUR_MS >= Math.max(windowMs, 0) && i > 0 : step.from >= terms.stock && i > 0;
    if (outside)
      problems.push({ code: 'ladder_step_outside_window', message: `第 ${i + 1} 档在预售期或库存之外，永远用不到` });
  });
  return problems;
}

export interface PresalePricePoint {
  /** Index of the rung in force. */
  step: number;
  priceFen: number;
  label: string;
  /** The next rung, when there is one: its price and when it starts (time) or after how many more units (units). */
  next: { priceFen: number; label: string; startsAt: Date | null; unitsLeft: number | null } | null;
}

/** The rung whose range holds `position` (hours since start, or a unit's number counted from 0). */
function rungAt(steps: readonly PresaleStep[], position: number): number {
  let index = 0;
  steps.forEach((step, i) => {
    if (step.from <= position) index = i;
  });
  return index;
}

/**
 * The price a shopper sees now: by time, the rung of the hours elapsed since the start; by
 * units, the rung of the next unit to sell (unitsSold counts from 0).
 */
export function presalePriceAt(
  terms: Pick<PresaleTerms, 'startsAt' | 'ladder'>,
  at: { now: Date; unitsSold: number },
): PresalePricePoint {
  const { steps, basis } = terms.ladder;
  const position =
    basis === 'time' ? Math.max(0, at.now.getTime() - terms.startsAt.getTime()) / HOUR_MS : Math.max(0, at.unitsSold);
  const index = rungAt(steps, position);
  const rung = steps[index];
  if (!rung) throw new Error('a presale ladder needs at least one step');
  const following = steps[index + 1];
  return {
    step: index,
    priceFen: rung.priceFen,
    label: rung.label,
    next: following
      ? {
          priceFen: following.priceFen,
          label: following.label,
          startsAt: basis === 'time' ? new Date(terms.startsAt.getTime() + following.from * HOUR_MS) : null,
          unitsLeft: basis === 'units' ? following.from - Math.max(0, at.unitsSold) : null,
        }
      : null,
  };
}

/**
 * The unit price an order of `quantity` is locked at: by time, the rung in force now; by
 * units, the rung of the LAST unit of the order, so a large order cannot carry units across a
 * step at the cheaper price.
 */
export function presaleOrderUnitPrice(
  terms: Pick<PresaleTerms, 'startsAt' | 'ladder'>,
  at: { now: Date; unitsSold: number; quantity: number },
): number {
  const last = terms.ladder.basis === 'units' ? at.unitsSold + at.quantity - 1 : at.unitsSold;
  return presalePriceAt(terms, { now: at.now, unitsSold: last }).priceFen;
}

export type PresaleStatus = 'upcoming' | 'live' | 'sold_out' | 'ended';

/** Upcoming before the start, ended from the end on (half-open window), sold out with nothing left. */
export function presaleStatus(
  terms: Pick<PresaleTerms, 'startsAt' | 'endsAt' | 'stock'>,
  at: { now: Date; unitsSold: number },
): PresaleStatus {
  const t = at.now.getTime();
  if (t >= terms.endsAt.getTime()) return 'ended';
  if (t < terms.startsAt.getTime()) return 'upcoming';
  return at.unitsSold >= terms.stock ? 'sold_out' : 'live';
}
