export { decryptResource, type EncryptedResource } from './aead';
export { NOTIFICATION_MAX_SKEW_MS, type VerifiedNotification, verifyNotification } from './notification';
export { certificateVerifier, type PlatformVerifier, publicKeyVerifier } from './platform-keys';
export { buildRequestPaymentParams, type RequestPaymentParams } from './request-payment';
export {
  createWechatPayClient,
  rfc3339Shanghai,
  type WechatPayClient,
  type WechatPaySettings,
} from './wechatpay.client';
export { NotificationRejectedError, WechatPayApiError, WechatPayUnavailableError } from './wechatpay.errors';
export {
  refundSchema,
  transactionSchema,
  transferBillSchema,
  type WechatPayRefund,
  type WechatPayTransaction,
  type WechatPayTransferAnswer,
  type WechatPayTransferBill,
} from './wechatpay.schemas';
