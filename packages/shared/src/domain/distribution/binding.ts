/**
 * Who a buyer is bound to (绑定). A buyer belongs to the promoter whose link first brought
 * them, for an attribution window; a later link of another promoter inside that window
 * changes nothing. Pure: the API reads the rows and the clock and asks here.
 */

export type PromoterStatus = 'pending' | 'approved';

export interface ExistingBinding {
  promoterId: string;
  boundAt: Date;
}

export interface BindingInput {
  buyerId: string;
  promoter: { id: string; status: PromoterStatus } | null;
  /** The buyer's current binding row, if any (expired or not). */
  existing: ExistingBinding | null;
  /**
   * The promoter's own upline, nearest first (who brought the promoter, who brought them...),
   * as far as the API followed it: a buyer found here would close a cycle.
   */
  promoterUpline: readonly string[];
  windowDays: number;
  now: Date;
}

export type BindingDecision =
  /** No binding, or the old one's window has passed: bind (or re-bind) to this promoter. */
  | { kind: 'bind' }
  /** Already bound to this same promoter inside the window: nothing to write. */
  | { kind: 'same' }
  | { kind: 'refused'; code: BindingRefusal };

export type BindingRefusal =
  | 'DISTRIBUTION_PROMOTER_NOT_APPROVED'
  | 'DISTRIBUTION_SELF_BINDING'
  | 'DISTRIBUTION_BINDING_CYCLE'
  | 'DISTRIBUTION_ALREADY_BOUND';

const DAY_MS = 24 * 3600 * 1000;

/** Whether a binding made at `boundAt` still attributes at `now`. */
export function bindingActive(boundAt: Date, windowDays: number, now: Date): boolean {
  return now.getTime() < boundAt.getTime() + windowDays * DAY_MS;
}

export function decideBinding(input: BindingInput): BindingDecision {
  const { buyerId, promoter, existing } = input;
  if (promoter?.status !== 'approved') {
    return { kind: 'refused', code: 'DISTRIBUTION_PROMOTER_NOT_APPROVED' };
  }
  if (promoter.id === buyerId) return { kind: 'refused', code: 'DISTRIBUTION_SELF_BINDING' };
  if (input.promoterUpline.includes(buyerId)) return { kind: 'refused', code: 'DISTRIBUTION_BINDING_CYCLE' };
  if (existing && bindingActive(existing.boundAt, input.windowDays, input.now)) {
    return existing.promoterId === promoter.id
      ? { kind: 'same' }
      : { kind: 'refused', code: 'DISTRIBUTION_ALREADY_BOUND' };
  }
  return { kind: 'bind' };
}
