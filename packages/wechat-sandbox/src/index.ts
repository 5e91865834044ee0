export { WECHAT_ERRCODES, type WechatErrorBody, type WechatErrorName } from './errcodes';
export { createSandbox, type Sandbox, type SandboxOptions } from './sandbox';
export type { SandboxAppCredentials, SandboxClock } from './sandbox-app';
export { DEFAULT_SANDBOX_APPS, sandboxAppsFromEnv } from './sandbox-env';
export { ACCESS_TOKEN_TTL_SECONDS } from './state/access-tokens';
export { sandboxOpenid, sandboxUnionid } from './state/identities';
export { LOGIN_CODE_TTL_MS } from './state/login-codes';
