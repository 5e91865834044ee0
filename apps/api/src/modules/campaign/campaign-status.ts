import type { CampaignStatus } from '@wematrix/shared';

/** Where a campaign window stands at `now`: the start is inclusive, the end exclusive. */
export function campaignStatus(window: { startsAt: Date; endsAt: Date }, now: Date): CampaignStatus {
  if (now.getTime() < window.startsAt.getTime()) return 'upcoming';
  if (now.getTime() < window.endsAt.getTime()) return 'live';
  return 'ended';
}
