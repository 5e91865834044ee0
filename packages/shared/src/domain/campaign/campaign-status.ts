import type { CampaignStatus } from '../../schemas/campaign';

/** An instant as each side holds it: a Date (server rows), an ISO string (the wire), epoch ms (a ticking clock). */
export type Instant = Date | string | number;

export interface CampaignWindow {
  startsAt: Instant;
  endsAt: Instant;
}

function epochMs(at: Instant): number {
  if (at instanceof Date) return at.getTime();
  return typeof at === 'number' ? at : Date.parse(at);
}

/**
 * Where a campaign window stands at `now`: the start is inclusive, the end exclusive, so at
 * every instant exactly one status holds. The API decides with its clock; an app re-decides
 * with its ticking clock so a card turns live at the start without a reload.
 *
 * @example campaignStatus({ startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-01-02T00:00:00Z' }, Date.parse('2026-01-01T00:00:00Z')) // 'live'
 */
export function campaignStatus(window: CampaignWindow, now: Instant): CampaignStatus {
  const at = epochMs(now);
  if (at < epochMs(window.startsAt)) return 'upcoming';
  if (at < epochMs(window.endsAt)) return 'live';
  return 'ended';
}
