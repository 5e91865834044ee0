import type { Address, AddressInput, AddressList, RegionList } from '../schemas/address';
import type { AfterSale, AfterSaleList, CreateAfterSaleRequest } from '../schemas/after-sale';
import type { DemoShopper, DevLoginRequest, Session, User, WechatLoginRequest } from '../schemas/auth';
import type { CampaignKind, CampaignSummary } from '../schemas/campaign';
import type { AddCartItemRequest, Cart, UpdateCartItemRequest } from '../schemas/cart';
import type { Category, ProductDetail, ProductListQuery, ProductPage } from '../schemas/catalog';
import type {
  CheckoutPreview,
  CheckoutPreviewRequest,
  ClaimableCoupon,
  Points,
  UserCoupon,
  UserCouponStatus,
} from '../schemas/checkout';
import type { ApiErrorBody } from '../schemas/common';
import type { ApiErrorCode } from '../schemas/error-codes';
import type { Member, PointsMallExchange, PointsMallItems } from '../schemas/member';
import type { Order, OrderCounts, OrderListQuery, OrderPage, PlaceOrderRequest } from '../schemas/order';
import type { OrderPayment, PayOrderRequest, PayOrderResponse } from '../schemas/payment';
import type { OrderReviews, ProductReviewPage, SubmitReviewsRequest } from '../schemas/review';
import type { HotWords, SearchHistory, SearchPage, SearchQuery } from '../schemas/search';
import type { RecordSubscriptionsRequest, SubscribeTemplates, Subscriptions } from '../schemas/subscribe';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface TransportRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}
export interface TransportResponse {
  status: number;
  data: unknown;
}
/** The platform's HTTP call (Taro.request, fetch...). Must not throw on 4xx/5xx. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** An error answered by the API, with the code apps switch on and a message fit to show. */
export class ApiError extends Error {
  readonly status: number;
  /** One of API_ERROR_CODES; an app older than the API may still meet a newer code, so keep a default branch. */
  readonly code: ApiErrorCode;
  readonly messageEn: string;
  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.messageEn = body.messageEn;
  }
}

export interface ApiClientOptions {
  /** e.g. "http://localhost:3000" (no trailing /api). */
  baseUrl: string;
  transport: Transport;
  getToken: () => string | null;
  /** Called on 401 so the app can drop a stale session. */
  onUnauthenticated?: () => void;
}

function toQuery(params: Record<string, string | number | boolean | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function isApiErrorBody(data: unknown): data is ApiErrorBody {
  return typeof data === 'object' && data !== null && typeof (data as { code?: unknown }).code === 'string';
}

/** Typed calls to the WeMatrix API; request and response types come from the shared schemas. */
export function createApiClient(options: ApiClientOptions) {
  const base = options.baseUrl.replace(/\/$/, '');

  async function call<T>(
    method: HttpMethod,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    const headers: Record<string, string> = { ...extraHeaders };
    const token = options.getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await options.transport({ method, url: `${base}/api${path}`, headers, body });
    if (response.status >= 200 && response.status < 300) return response.data as T;
    if (response.status === 401) options.onUnauthenticated?.();
    const errorBody: ApiErrorBody = isApiErrorBody(response.data)
      ? response.data
      : { code: 'INTERNAL', message: '网络开小差了，请稍后再试', messageEn: `HTTP ${response.status}` };
    throw new ApiError(response.status, errorBody);
  }

  return {
    auth: {
      wechatLogin: (req: WechatLoginRequest) => call<Session>('POST', '/auth/wechat', req),
      devLogin: (req: DevLoginRequest) => call<Session>('POST', '/auth/dev', req),
      demoShoppers: () => call<DemoShopper[]>('GET', '/auth/dev/shoppers'),
      me: () => call<User>('GET', '/me'),
    },
    catalog: {
      categories: () => call<Category[]>('GET', '/categories'),
      products: (query: ProductListQuery = {}) =>
        call<ProductPage>(
          'GET',
          `/products${toQuery({
            cursor: query.cursor,
            pageSize: query.pageSize,
            categoryId: query.categoryId,
            q: query.q,
            sort: query.sort,
            withTotal: query.withTotal || undefined,
          })}`,
        ),
      product: (id: string) => call<ProductDetail>('GET', `/products/${encodeURIComponent(id)}`),
    },
    cart: {
      get: () => call<Cart>('GET', '/cart'),
      add: (req: AddCartItemRequest) => call<Cart>('POST', '/cart/items', req),
      update: (skuId: string, req: UpdateCartItemRequest) =>
        call<Cart>('PATCH', `/cart/items/${encodeURIComponent(skuId)}`, req),
      remove: (skuId: string) => call<Cart>('DELETE', `/cart/items/${encodeURIComponent(skuId)}`),
    },
    campaigns: {
      list: (kind?: CampaignKind) => call<CampaignSummary[]>('GET', `/campaigns${toQuery({ kind })}`),
    },
    addresses: {
      list: () => call<AddressList>('GET', '/me/addresses'),
      get: (id: string) => call<Address>('GET', `/me/addresses/${encodeURIComponent(id)}`),
      create: (input: AddressInput) => call<Address>('POST', '/me/addresses', input),
      update: (id: string, input: AddressInput) =>
        call<Address>('PUT', `/me/addresses/${encodeURIComponent(id)}`, input),
      makeDefault: (id: string) => call<AddressList>('POST', `/me/addresses/${encodeURIComponent(id)}/default`),
      remove: (id: string) => call<AddressList>('DELETE', `/me/addresses/${encodeURIComponent(id)}`),
      /** One picker level: provinces, or the children of a province or city code. */
      regions: (parent?: string) => call<RegionList>('GET', `/regions${toQuery({ parent })}`),
    },
    search: {
      /** Keyword search (综合 / 销量 / 价格 / 新品); a signed-in shopper's keyword joins their history. */
      products: (query: SearchQuery) =>
        call<SearchPage>(
          'GET',
          `/search/products${toQuery({
            q: query.q,
            sort: query.sort,
            categoryId: query.categoryId,
            minPriceFen: query.minPriceFen,
            maxPriceFen: query.maxPriceFen,
            cursor: query.cursor,
            pageSize: query.pageSize,
          })}`,
        ),
      history: () => call<SearchHistory>('GET', '/search/history'),
      clearHistory: () => call<SearchHistory>('DELETE', '/search/history'),
      hot: () => call<HotWords>('GET', '/search/hot'),
    },
    checkout: {
      /** Prices the basket (the cart's selected lines when `lines` is absent) as an order would be. */
      preview: (req: CheckoutPreviewRequest) => call<CheckoutPreview>('POST', '/checkout/preview', req),
    },
    afterSales: {
      create: (orderId: string, req: CreateAfterSaleRequest) =>
        call<AfterSale>('POST', `/orders/${encodeURIComponent(orderId)}/after-sales`, req),
      ofOrder: (orderId: string) => call<AfterSaleList>('GET', `/orders/${encodeURIComponent(orderId)}/after-sales`),
    },
    subscribe: {
      /** The subscribe-message templates `app` may ask for (empty: ask nothing). */
      templates: (app: RecordSubscriptionsRequest['app']) =>
        call<SubscribeTemplates>('GET', `/subscribe/templates${toQuery({ app })}`),
      /** What wx.requestSubscribeMessage answered: each 'accept' allows one notice. */
      record: (req: RecordSubscriptionsRequest) => call<Subscriptions>('POST', '/me/subscriptions', req),
    },
    reviews: {
      submit: (orderId: string, req: SubmitReviewsRequest) =>
        call<OrderReviews>('POST', `/orders/${encodeURIComponent(orderId)}/reviews`, req),
      ofOrder: (orderId: string) => call<OrderReviews>('GET', `/orders/${encodeURIComponent(orderId)}/reviews`),
      ofProduct: (productId: string, cursor?: string, pageSize?: number) =>
        call<ProductReviewPage>(
          'GET',
          `/products/${encodeURIComponent(productId)}/reviews${toQuery({ cursor, pageSize })}`,
        ),
    },
    coupons: {
      /** 领券中心: what the shop offers now, with how many this shopper already holds. */
      claimable: () => call<{ items: ClaimableCoupon[] }>('GET', '/coupons/claimable'),
      claim: (templateId: string) => call<UserCoupon>('POST', `/coupons/${encodeURIComponent(templateId)}/claim`),
      mine: (status: UserCouponStatus = 'available') =>
        call<{ items: UserCoupon[] }>('GET', `/me/coupons${toQuery({ status })}`),
    },
    points: (cursor?: string) => call<Points>('GET', `/me/points${toQuery({ cursor })}`),
    /** 会员等级: the level from the last 12 months' spend and the way to the next. */
    member: () => call<Member>('GET', '/me/member'),
    pointsMall: {
      items: () => call<PointsMallItems>('GET', '/points-mall/items'),
      /** `idempotencyKey`: one per confirmed exchange, reused for its retries (same key, one exchange). */
      exchange: (itemId: string, idempotencyKey: string) =>
        call<PointsMallExchange>('POST', `/points-mall/items/${encodeURIComponent(itemId)}/exchange`, undefined, {
          'idempotency-key': idempotencyKey,
        }),
    },
    orders: {
      /** `idempotencyKey`: one per submit attempt, reused for its retries (same key, one order). */
      place: (req: PlaceOrderRequest, idempotencyKey: string) =>
        call<Order>('POST', '/orders', req, { 'idempotency-key': idempotencyKey }),
      list: (query: OrderListQuery = {}) =>
        call<OrderPage>(
          'GET',
          `/orders${toQuery({ status: query.status, cursor: query.cursor, pageSize: query.pageSize })}`,
        ),
      counts: () => call<OrderCounts>('GET', '/orders/counts'),
      get: (id: string) => call<Order>('GET', `/orders/${encodeURIComponent(id)}`),
      cancel: (id: string) => call<Order>('POST', `/orders/${encodeURIComponent(id)}/cancel`),
      confirm: (id: string) => call<Order>('POST', `/orders/${encodeURIComponent(id)}/confirm`),
      pay: (id: string, req: PayOrderRequest = {}) =>
        call<PayOrderResponse>('POST', `/orders/${encodeURIComponent(id)}/pay`, req),
      payment: (id: string) => call<OrderPayment>('GET', `/orders/${encodeURIComponent(id)}/payment`),
      refund: (id: string, reason: string) =>
        call<OrderPayment>('POST', `/orders/${encodeURIComponent(id)}/refund`, { reason }),
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
