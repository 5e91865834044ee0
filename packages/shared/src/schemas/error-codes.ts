/**
 * Every `code` the API answers with, as closed lists: the one source of truth. The API's
 * error tables are typed by these unions (a code missing here does not compile there) and
 * the apps switch on the same names. A code is listed once per module that raises it.
 */

/** Raised by the HTTP shell for any route: input, routing, auth and unexpected failures. */
export const COMMON_ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'MALFORMED_URL',
  /** Any other 4xx Fastify raises before a handler; the status is Fastify's. */
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL',
] as const;
export type CommonErrorCode = (typeof COMMON_ERROR_CODES)[number];

export const AUTH_ERROR_CODES = [
  'UNAUTHENTICATED',
  'DEV_LOGIN_DISABLED',
  'SHOPPER_NOT_FOUND',
  'WECHAT_LOGIN_FAILED',
  'WECHAT_UNAVAILABLE',
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

export const CATALOG_ERROR_CODES = ['PRODUCT_NOT_FOUND', 'SKU_NOT_FOUND', 'CURSOR_INVALID'] as const;
export type CatalogErrorCode = (typeof CATALOG_ERROR_CODES)[number];

export const CART_ERROR_CODES = ['SKU_NOT_FOUND', 'INSUFFICIENT_STOCK', 'CART_ITEM_NOT_FOUND'] as const;
export type CartErrorCode = (typeof CART_ERROR_CODES)[number];

export const ADDRESS_ERROR_CODES = ['ADDRESS_NOT_FOUND', 'ADDRESS_LIMIT_REACHED', 'REGION_UNKNOWN'] as const;
export type AddressErrorCode = (typeof ADDRESS_ERROR_CODES)[number];

/** Coupons, points and the checkout preview (apps/api/src/modules/promotions). */
export const PROMOTION_ERROR_CODES = [
  'COUPON_TEMPLATE_NOT_FOUND',
  'COUPON_NOT_CLAIMABLE',
  'COUPON_SOLD_OUT',
  'COUPON_CLAIM_LIMIT',
  /** Unknown, or another shopper's: the same answer, so ids cannot be probed. */
  'COUPON_NOT_FOUND',
  // The problems priceOrder reports (PRICING_PROBLEM_CODES in domain/checkout).
  'COUPON_EXPIRED',
  'COUPON_NOT_STARTED',
  'COUPON_ALREADY_USED',
  'COUPON_NOT_APPLICABLE',
  'COUPON_NEW_USER_ONLY',
  'COUPON_BELOW_THRESHOLD',
  'POINTS_OVER_BALANCE',
  'POINTS_OVER_CAP',
  'CART_EMPTY',
  'SKU_NOT_FOUND',
  'INSUFFICIENT_STOCK',
] as const;
export type PromotionErrorCode = (typeof PROMOTION_ERROR_CODES)[number];

export const SEARCH_ERROR_CODES = ['KEYWORD_EMPTY', 'PRICE_RANGE_INVALID', 'CURSOR_INVALID'] as const;
export type SearchErrorCode = (typeof SEARCH_ERROR_CODES)[number];

/** Paying an order, WeChat Pay notifications and refunds (apps/api/src/modules/payments). */
export const PAYMENT_ERROR_CODES = [
  /** Unknown, or another shopper's: the same answer, so ids cannot be probed. */
  'ORDER_NOT_FOUND',
  /** Not 待付款 (paid, cancelled ...) or past its pay deadline. */
  'ORDER_NOT_PAYABLE',
  /** No merchant configured, or WeChat Pay did not answer. */
  'PAY_UNAVAILABLE',
  /** The shopper has no openid for this mini-program (JSAPI pay needs one). */
  'PAY_OPENID_MISSING',
  /** A notification failed verification (signature, timestamp, serial, decryption). */
  'PAY_NOTIFY_REJECTED',
  'PAYMENT_NOT_FOUND',
  'REFUND_EXCEEDS_PAID',
  /** A shopper's refund needs a paid order that has not shipped (shipped ones go through after-sale). */
  'ORDER_NOT_REFUNDABLE',
] as const;
export type PaymentErrorCode = (typeof PAYMENT_ERROR_CODES)[number];

/** Placing and following orders (apps/api/src/modules/orders, flows/place-order.ts). */
export const ORDER_ERROR_CODES = [
  /** Unknown, or another shopper's: the same answer, so ids cannot be probed. */
  'ORDER_NOT_FOUND',
  /** The action does not apply to the order's state now (cancel a paid order, confirm an unshipped one). */
  'ORDER_STATUS_CONFLICT',
  /** The shopper's expectedTotalFen differs from the API's price: nothing was created. */
  'PRICE_CHANGED',
  /** A SKU has fewer units left than ordered; details name it. */
  'OUT_OF_STOCK',
  'SKU_NOT_FOUND',
  'ADDRESS_NOT_FOUND',
  'REGION_UNKNOWN',
  /** A campaign order that may not ship yet (a 拼团 order before its group succeeded). */
  'ORDER_NOT_SHIPPABLE',
] as const;
export type OrderErrorCode = (typeof ORDER_ERROR_CODES)[number];

/** Photos shoppers upload for reviews and after-sales (apps/api/src/modules/uploads). */
export const UPLOAD_ERROR_CODES = [
  /** The bytes are not a JPEG, PNG or WebP image (magic numbers), whatever the declared type says. */
  'UPLOAD_NOT_IMAGE',
] as const;
export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];

/** After-sale requests and their approval (apps/api/src/modules/after-sales). */
export const AFTER_SALE_ERROR_CODES = [
  /** Unknown, or another shopper's: the same answer, so ids cannot be probed. */
  'ORDER_NOT_FOUND',
  /** The order is not 待发货 / 待收货 / 已完成, or was not paid through WeChat Pay. */
  'AFTER_SALE_NOT_ALLOWED',
  /** The order already has a request in progress (pending or approved). */
  'AFTER_SALE_ALREADY_OPEN',
  'AFTER_SALE_NOT_FOUND',
  /** Approve / refuse of a request that is no longer pending. */
  'AFTER_SALE_STATUS_CONFLICT',
  /** A photo id that is not one of the shopper's own uploads. */
  'UPLOAD_NOT_FOUND',
  /** Approving needs WeChat Pay (WECHATPAY_MCHID unset). */
  'PAY_UNAVAILABLE',
] as const;
export type AfterSaleErrorCode = (typeof AFTER_SALE_ERROR_CODES)[number];

/** Product reviews (apps/api/src/modules/reviews). */
export const REVIEW_ERROR_CODES = [
  'ORDER_NOT_FOUND',
  /** Reviews need a completed (已完成) order. */
  'REVIEW_NOT_ALLOWED',
  /** A skuId that is not a line of this order. */
  'REVIEW_LINE_NOT_FOUND',
  /** A line of the request was reviewed before: nothing of the request was saved. */
  'REVIEW_ALREADY_EXISTS',
  'UPLOAD_NOT_FOUND',
  'REVIEW_NOT_FOUND',
  'REVIEW_ALREADY_HIDDEN',
  'PRODUCT_NOT_FOUND',
  'CURSOR_INVALID',
] as const;
export type ReviewErrorCode = (typeof REVIEW_ERROR_CODES)[number];

/** The points mall (积分商城, apps/api/src/modules/points-mall, flows/exchange-points.ts). */
export const POINTS_MALL_ERROR_CODES = [
  'POINTS_MALL_ITEM_NOT_FOUND',
  /** Switched off, or its coupon's fixed validity is over. */
  'POINTS_MALL_ITEM_UNAVAILABLE',
  'POINTS_MALL_SOLD_OUT',
  /** The shopper exchanged it as often as the item allows. */
  'POINTS_MALL_LIMIT_REACHED',
  /** The balance is below the item's price: nothing was spent. */
  'POINTS_INSUFFICIENT',
] as const;
export type PointsMallErrorCode = (typeof POINTS_MALL_ERROR_CODES)[number];

/** Subscribe-message consent (apps/api/src/modules/subscribe). */
export const SUBSCRIBE_ERROR_CODES = [
  /** A template id that is not configured for the app (or the app has none). */
  'SUBSCRIBE_TEMPLATE_UNKNOWN',
] as const;
export type SubscribeErrorCode = (typeof SUBSCRIBE_ERROR_CODES)[number];

/** 秒杀 flash sales (apps/api/src/modules/flash-sale, docs/flash-sale.md). */
export const FLASH_SALE_ERROR_CODES = [
  'FLASH_SALE_NOT_FOUND',
  /** Not started yet, or already over, at the server's time. */
  'FLASH_SALE_NOT_LIVE',
  'FLASH_SALE_SOLD_OUT',
  /** The shopper already holds (or paid for) this slot, or asked for more than its limit. */
  'FLASH_SALE_LIMIT_REACHED',
  /** The stock gate (Redis) cannot be reached: nothing was taken, try again. */
  'FLASH_SALE_UNAVAILABLE',
  /** The claim is not this shopper's, was released, expired or already ordered. */
  'FLASH_SALE_CLAIM_INVALID',
] as const;
export type FlashSaleErrorCode = (typeof FLASH_SALE_ERROR_CODES)[number];

/** 分销 distribution (apps/api/src/modules/distribution, docs/distribution.md). */
export const DISTRIBUTION_ERROR_CODES = [
  /** Share links are for approved promoters only. */
  'DISTRIBUTION_NOT_PROMOTER',
  /** The link's promoter is unknown or not (yet) approved: no binding. */
  'DISTRIBUTION_PROMOTER_NOT_APPROVED',
  'DISTRIBUTION_SELF_BINDING',
  /** The buyer is in the promoter's own upline: binding would close a loop. */
  'DISTRIBUTION_BINDING_CYCLE',
  /** First binding wins inside the attribution window. */
  'DISTRIBUTION_ALREADY_BOUND',
  /** Outside 8%–15%, or a third level: refused with the reason. */
  'DISTRIBUTION_RATE_OUT_OF_RANGE',
  'DISTRIBUTION_PROMOTER_NOT_FOUND',
  /** Signature does not match (tampered or forged): nothing written. */
  'SHARE_LINK_INVALID',
  'SHARE_LINK_EXPIRED',
  'PRODUCT_NOT_FOUND',
  /** 提现 below ¥1 (or not whole fen). */
  'WITHDRAWAL_BELOW_MINIMUM',
  /** One withdrawal stays below ¥2,000 (WeChat's real-name line for 商家转账). */
  'WITHDRAWAL_ABOVE_LIMIT',
  /** More than the available (settled, not yet withdrawn) commission. */
  'WITHDRAWAL_OVER_BALANCE',
  /** The promoter already has a withdrawal requested, approved or transferring. */
  'WITHDRAWAL_IN_FLIGHT',
  /** No WeChat openid in that mini-program to pay into. */
  'WITHDRAWAL_OPENID_MISSING',
  'WITHDRAWAL_NOT_FOUND',
  /** Approve or reject of a withdrawal that is no longer waiting for finance. */
  'WITHDRAWAL_NOT_PENDING',
  /** WeChat Pay (商家转账) is not configured on this server. */
  'WITHDRAWAL_TRANSFER_UNAVAILABLE',
] as const;
export type DistributionErrorCode = (typeof DISTRIBUTION_ERROR_CODES)[number];

/** 拼团 group-buy (apps/api/src/modules/group-buy, docs/group-buy.md). */
export const GROUP_BUY_ERROR_CODES = [
  /** Unknown activity or group. */
  'GROUP_BUY_NOT_FOUND',
  /** The activity is not live at the server's time (upcoming, ended or switched off). */
  'GROUP_BUY_NOT_LIVE',
  /** The leader has not paid yet: the group is not open to others. */
  'GROUP_NOT_OPEN',
  /** Every seat is held (or the group already succeeded). */
  'GROUP_FULL',
  /** Past the group's deadline, or failed. */
  'GROUP_EXPIRED',
  /** The caller leads the group or already holds a seat in it. */
  'GROUP_ALREADY_JOINED',
  /** The shopper holds as many seats in this activity as it allows. */
  'GROUP_BUY_LIMIT',
  /** A new-user-only group and the shopper has paid for an order before. */
  'GROUP_BUY_NEW_USERS_ONLY',
  /** An operator's activity breaks the rules (details.problems says which). */
  'GROUP_BUY_RULES_BROKEN',
] as const;
export type GroupBuyErrorCode = (typeof GROUP_BUY_ERROR_CODES)[number];

/** 砍价 bargains (apps/api/src/modules/bargain, docs/bargain.md). */
export const BARGAIN_ERROR_CODES = [
  'BARGAIN_ACTIVITY_NOT_FOUND',
  'BARGAIN_NOT_FOUND',
  /** The activity has not started or is over at the server's time. */
  'BARGAIN_NOT_LIVE',
  /** The owner started as many bargains of the activity as it allows. */
  'BARGAIN_LIMIT',
  /** The bargain's window is over. */
  'BARGAIN_EXPIRED',
  /** One help per friend per bargain. */
  'BARGAIN_ALREADY_HELPED',
  /** Owners cannot help their own bargain. */
  'BARGAIN_OWN',
  /** Every needed help is counted: the price is at the floor. */
  'BARGAIN_FLOOR_REACHED',
  /** The owner has ordered (or bought) at the bargain's price. */
  'BARGAIN_ALREADY_ORDERED',
] as const;
export type BargainErrorCode = (typeof BARGAIN_ERROR_CODES)[number];

/** 抽奖 lotteries (apps/api/src/modules/lottery, docs/lottery.md). */
export const LOTTERY_ERROR_CODES = [
  'LOTTERY_NOT_FOUND',
  /** Not started yet, or already over, at the server's time. */
  'LOTTERY_NOT_LIVE',
  /** Today's draws (Beijing day, extra draws included) are used up. */
  'LOTTERY_NO_DRAWS_LEFT',
  /** Unknown draw, another shopper's, or a miss: the same answer, so ids cannot be probed. */
  'LOTTERY_PRIZE_NOT_FOUND',
  /** The prize was issued already (coupon, points) or its order is placed. */
  'LOTTERY_PRIZE_ALREADY_CLAIMED',
  /** A prize pool refused on save (probabilities, stock, the legal value cap), with the reasons. */
  'LOTTERY_POOL_INVALID',
] as const;
export type LotteryErrorCode = (typeof LOTTERY_ERROR_CODES)[number];

/** 预售 presales (apps/api/src/modules/presale, docs/presale.md). */
export const PRESALE_ERROR_CODES = [
  'PRESALE_NOT_FOUND',
  /** Not started yet, or already over, at the server's time. */
  'PRESALE_NOT_LIVE',
  /** Fewer units left than asked for. */
  'PRESALE_SOLD_OUT',
  /** The shopper's bought and unpaid units plus these exceed the per-shopper limit. */
  'PRESALE_LIMIT_REACHED',
  /** An operator's presale breaks a rule (window over 3 days, a ladder that steps down ...), with the reasons. */
  'PRESALE_RULES_BROKEN',
  'PRESALE_EXISTS',
] as const;
export type PresaleErrorCode = (typeof PRESALE_ERROR_CODES)[number];

/** The share layer: signed share payloads, 小程序码 scenes (apps/api/src/modules/share, docs/share.md). */
export const SHARE_ERROR_CODES = [
  /** The payload's signature does not match (tampered or forged): nothing recorded. */
  'SHARE_LINK_INVALID',
  'SHARE_LINK_EXPIRED',
  /** The signed target (or its inviter) no longer exists. */
  'SHARE_TARGET_NOT_FOUND',
  /** Unknown or expired scene of a mini-program code. */
  'SHARE_SCENE_NOT_FOUND',
  /** WeChat did not draw the mini-program code (unreachable or refused): nothing cached. */
  'WECHAT_UNAVAILABLE',
] as const;
export type ShareErrorCode = (typeof SHARE_ERROR_CODES)[number];

/** Every code, each once. */
/** Any write that takes an `Idempotency-Key` (order creation, points exchange). */
export const IDEMPOTENCY_ERROR_CODES = [
  'IDEMPOTENCY_KEY_REQUIRED',
  /** The key was used for a different request body. */
  'IDEMPOTENCY_KEY_REUSED',
] as const;
export type IdempotencyErrorCode = (typeof IDEMPOTENCY_ERROR_CODES)[number];

export const API_ERROR_CODES = [
  ...new Set([
    ...COMMON_ERROR_CODES,
    ...AUTH_ERROR_CODES,
    ...CATALOG_ERROR_CODES,
    ...CART_ERROR_CODES,
    ...ADDRESS_ERROR_CODES,
    ...ORDER_ERROR_CODES,
    ...IDEMPOTENCY_ERROR_CODES,
    ...PROMOTION_ERROR_CODES,
    ...SEARCH_ERROR_CODES,
    ...PAYMENT_ERROR_CODES,
    ...UPLOAD_ERROR_CODES,
    ...AFTER_SALE_ERROR_CODES,
    ...REVIEW_ERROR_CODES,
    ...POINTS_MALL_ERROR_CODES,
    ...SUBSCRIBE_ERROR_CODES,
    ...DISTRIBUTION_ERROR_CODES,
    ...FLASH_SALE_ERROR_CODES,
    ...LOTTERY_ERROR_CODES,
    ...BARGAIN_ERROR_CODES,
    ...GROUP_BUY_ERROR_CODES,
    ...PRESALE_ERROR_CODES,
    ...SHARE_ERROR_CODES,
  ]),
] as [ApiErrorCode, ...ApiErrorCode[]];
export type ApiErrorCode =
  | CommonErrorCode
  | AuthErrorCode
  | CatalogErrorCode
  | CartErrorCode
  | AddressErrorCode
  | OrderErrorCode
  | IdempotencyErrorCode
  | PromotionErrorCode
  | SearchErrorCode
  | PaymentErrorCode
  | UploadErrorCode
  | AfterSaleErrorCode
  | ReviewErrorCode
  | PointsMallErrorCode
  | SubscribeErrorCode
  | DistributionErrorCode
  | FlashSaleErrorCode
  | LotteryErrorCode
  | GroupBuyErrorCode
  | BargainErrorCode
  | PresaleErrorCode
  | ShareErrorCode;
