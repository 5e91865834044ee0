import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppName } from '@wematrix/shared';
import type { WxacodeEnvVersion } from './integrations/wechat/wxacode.client';
import type { WechatPaySettings } from './integrations/wechatpay';
import { parseSubscribeConfig, type SubscribeConfig } from './modules/subscribe/subscribe.config';
import { loadOrCreateSessionSecret } from './session-secret';

export interface WechatAppCredentials {
  appid: string;
  secret: string;
}

/** The merchant account and where WeChat Pay calls back (read from WECHATPAY_*). */
export interface WechatPayConfig extends WechatPaySettings {
  /** Where WeChat Pay POSTs payment results: https in production. */
  notifyUrl: string;
  refundNotifyUrl: string;
  /** The WeChat sandbox's H5 pay page origin (dev and tests only): `/sandbox/pay/<prepay_id>` there. */
  sandboxPayPage: string | null;
  /**
   * Where WeChat Pay POSTs 商家转账 results (MCHTRANSFER.BILL.FINISHED), WECHATPAY_TRANSFER_NOTIFY_URL;
   * absent in hand-built configs: `<notifyUrl's origin>/api/pay/notify/transfer`.
   */
  transferNotifyUrl?: string;
  /** 商家转账 scene id (WECHATPAY_TRANSFER_SCENE_ID, default '1005' 佣金报酬), granted on the merchant platform. */
  transferSceneId?: string;
}

export interface ApiConfig {
  port: number;
  host: string;
  /** Origin that image and link URLs are built on, e.g. "http://localhost:3000" (no trailing slash). */
  publicBaseUrl: string;
  /** PostgreSQL when set; otherwise embedded PGlite in `pgliteDir`. */
  databaseUrl: string | null;
  pgliteDir: string;
  sessionSecret: string;
  sessionTtlSeconds: number;
  /** The H5 demo's "sign in as a demo shopper"; never on in production. */
  devLogin: boolean;
  /** Seed the demo catalog into an empty database at start (SEED_DEMO, set by `npm start`); refused in production. */
  seedDemo: boolean;
  /**
   * JOBS_TIME_TRAVEL: POST /api/ops/jobs/tick runs the deadline jobs as if at a later instant
   * (browser tests: a group expiring without waiting a day). Refused in production.
   */
  jobsTimeTravel?: boolean;
  wechat: {
    apiBase: string;
    apps: Record<AppName, WechatAppCredentials>;
  };
  /** Folder holding the H5 builds (`mall/`, `campaign/`, `tools/`), served at `/<app>/` when set. */
  webRoot: string | null;
  logLevel: string;
  /** How long public catalog reads are served from memory; 0 turns the cache off. */
  catalogCacheTtlMs: number;
  /** How often the deadline job runner ticks (JOB_INTERVAL_MS); 0 turns it off on this instance. */
  jobIntervalMs: number;
  /** WeChat Pay API v3 (JSAPI); null when WECHATPAY_MCHID is unset: paying answers 503 PAY_UNAVAILABLE. */
  wechatPay: WechatPayConfig | null;
  /**
   * Bearer token of the operators' routes under /api/ops (OPS_API_TOKEN, 32+ characters)
   * until the console has sign-in; null or absent: those routes answer 404. Optional so
   * configs built by hand (bench, tests) need not name it.
   */
  opsApiToken?: string | null;
  /**
   * Folder of shoppers' uploaded photos (UPLOAD_DIR, default `.data/uploads` next to the
   * PGlite data); absent in hand-built configs: that same default.
   */
  uploadDir?: string | null;
  /** Points every review earns, whatever its stars (REVIEW_REWARD_POINTS, default 10; 0: none). */
  reviewRewardPoints?: number;
  /**
   * Subscribe-message templates (WECHAT_SUBSCRIBE_TEMPLATES) and the version notices open
   * (WECHAT_SUBSCRIBE_STATE); absent or no templates: no notices are sent, none asked for.
   */
  subscribe?: SubscribeConfig;
  /**
   * Redis for the 秒杀 stock gate (REDIS_URL); null or absent: the gate runs on PostgreSQL.
   * With it set, a claim while Redis is unreachable answers 503 FLASH_SALE_UNAVAILABLE.
   */
  redisUrl?: string | null;
  /**
   * Which version of the mini-programs share codes (小程序码) open: WECHAT_WXACODE_ENV_VERSION
   * release (default) | trial | develop. Absent in hand-built configs: release.
   */
  wxacodeEnvVersion?: WxacodeEnvVersion;
  /**
   * 分销: days after an order is completed before its commission can be withdrawn (the
   * after-sale window), COMMISSION_SETTLE_DAYS, default 7. Absent in hand-built configs: 7.
   */
  commissionSettleDays?: number;
}

/** Where uploads go when UPLOAD_DIR is unset. */
export const DEFAULT_UPLOAD_DIR = '.data/uploads';
/** Points per review when REVIEW_REWARD_POINTS is unset. */
export const DEFAULT_REVIEW_REWARD_POINTS = 10;

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const API_ASSETS_DIR = resolve(REPO_ROOT, 'apps/api/assets');

/** Same defaults as the WeChat sandbox (packages/wechat-sandbox/src/sandbox-env.ts). */
const DEFAULT_WECHAT_APPS: Record<AppName, WechatAppCredentials> = {
  mall: { appid: 'wx6d616c6c2d646576', secret: 'sandbox_secret_mall' },
  campaign: { appid: 'wx63616d706169676e', secret: 'sandbox_secret_campaign' },
  tools: { appid: 'wx746f6f6c732d776d', secret: 'sandbox_secret_tools' },
};

/** A setting the API cannot start with; server.ts prints its message alone, without a stack. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new ConfigError(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

function flag(value: string | undefined, name: string): boolean {
  if (value === undefined || value === '') return false;
  if (['on', 'true', '1', 'yes'].includes(value.toLowerCase())) return true;
  if (['off', 'false', '0', 'no'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`${name} must be on or off, got "${value}"`);
}

function optional(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value.trim();
}

/** Shortest SESSION_SECRET accepted in production: 32 characters of HMAC key. */
const MIN_SESSION_SECRET_LENGTH = 32;

/**
 * Production needs one SESSION_SECRET shared by every instance: a generated per-instance
 * secret would make a token signed by one instance invalid on the next, signing shoppers
 * out at random behind a load balancer. Outside production a generated one is kept in
 * `.data/session-secret` so restarts keep sign-ins.
 */
function sessionSecret(env: NodeJS.ProcessEnv, production: boolean, dataDir: string): string {
  const configured = optional(env.SESSION_SECRET);
  if (!production) return configured ?? loadOrCreateSessionSecret(resolve(dataDir, 'session-secret'));
  if (!configured) {
    throw new ConfigError(
      'SESSION_SECRET is required when NODE_ENV=production: every API instance must sign sessions with the same key',
    );
  }
  if (configured.length < MIN_SESSION_SECRET_LENGTH) {
    throw new ConfigError(`SESSION_SECRET must be at least ${MIN_SESSION_SECRET_LENGTH} characters in production`);
  }
  return configured;
}

/** Shortest OPS_API_TOKEN accepted: it guards shipping orders, so no guessable word. */
const MIN_OPS_TOKEN_LENGTH = 32;

function opsApiToken(env: NodeJS.ProcessEnv): string | null {
  const token = optional(env.OPS_API_TOKEN);
  if (token !== null && (token.length < MIN_OPS_TOKEN_LENGTH || /\s/.test(token))) {
    throw new ConfigError(`OPS_API_TOKEN must be at least ${MIN_OPS_TOKEN_LENGTH} characters with no spaces`);
  }
  return token;
}

/** A PEM from `NAME` or from the file `NAME_FILE` (relative to the repository root). */
function pemSetting(env: NodeJS.ProcessEnv, name: string): string | null {
  const inline = optional(env[name]);
  const file = optional(env[`${name}_FILE`]);
  if (inline && file) throw new ConfigError(`Set ${name} or ${name}_FILE, not both`);
  if (inline) return inline.replace(/\\n/g, '\n');
  if (!file) return null;
  try {
    return readFileSync(resolve(REPO_ROOT, file), 'utf8');
  } catch (error) {
    throw new ConfigError(`${name}_FILE cannot be read: ${(error as Error).message}`);
  }
}

const WECHATPAY_NAMES = [
  'WECHATPAY_MERCHANT_SERIAL',
  'WECHATPAY_MERCHANT_PRIVATE_KEY',
  'WECHATPAY_MERCHANT_PRIVATE_KEY_FILE',
  'WECHATPAY_APIV3_KEY',
  'WECHATPAY_PUBLIC_KEY',
  'WECHATPAY_PUBLIC_KEY_FILE',
  'WECHATPAY_PUBLIC_KEY_ID',
  'WECHATPAY_TRANSFER_NOTIFY_URL',
  'WECHATPAY_TRANSFER_SCENE_ID',
];

/**
 * WeChat Pay v3 merchant settings, checked at start so a typo stops the API with the
 * variable's name instead of failing the first shopper's payment. Platform verification
 * mode: public key (微信支付公钥) when WECHATPAY_PUBLIC_KEY(_FILE) is set, otherwise
 * platform certificates downloaded from /v3/certificates.
 */
function wechatPayConfig(env: NodeJS.ProcessEnv, production: boolean, publicBaseUrl: string): WechatPayConfig | null {
  const mchid = optional(env.WECHATPAY_MCHID);
  if (!mchid) {
    const stray = WECHATPAY_NAMES.find((name) => optional(env[name]));
    if (stray) throw new ConfigError(`${stray} is set but WECHATPAY_MCHID is not`);
    return null;
  }
  if (!/^\d{8,12}$/.test(mchid)) throw new ConfigError('WECHATPAY_MCHID must be the 8-12 digit merchant id');
  const merchantSerial = optional(env.WECHATPAY_MERCHANT_SERIAL);
  if (!merchantSerial || !/^[0-9A-Fa-f]{8,64}$/.test(merchantSerial))
    throw new ConfigError('WECHATPAY_MERCHANT_SERIAL must be the merchant API certificate serial (hex)');
  const merchantPrivateKeyPem = pemSetting(env, 'WECHATPAY_MERCHANT_PRIVATE_KEY');
  if (!merchantPrivateKeyPem) throw new ConfigError('WECHATPAY_MERCHANT_PRIVATE_KEY or _FILE is required');
  try {
    createPrivateKey(merchantPrivateKeyPem);
  } catch {
    throw new ConfigError('WECHATPAY_MERCHANT_PRIVATE_KEY is not a PEM private key');
  }
  const apiV3Key = optional(env.WECHATPAY_APIV3_KEY);
  if (!apiV3Key || Buffer.byteLength(apiV3Key, 'utf8') !== 32)
    throw new ConfigError('WECHATPAY_APIV3_KEY must be the 32-character APIv3 key');
  const publicKeyPem = pemSetting(env, 'WECHATPAY_PUBLIC_KEY');
  const publicKeyId = optional(env.WECHATPAY_PUBLIC_KEY_ID);
  let platform: WechatPaySettings['platform'] = { mode: 'certificate' };
  if (publicKeyPem || publicKeyId) {
    if (!publicKeyPem || !publicKeyId?.startsWith('PUB_KEY_ID_'))
      throw new ConfigError('WECHATPAY_PUBLIC_KEY(_FILE) and WECHATPAY_PUBLIC_KEY_ID (PUB_KEY_ID_…) go together');
    try {
      createPublicKey(publicKeyPem);
    } catch {
      throw new ConfigError('WECHATPAY_PUBLIC_KEY is not a PEM public key');
    }
    platform = { mode: 'public_key', publicKeyId, publicKeyPem };
  }
  const notifyUrl = optional(env.WECHATPAY_NOTIFY_URL) ?? `${publicBaseUrl}/api/pay/notify/transaction`;
  const refundNotifyUrl = optional(env.WECHATPAY_REFUND_NOTIFY_URL) ?? `${publicBaseUrl}/api/pay/notify/refund`;
  const sandboxPayPage = optional(env.WECHATPAY_SANDBOX_PAY_PAGE);
  const transferNotifyUrl = optional(env.WECHATPAY_TRANSFER_NOTIFY_URL) ?? `${publicBaseUrl}/api/pay/notify/transfer`;
  const transferSceneId = optional(env.WECHATPAY_TRANSFER_SCENE_ID) ?? '1005';
  if (!/^\d{1,36}$/.test(transferSceneId))
    throw new ConfigError('WECHATPAY_TRANSFER_SCENE_ID must be the numeric 转账场景ID (e.g. 1005)');
  if (production) {
    // WeChat Pay only calls https URLs; a fake pay page in production would take no money.
    for (const [name, url] of [
      ['WECHATPAY_NOTIFY_URL', notifyUrl],
      ['WECHATPAY_REFUND_NOTIFY_URL', refundNotifyUrl],
      ['WECHATPAY_TRANSFER_NOTIFY_URL', transferNotifyUrl],
    ])
      if (!url?.startsWith('https://')) throw new ConfigError(`${name} must be an https URL in production`);
    if (sandboxPayPage) throw new ConfigError('WECHATPAY_SANDBOX_PAY_PAGE must be unset when NODE_ENV=production');
  }
  return {
    apiBase: (optional(env.WECHATPAY_API_BASE) ?? 'https://api.mch.weixin.qq.com').replace(/\/+$/, ''),
    mchid,
    merchantSerial: merchantSerial.toUpperCase(),
    merchantPrivateKeyPem,
    apiV3Key,
    platform,
    notifyUrl,
    refundNotifyUrl,
    sandboxPayPage: sandboxPayPage ? sandboxPayPage.replace(/\/+$/, '') : null,
    transferNotifyUrl,
    transferSceneId,
  };
}

function wxacodeEnvVersion(env: NodeJS.ProcessEnv): WxacodeEnvVersion {
  const value = optional(env.WECHAT_WXACODE_ENV_VERSION) ?? 'release';
  if (value !== 'release' && value !== 'trial' && value !== 'develop')
    throw new ConfigError(`WECHAT_WXACODE_ENV_VERSION must be release, trial or develop, got "${value}"`);
  return value;
}

function subscribeConfig(env: NodeJS.ProcessEnv): SubscribeConfig {
  try {
    return parseSubscribeConfig(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

/**
 * Reads the environment once into a typed object; throws ConfigError on a value it cannot
 * use. The only side effect: outside production with no SESSION_SECRET, a generated one is
 * kept in `.data/session-secret` (see session-secret.ts).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const production = env.NODE_ENV === 'production';
  const port = int(env.PORT, 3000, 'PORT');
  const dataDir = resolve(REPO_ROOT, '.data');
  const apps = {} as Record<AppName, WechatAppCredentials>;
  for (const name of ['mall', 'campaign', 'tools'] as const) {
    const prefix = `WECHAT_${name.toUpperCase()}`;
    apps[name] = {
      appid: optional(env[`${prefix}_APPID`]) ?? DEFAULT_WECHAT_APPS[name].appid,
      secret: optional(env[`${prefix}_SECRET`]) ?? DEFAULT_WECHAT_APPS[name].secret,
    };
  }
  const webRoot = optional(env.WEB_ROOT);
  const publicBaseUrl = (optional(env.PUBLIC_BASE_URL) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const seedDemo = flag(env.SEED_DEMO, 'SEED_DEMO');
  // Demo shoppers and products in a real shop's database would be sold to real people.
  if (production && seedDemo) throw new ConfigError('SEED_DEMO must be off when NODE_ENV=production');
  const jobsTimeTravel = flag(env.JOBS_TIME_TRAVEL, 'JOBS_TIME_TRAVEL');
  // Running deadlines early in a real shop would cancel orders and refund groups before time.
  if (production && jobsTimeTravel) throw new ConfigError('JOBS_TIME_TRAVEL must be off when NODE_ENV=production');
  return {
    port,
    host: optional(env.HOST) ?? '127.0.0.1',
    publicBaseUrl,
    databaseUrl: optional(env.DATABASE_URL),
    pgliteDir: resolve(REPO_ROOT, optional(env.PGLITE_DIR) ?? '.data/pglite'),
    sessionSecret: sessionSecret(env, production, dataDir),
    sessionTtlSeconds: int(env.SESSION_TTL_SECONDS, 30 * 24 * 3600, 'SESSION_TTL_SECONDS'),
    devLogin: flag(env.DEV_LOGIN, 'DEV_LOGIN'),
    seedDemo,
    jobsTimeTravel,
    wechat: {
      apiBase: (optional(env.WECHAT_API_BASE) ?? 'https://api.weixin.qq.com').replace(/\/+$/, ''),
      apps,
    },
    webRoot: webRoot ? resolve(REPO_ROOT, webRoot) : null,
    logLevel: optional(env.LOG_LEVEL) ?? 'info',
    catalogCacheTtlMs: int(env.CATALOG_CACHE_TTL_MS, 5000, 'CATALOG_CACHE_TTL_MS'),
    jobIntervalMs: int(env.JOB_INTERVAL_MS, 5000, 'JOB_INTERVAL_MS'),
    wechatPay: wechatPayConfig(env, production, publicBaseUrl),
    opsApiToken: opsApiToken(env),
    uploadDir: resolve(REPO_ROOT, optional(env.UPLOAD_DIR) ?? DEFAULT_UPLOAD_DIR),
    reviewRewardPoints: int(env.REVIEW_REWARD_POINTS, DEFAULT_REVIEW_REWARD_POINTS, 'REVIEW_REWARD_POINTS'),
    subscribe: subscribeConfig(env),
    redisUrl: optional(env.REDIS_URL),
    wxacodeEnvVersion: wxacodeEnvVersion(env),
    commissionSettleDays: int(env.COMMISSION_SETTLE_DAYS, 7, 'COMMISSION_SETTLE_DAYS'),
  };
}
