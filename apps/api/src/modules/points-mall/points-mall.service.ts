import type { PointsMallItem } from '@wematrix/shared';
import type { PointsMallItemRow } from './points-mall.repository';

export function itemRowToView(row: PointsMallItemRow): PointsMallItem {
  return {
    id: row.id,
    title: row.title,
    subtitle: row.subtitle,
    pointsCost: row.points_cost,
    couponTemplateId: row.coupon_template_id,
    remaining: row.remaining,
    perUserLimit: row.per_user_limit,
    exchangedByMe: row.exchanged_by_me,
  };
}
