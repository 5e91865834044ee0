import { CAMPAIGN_KINDS, type CampaignKind } from '@wematrix/shared';

export type { CampaignKindInfo as KindInfo } from '@wematrix/shared';
/** The shared kind names and colours (packages/shared), under the name this app's views use. */
export const KINDS = CAMPAIGN_KINDS;

export const KIND_TABS: Array<{ kind: CampaignKind | 'all'; label: string }> = [
  { kind: 'all', label: '全部' },
  ...(Object.keys(KINDS) as CampaignKind[]).map((kind) => ({ kind, label: KINDS[kind].label })),
];
