import type {
  LotteryDrawResult,
  LotteryList,
  LotteryMyPrizes,
  LotteryView,
  Order,
  OrderQuoteView,
  PresaleDetail,
  PresaleList,
  ShareLinkCreated,
  ShareScene,
} from '@wematrix/shared';
import {
  CampaignApiError,
  type CampaignOrderBody,
  campaignCall,
  refusalText as campaignRefusalText,
  type QuoteRegion,
} from '../campaign-buy/campaign-api';

/**
 * The 抽奖 and 预售 calls (contracts in packages/shared/src/schemas/lottery.ts and presale.ts),
 * through the shared transport, token and 401 handling like the 秒杀 and 拼团 modules. Refusals
 * are CampaignApiError, so the shared 确认订单 hook (useCampaignBuy) reads PRICE_CHANGED the same way.
 */

const enc = encodeURIComponent;
const keyHeader = (key: string) => ({ 'idempotency-key': key });

export const lotteryApi = {
  /** GET /api/lotteries?campaign=: the lotteries of a campaign of the list (public). */
  ofCampaign: (campaignId: string) => campaignCall<LotteryList>('GET', `/lotteries?campaign=${enc(campaignId)}`),
  /** GET /api/lotteries/:id: the pool with its odds (概率公示), draws left today, the server's clock. */
  view: (id: string) => campaignCall<LotteryView>('GET', `/lotteries/${enc(id)}`),
  /** POST /api/lotteries/:id/draw → 201: a prize or 谢谢参与, and the draws left. */
  draw: (id: string) => campaignCall<LotteryDrawResult>('POST', `/lotteries/${enc(id)}/draw`, {}),
  mine: (id: string) => campaignCall<LotteryMyPrizes>('GET', `/lotteries/${enc(id)}/my-prizes`),
  /** A product prize's order figures (0 fen, shipping at the brand's cost). */
  quote: (drawId: string, region: QuoteRegion) =>
    campaignCall<OrderQuoteView>('POST', `/lotteries/draws/${enc(drawId)}/quote`, { region }),
  /** The prize as a 0-fen order, paid at once (待发货). */
  claim: (drawId: string, body: CampaignOrderBody, key: string) =>
    campaignCall<Order>('POST', `/lotteries/draws/${enc(drawId)}/claim`, body, keyHeader(key)),
};

export const presaleApi = {
  list: () => campaignCall<PresaleList>('GET', '/presales'),
  get: (id: string) => campaignCall<PresaleDetail>('GET', `/presales/${enc(id)}`),
  /** The order's figures at the rung in force now (price locked at order time). */
  quote: (id: string, quantity: number, region: QuoteRegion) =>
    campaignCall<OrderQuoteView>('POST', `/presales/${enc(id)}/quote`, { quantity, region }),
  order: (id: string, quantity: number, body: CampaignOrderBody, key: string) =>
    campaignCall<Order>('POST', `/presales/${enc(id)}/order`, { ...body, quantity }, keyHeader(key)),
};

/** What a shopper reads for each 抽奖 / 预售 refusal; the rest as the other campaign pages say it. */
const REFUSALS: Partial<Record<string, string>> = {
  LOTTERY_NOT_FOUND: '抽奖活动不存在或已下架',
  LOTTERY_NOT_LIVE: '抽奖活动未开始或已结束',
  LOTTERY_NO_DRAWS_LEFT: '今日抽奖次数已用完，明天再来吧',
  LOTTERY_PRIZE_NOT_FOUND: '没有找到这个奖品',
  LOTTERY_PRIZE_ALREADY_CLAIMED: '奖品已领取，可在商城订单中查看',
  PRESALE_NOT_FOUND: '预售活动不存在或已下架',
  PRESALE_NOT_LIVE: '预售未开始或已结束',
  PRESALE_SOLD_OUT: '预售名额已抢光',
  PRESALE_LIMIT_REACHED: '已达到每人限购件数',
};

export function refusalText(error: unknown, fallback = '操作失败，请稍后再试'): string {
  if (error instanceof CampaignApiError && error.status !== 503) {
    const own = REFUSALS[error.code];
    if (own) return own;
  }
  return campaignRefusalText(error, fallback);
}

/** The signed share payload in a shared page's query (docs/share.md: sk, si, su, se, ss). */
export function sharePayloadOf(params: Partial<Record<string, string>>): Record<string, string> | null {
  const keys = ['sk', 'si', 'su', 'se', 'ss'] as const;
  const payload: Record<string, string> = {};
  for (const key of keys) {
    const value = params[key];
    if (value === undefined) return null;
    payload[key] = decodeURIComponent(value);
  }
  return payload;
}

/**
 * POST /api/share/open: a friend opened a shared link. The API checks the signature and records
 * the open (the inviter's extra draws come later, from the friend's own sign-up or order).
 * Best effort: a refused or expired link only means no inviter is credited.
 */
export async function reportShareOpen(payload: Record<string, string>): Promise<void> {
  try {
    await campaignCall('POST', '/share/open', { payload });
  } catch {
    // Nothing to show: the page works the same without it.
  }
}

/** GET /api/share/scenes/:scene: what a 小程序码 opens (WeChat passes `scene` URL-encoded), with a signed payload. */
export function shareScene(scene: string): Promise<ShareScene> {
  return campaignCall<ShareScene>('GET', `/share/scenes/${enc(scene)}`);
}

/** POST /api/share/links: the signed page path of the shopper's share (records the share); null if it cannot be made. */
export async function lotteryShareLink(lotteryId: string): Promise<string | null> {
  try {
    return (await campaignCall<ShareLinkCreated>('POST', '/share/links', { kind: 'lottery', id: lotteryId })).path;
  } catch {
    return null;
  }
}
