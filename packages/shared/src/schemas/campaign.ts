import { z } from 'zod';
import { fenSchema } from './common';

export const campaignKindSchema = z.enum(['group_buy', 'bargain', 'flash_sale', 'presale', 'lottery']);
export type CampaignKind = z.infer<typeof campaignKindSchema>;

export const campaignStatusSchema = z.enum(['upcoming', 'live', 'ended']);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

/** A campaign as listed on the campaign app's home. Kind-specific rules come with each kind's module. */
export const campaignSummarySchema = z.object({
  id: z.string(),
  kind: campaignKindSchema,
  title: z.string(),
  productId: z.string(),
  productTitle: z.string(),
  imageUrl: z.string(),
  /** The campaign price a shopper can reach (group price, bargain floor, flash price...). */
  campaignPriceFen: fenSchema,
  originalPriceFen: fenSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  status: campaignStatusSchema,
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

export const campaignListQuerySchema = z.object({
  kind: campaignKindSchema.optional(),
});
