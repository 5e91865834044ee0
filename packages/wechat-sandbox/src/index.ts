export { WECHAT_ERRCODES, type WechatErrorBody, type WechatErrorName } from './errcodes';
export { MERCHANT_FILES, writeMerchantFiles } from './pay/merchant-files';
export type { NotificationRecord, PayVerifyMode, SignedNotification } from './pay/notifier';
export { type SandboxMerchantCredentials, SandboxPay, SandboxPayError } from './pay/sandbox-pay';
export { selfSignedCertificate } from './pay/x509';
export { WXACODE_URL_BASE, wxacodeContent } from './routes/wxacode';
export { createSandbox, type Sandbox, type SandboxOptions } from './sandbox';
export type { SandboxAppCredentials, SandboxClock } from './sandbox-app';
export { DEFAULT_SANDBOX_APPS, sandboxAppsFromEnv } from './sandbox-env';
export { ACCESS_TOKEN_TTL_SECONDS } from './state/access-tokens';
export { sandboxOpenid, sandboxUnionid } from './state/identities';
export { LOGIN_CODE_TTL_MS } from './state/login-codes';
export type { SandboxSubscribeTemplate, SentSubscribeMessage, SubscribeMessageStore } from './state/subscribe-messages';
export type { WxacodeCall, WxacodeLog } from './state/wxacodes';
export {
  addDemoSubscribeTemplates,
  DEMO_SUBSCRIBE_TEMPLATES,
  SUBSCRIBE_TEMPLATES_FILE,
  writeSubscribeTemplatesFile,
} from './subscribe-demo';
