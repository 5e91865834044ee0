import type { CampaignKind, CampaignSummary } from '@wematrix/shared';
import { createWeMatrixClient } from '@wematrix/shared/taro';
import { useCallback, useEffect, useState } from 'react';

/** GET /api/campaigns, optionally by kind; the API orders live campaigns first. */
export function useCampaigns(kind: CampaignKind | 'all'): {
  campaigns: CampaignSummary[] | null;
  error: string | null;
  reload: () => void;
} {
  const [campaigns, setCampaigns] = useState<CampaignSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key is a deliberate reload trigger
  useEffect(() => {
    let stale = false;
    setCampaigns(null);
    createWeMatrixClient()
      .api.campaigns.list(kind === 'all' ? undefined : kind)
      .then(
        (list) => {
          if (!stale) {
            setCampaigns(list.filter((c) => c.status !== 'ended'));
            setError(null);
          }
        },
        (err: unknown) => {
          if (!stale) setError(err instanceof Error ? err.message : '活动加载失败');
        },
      );
    return () => {
      stale = true;
    };
  }, [kind, key]);
  const reload = useCallback(() => setKey((k) => k + 1), []);
  return { campaigns, error, reload };
}
