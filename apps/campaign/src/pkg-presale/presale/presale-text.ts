import { formatFen, formatShanghai, type PresaleView } from '@wematrix/shared';

const HOUR_MS = 3_600_000;

/** Each rung's condition: 前30件 / 第31-60件 / 第61件起, or the time it starts (basis time). */
export function rungCondition(presale: Pick<PresaleView, 'ladder' | 'startsAt'>, index: number): string {
  const steps = presale.ladder.steps;
  const step = steps[index];
  const next = steps[index + 1];
  if (!step) return '';
  if (presale.ladder.basis === 'units') {
    if (step.from === 0) return next ? `前${next.from}件` : '全部';
    return next ? `第${step.from + 1}-${next.from}件` : `第${step.from + 1}件起`;
  }
  if (step.from === 0) return '开售起';
  return `${formatShanghai(new Date(Date.parse(presale.startsAt) + step.from * HOUR_MS).toISOString(), 'M月D日 HH:mm')}起`;
}

/** Under the ladder: 再售N件涨至¥x, or when the next rung starts; null on the last rung. */
export function nextStepText(presale: Pick<PresaleView, 'current'>): string | null {
  const next = presale.current.next;
  if (!next) return null;
  const price = formatFen(next.priceFen);
  if (next.unitsLeft !== null) return `再售${next.unitsLeft}件涨至${price}`;
  if (next.startsAt) return `${formatShanghai(next.startsAt, 'M月D日 HH:mm')} 涨至${price}`;
  return `下一档 ${price}`;
}

/** 已售 x%: rounded down, 100% only when nothing is left. */
export function soldPercent(sold: number, stock: number): number {
  if (stock <= 0) return 100;
  return Math.min(100, Math.floor((sold / stock) * 100));
}
