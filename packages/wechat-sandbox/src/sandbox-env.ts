import type { SandboxAppCredentials } from './sandbox-app';

/**
 * Demo credentials used when the env sets none. The API's config has the same defaults
 * (apps/api/src/config.ts), so `npm start` works with no env at all.
 */
export const DEFAULT_SANDBOX_APPS = {
  mall: { appid: 'wx6d616c6c2d646576', secret: 'sandbox_secret_mall' },
  campaign: { appid: 'wx63616d706169676e', secret: 'sandbox_secret_campaign' },
  tools: { appid: 'wx746f6f6c732d776d', secret: 'sandbox_secret_tools' },
} as const;

/** Reads WECHAT_{MALL,CAMPAIGN,TOOLS}_{APPID,SECRET}, the same variables the API reads. */
export function sandboxAppsFromEnv(env: NodeJS.ProcessEnv): SandboxAppCredentials[] {
  return (['mall', 'campaign', 'tools'] as const).map((name) => {
    const prefix = `WECHAT_${name.toUpperCase()}`;
    return {
      appid: env[`${prefix}_APPID`] || DEFAULT_SANDBOX_APPS[name].appid,
      secret: env[`${prefix}_SECRET`] || DEFAULT_SANDBOX_APPS[name].secret,
    };
  });
}
