import { type CampaignSummary, campaignListQuerySchema } from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { listOpenCampaigns } from './campaign.repository';
import { campaignRowToSummary, orderForListing } from './campaign.service';

export function registerCampaignRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/campaigns', async (request): Promise<CampaignSummary[]> => {
    const query = parseInput(campaignListQuerySchema, request.query, 'query');
    const now = deps.clock();
    const rows = await listOpenCampaigns(deps.db, { kind: query.kind, now });
    return rows.map((row) => campaignRowToSummary(row, now, deps.assetUrl)).sort(orderForListing);
  });
}
