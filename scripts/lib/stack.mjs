import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { waitForHttp } from './net.mjs';
import { APPS, h5DistDir, ROOT } from './paths.mjs';
import { startService, stopServices } from './proc.mjs';

/**
 * Demo app ids, WeChat-shaped (`wx` + 16 hex: the hex spells mall-dev / campaign / tools-wm).
 * They identify the apps to the local sandbox only; real ids come from the env at release.
 */
export const DEMO_APPIDS = {
  mall: 'wx6d616c6c2d646576',
  campaign: 'wx63616d706169676e',
  tools: 'wx746f6f6c732d776d',
};

/**
 * WECHAT_{APP}_{APPID,SECRET} for the sandbox and the API. Secrets are random per start
 * (32 hex like WeChat's) unless the env sets them, so no demo secret ever sits in the repo
 * or survives a restart.
 */
export function wechatCredentialsEnv(env = process.env, random = (n) => randomBytes(n).toString('hex')) {
  const out = {};
  for (const app of APPS) {
    const prefix = `WECHAT_${app.toUpperCase()}`;
    out[`${prefix}_APPID`] = env[`${prefix}_APPID`] || DEMO_APPIDS[app];
    out[`${prefix}_SECRET`] = env[`${prefix}_SECRET`] || random(16);
  }
  return out;
}

/**
 * WECHATPAY_* for the API, acting as the sandbox's demo merchant: the sandbox generates the
 * merchant's keys at start and writes them to `payDir` (packages/wechat-sandbox/src/pay/
 * merchant-files.ts: apiclient_key.pem, pub_key.pem, merchant.json). Key files are passed by
 * path, never copied into the env of other processes' logs; `payDir` is under the git-ignored
 * .data/. `mode` is the sandbox's WECHAT_SANDBOX_PAY_MODE: public_key (微信支付公钥) or
 * certificate (platform certificates from /v3/certificates).
 */
export function sandboxMerchantEnv({ payDir, sandboxUrl, mode = 'public_key' }) {
  const settings = JSON.parse(readFileSync(join(payDir, 'merchant.json'), 'utf8'));
  return {
    WECHATPAY_MCHID: settings.mchid,
    WECHATPAY_MERCHANT_SERIAL: settings.merchantSerial,
    WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: join(payDir, 'apiclient_key.pem'),
    WECHATPAY_APIV3_KEY: settings.apiV3Key,
    ...(mode === 'certificate'
      ? {}
      : { WECHATPAY_PUBLIC_KEY_FILE: join(payDir, 'pub_key.pem'), WECHATPAY_PUBLIC_KEY_ID: settings.publicKeyId }),
    WECHATPAY_API_BASE: sandboxUrl,
    // The H5 demo pays on the sandbox's page (支付 / 取消) instead of WeChat's sheet.
    WECHATPAY_SANDBOX_PAY_PAGE: sandboxUrl,
  };
}

/**
 * WECHAT_SUBSCRIBE_TEMPLATES for the API: the sandbox registers the demo shop's subscribe
 * templates with fresh ids at start and writes them, in the API's format, next to the
 * merchant files (packages/wechat-sandbox/src/subscribe-demo.ts). Empty when it wrote none.
 */
export function sandboxSubscribeEnv({ payDir }) {
  const file = join(payDir, 'subscribe-templates.json');
  if (!existsSync(file)) return {};
  // Notices of the local demo open the developer version of the mini-program.
  return { WECHAT_SUBSCRIBE_TEMPLATES: readFileSync(file, 'utf8').trim(), WECHAT_SUBSCRIBE_STATE: 'developer' };
}

/**
 * The API serves WEB_ROOT/<app>/ for each app; the builds live in apps/<app>/dist/h5, so
 * WEB_ROOT is a folder of relative symlinks (rebuilt each time, cheap, always current).
 */
export function prepareWebRoot(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const app of APPS) symlinkSync(relative(dir, h5DistDir(app)), join(dir, app), 'dir');
  return dir;
}

/** Apps whose H5 build is missing (nothing to serve at /<app>/). */
export function missingH5Builds() {
  return APPS.filter((app) => !existsSync(join(h5DistDir(app), 'index.html')));
}

const tsx = (entry) => ({ command: process.execPath, args: ['--import', 'tsx', entry] });

/**
 * Starts the WeChat sandbox, then the API pointed at it, and waits until both answer.
 * `logDir` sends their output to files (tests); otherwise it is prefixed onto ours
 * (through `format`, if given).
 * Returns the running services and a `stop()` that takes both process groups down. Pass
 * your own `services` array to see them as they start (to stop them on an early Ctrl-C).
 *
 * @param {{
 *   apiPort: number, sandboxPort: number, host?: string, publicBaseUrl?: string,
 *   webRoot: string, pgliteDir: string, databaseUrl?: string, sessionSecret?: string,
 *   extraEnv?: Record<string, string>, logDir?: string,
 *   prefixes?: { sandbox?: string, api?: string }, format?: (line: string) => string,
 *   timeoutMs?: number, services?: Array<ReturnType<typeof startService>>,
 * }} options
 */
export async function startStack({
  apiPort,
  sandboxPort,
  host = '127.0.0.1',
  publicBaseUrl = `http://localhost:${apiPort}`,
  webRoot,
  pgliteDir,
  databaseUrl,
  sessionSecret,
  extraEnv = {},
  logDir,
  prefixes = {},
  format,
  timeoutMs = 90_000,
  services = [],
}) {
  const credentials = wechatCredentialsEnv();
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  // One folder per sandbox port, emptied first: the API must never read a previous run's merchant.
  const payDir = join(ROOT, '.data', `sandbox-pay-${sandboxPort}`);
  rmSync(payDir, { recursive: true, force: true });
  const payMode = process.env.WECHAT_SANDBOX_PAY_MODE === 'certificate' ? 'certificate' : 'public_key';
  const baseEnv = { ...process.env, ...credentials, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' };
  // The demo merchant's keys die with the sandbox that made them (npm start's fixed port reuses its folder).
  const stop = async () => {
    await stopServices(services);
    rmSync(payDir, { recursive: true, force: true });
  };
  try {
    services.push(
      startService({
        name: 'sandbox',
        ...tsx('packages/wechat-sandbox/src/main.ts'),
        env: {
          ...baseEnv,
          WECHAT_SANDBOX_PORT: String(sandboxPort),
          WECHAT_SANDBOX_HOST: '127.0.0.1',
          WECHAT_SANDBOX_PAY_DIR: payDir,
        },
        prefix: prefixes.sandbox,
        format,
        logFile: logDir && join(logDir, 'sandbox.log'),
      }),
    );
    await waitForHttp(`${sandboxUrl}/sandbox/health`, { timeoutMs, isDead: services[0].isDead });

    const apiEnv = {
      ...baseEnv,
      PORT: String(apiPort),
      HOST: host,
      PUBLIC_BASE_URL: publicBaseUrl,
      // Unset: the API keeps a generated secret in .data/session-secret (sign-ins survive restarts).
      ...(sessionSecret ? { SESSION_SECRET: sessionSecret } : {}),
      DEV_LOGIN: 'on',
      // The demo catalog and shoppers, into an empty database only (the API never seeds unasked).
      SEED_DEMO: '1',
      WECHAT_API_BASE: sandboxUrl,
      // WeChat Pay as the sandbox's demo merchant, unless the env names a merchant of its own.
      ...(process.env.WECHATPAY_MCHID ? {} : sandboxMerchantEnv({ payDir, sandboxUrl, mode: payMode })),
      // The sandbox's demo subscribe templates, unless the env names templates of its own.
      ...(process.env.WECHAT_SUBSCRIBE_TEMPLATES ? {} : sandboxSubscribeEnv({ payDir })),
      WEB_ROOT: webRoot,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { PGLITE_DIR: pgliteDir }),
      ...extraEnv,
    };
    if (!databaseUrl) delete apiEnv.DATABASE_URL;
    services.push(
      startService({
        name: 'api',
        ...tsx('apps/api/src/server.ts'),
        env: apiEnv,
        prefix: prefixes.api,
        format,
        logFile: logDir && join(logDir, 'api.log'),
      }),
    );
    await waitForHttp(`http://127.0.0.1:${apiPort}/api/health`, { timeoutMs, isDead: services[1].isDead });
  } catch (error) {
    await stop();
    throw error;
  }
  return { services, sandboxUrl, apiUrl: `http://127.0.0.1:${apiPort}`, stop };
}
