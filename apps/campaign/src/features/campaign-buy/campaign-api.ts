import {
  ApiError,
  type ApiErrorBody,
  type Bargain,
  type BargainActivities,
  type BargainActivityDetail,
  type BargainHelpResult,
  type BargainStarted,
  type GroupBuyActivityDetail,
  type GroupBuyActivityList,
  type GroupBuyGroup,
  type HttpMethod,
  type MyGroupBuys,
  type Order,
  type OrderQuoteView,
} from '@wematrix/shared';
import { apiBaseUrl, clearSession, createWeMatrixClient, taroTransport } from '@wematrix/shared/taro';

/**
 * The 拼团 and 砍价 calls (contracts in packages/shared/src/schemas/group-buy.ts and bargain.ts).
 * The shared API client has no campaign methods yet; these use the same transport, token and
 * 401 handling, and belong there once the contracts settle.
 */

/** An API refusal that keeps the body's `details` (PRICE_CHANGED names the right total). */
export class CampaignApiError extends ApiError {
  readonly details: unknown;
  constructor(status: number, body: ApiErrorBody) {
    super(status, body);
    this.details = body.details;
  }
}

/**
 * One call to the API through the shared transport with the session's token; a 401 drops the
 * stale session as the shared client does; any other refusal throws CampaignApiError. Every
 * campaign page's calls (秒杀, 拼团, 砍价, 抽奖, 预售) go through this.
 */
export async function campaignCall<T>(
  method: HttpMethod,
  path: string,
  body?: unknown,
  extra: Record<string, string> = {},
): Promise<T> {
  const client = createWeMatrixClient();
  const headers: Record<string, string> = { ...extra };
  const token = client.session.getState().session?.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await taroTransport({ method, url: `${apiBaseUrl()}/api${path}`, headers, body });
  if (response.status >= 200 && response.status < 300) return response.data as T;
  if (response.status === 401) {
    // As the shared client does: a stale token is dropped, so the page asks to sign in again.
    clearSession();
    client.session.setState({ session: null });
    client.cart.getState().clear();
  }
  const data = response.data as Partial<ApiErrorBody> | null;
  const errorBody: ApiErrorBody =
    data && typeof data.code === 'string'
      ? (data as ApiErrorBody)
      : { code: 'INTERNAL', message: '网络开小差了，请稍后再试', messageEn: `HTTP ${response.status}` };
  throw new CampaignApiError(response.status, errorBody);
}

/** The shipping region of the address the quote is for. */
export interface QuoteRegion {
  province?: string;
  regionCode?: string;
}

/** What every campaign order route takes: the address (by id) and the total the shopper saw. */
export interface CampaignOrderBody {
  addressId: string;
  expectedTotalFen: number;
}

const enc = encodeURIComponent;
const keyHeader = (key: string) => ({ 'idempotency-key': key });

export const groupBuyApi = {
  list: () => campaignCall<GroupBuyActivityList>('GET', '/group-buys'),
  activity: (activityId: string) => campaignCall<GroupBuyActivityDetail>('GET', `/group-buys/${enc(activityId)}`),
  group: (groupId: string) => campaignCall<GroupBuyGroup>('GET', `/group-buys/groups/${enc(groupId)}`),
  mine: () => campaignCall<MyGroupBuys>('GET', '/group-buys/mine'),
  quoteOpen: (activityId: string, region: QuoteRegion) =>
    campaignCall<OrderQuoteView>('POST', `/group-buys/${enc(activityId)}/quote`, { region }),
  open: (activityId: string, body: CampaignOrderBody, key: string) =>
    campaignCall<Order>('POST', `/group-buys/${enc(activityId)}/open`, body, keyHeader(key)),
  quoteJoin: (groupId: string, region: QuoteRegion) =>
    campaignCall<OrderQuoteView>('POST', `/group-buys/groups/${enc(groupId)}/quote`, { region }),
  join: (groupId: string, body: CampaignOrderBody, key: string) =>
    campaignCall<Order>('POST', `/group-buys/groups/${enc(groupId)}/join`, body, keyHeader(key)),
};

export const bargainApi = {
  activities: () => campaignCall<BargainActivities>('GET', '/bargains/activities'),
  activity: (activityId: string) =>
    campaignCall<BargainActivityDetail>('GET', `/bargain-activities/${enc(activityId)}`),
  start: (activityId: string) =>
    campaignCall<BargainStarted>('POST', `/bargain-activities/${enc(activityId)}/start`, {}),
  get: (bargainId: string) => campaignCall<Bargain>('GET', `/bargains/${enc(bargainId)}`),
  help: (bargainId: string) => campaignCall<BargainHelpResult>('POST', `/bargains/${enc(bargainId)}/help`, {}),
  quote: (bargainId: string, region: QuoteRegion) =>
    campaignCall<OrderQuoteView>('POST', `/bargains/${enc(bargainId)}/quote`, { region }),
  order: (bargainId: string, body: CampaignOrderBody, key: string) =>
    campaignCall<Order>('POST', `/bargains/${enc(bargainId)}/order`, body, keyHeader(key)),
};

/**
 * The words a shopper reads for each refusal, in the page's voice (what happened and what to
 * do next). Unknown codes fall back to the API's own Chinese message.
 */
const REFUSALS: Partial<Record<string, string>> = {
  GROUP_BUY_NOT_FOUND: '拼团不存在或已下架',
  GROUP_BUY_NOT_LIVE: '拼团活动未开始或已结束',
  GROUP_NOT_OPEN: '团长还未支付，稍后再来参团',
  GROUP_FULL: '来晚了，这个团已满员，可以自己开一个团',
  GROUP_EXPIRED: '这个团已过期，可以自己开一个团',
  GROUP_ALREADY_JOINED: '你已经在这个团里了',
  GROUP_BUY_LIMIT: '你已达到本活动的参团次数上限',
  GROUP_BUY_NEW_USERS_ONLY: '这个团仅限新用户参加（未在本店下过单）',
  BARGAIN_ACTIVITY_NOT_FOUND: '砍价活动不存在或已下架',
  BARGAIN_NOT_FOUND: '砍价不存在',
  BARGAIN_NOT_LIVE: '砍价活动未开始或已结束',
  BARGAIN_LIMIT: '你已发起过本活动的砍价',
  BARGAIN_EXPIRED: '砍价已过期',
  BARGAIN_ALREADY_HELPED: '你已帮砍过啦，每人只能帮砍一次',
  BARGAIN_OWN: '不能给自己砍价哦，邀请好友来帮忙吧',
  BARGAIN_FLOOR_REACHED: '已砍到底价，无需再砍',
  BARGAIN_ALREADY_ORDERED: '好友已按砍后价下单，无需再砍',
  PRICE_CHANGED: '订单金额有变化，已为你更新，请确认后再提交',
  OUT_OF_STOCK: '商品库存不足，请稍后再试',
  ADDRESS_NOT_FOUND: '收货地址不存在，请重新选择',
  REGION_UNKNOWN: '收货地址的地区无法识别，请到商城修改地址',
  IDEMPOTENCY_KEY_REUSED: '订单信息有变化，请重新提交',
  UNAUTHENTICATED: '请先登录',
  NETWORK: '网络连接失败，请检查网络后重试',
  INTERNAL: '系统繁忙，请稍后再试',
};

export function refusalText(error: unknown, fallback = '操作失败，请稍后再试'): string {
  if (error instanceof ApiError) {
    if (error.status === 503) return '系统繁忙，请稍后再试';
    return REFUSALS[error.code] ?? (error.message || fallback);
  }
  return error instanceof Error && error.message ? error.message : fallback;
}

export function errorCode(error: unknown): string | null {
  return error instanceof ApiError ? error.code : null;
}

/** A key per order attempt (the API's Idempotency-Key: 8-64 of [A-Za-z0-9_.:-]). */
export function newOrderKey(prefix: string): string {
  const random = Array.from({ length: 3 }, () => Math.random().toString(36).slice(2, 10)).join('');
  return `wm-${prefix}-${Date.now().toString(36)}-${random}`.slice(0, 64);
}
