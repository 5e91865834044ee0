import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, REPO_ROOT } from './config';
import { loadOrCreateSessionSecret } from './session-secret';

const base = { SESSION_SECRET: 's'.repeat(40) };

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      publicBaseUrl: 'http://localhost:3000',
      databaseUrl: null,
      pgliteDir: join(REPO_ROOT, '.data/pglite'),
      devLogin: false,
      webRoot: null,
      wechat: { apiBase: 'https://api.weixin.qq.com' },
    });
    expect(config.wechat.apps.mall.appid).toMatch(/^wx[0-9a-f]{16}$/);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      ...base,
      PORT: '4000',
      HOST: '0.0.0.0',
      PUBLIC_BASE_URL: 'https://shop.example.com/',
      DATABASE_URL: 'postgres://u@h/db',
      PGLITE_DIR: '/tmp/x',
      DEV_LOGIN: 'on',
      WECHAT_API_BASE: 'http://127.0.0.1:3100/',
      WECHAT_CAMPAIGN_APPID: 'wxabc',
      WECHAT_CAMPAIGN_SECRET: 'sec',
      WEB_ROOT: '.data/web-root',
    });
    expect(config).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
      publicBaseUrl: 'https://shop.example.com',
      databaseUrl: 'postgres://u@h/db',
      pgliteDir: '/tmp/x',
      devLogin: true,
      webRoot: join(REPO_ROOT, '.data/web-root'),
      wechat: { apiBase: 'http://127.0.0.1:3100' },
    });
    expect(config.wechat.apps.campaign).toEqual({ appid: 'wxabc', secret: 'sec' });
    expect(loadConfig({ ...base, PORT: '4000' }).publicBaseUrl).toBe('http://localhost:4000');
  });

  it('refuses values it cannot understand', () => {
    expect(() => loadConfig({ ...base, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ ...base, DEV_LOGIN: 'maybe' })).toThrow(/DEV_LOGIN/);
    expect(() => loadConfig({ ...base, SEED_DEMO: 'please' })).toThrow(/SEED_DEMO/);
  });

  it('reads the 分销 settlement window (COMMISSION_SETTLE_DAYS, default 7) and refuses a stray transfer setting', () => {
    expect(loadConfig(base).commissionSettleDays).toBe(7);
    expect(loadConfig({ ...base, COMMISSION_SETTLE_DAYS: '14' }).commissionSettleDays).toBe(14);
    expect(loadConfig({ ...base, COMMISSION_SETTLE_DAYS: '0' }).commissionSettleDays).toBe(0);
    expect(() => loadConfig({ ...base, COMMISSION_SETTLE_DAYS: 'a week' })).toThrow(/COMMISSION_SETTLE_DAYS/);
    expect(() => loadConfig({ ...base, WECHATPAY_TRANSFER_SCENE_ID: '1005' })).toThrow(
      /WECHATPAY_TRANSFER_SCENE_ID is set but WECHATPAY_MCHID is not/,
    );
  });

  it('turns the operator routes on only with an OPS_API_TOKEN of 32+ characters', () => {
    expect(loadConfig(base).opsApiToken).toBeNull();
    const token = 'o'.repeat(32);
    expect(loadConfig({ ...base, OPS_API_TOKEN: ` ${token} ` }).opsApiToken).toBe(token);
    expect(() => loadConfig({ ...base, OPS_API_TOKEN: 'o'.repeat(31) })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, OPS_API_TOKEN: `${'o'.repeat(20)} ${'o'.repeat(20)}` })).toThrow(
      /OPS_API_TOKEN/,
    );
  });

  it('seeds demo data only when SEED_DEMO asks', () => {
    expect(loadConfig(base).seedDemo).toBe(false);
    expect(loadConfig({ ...base, SEED_DEMO: '1' }).seedDemo).toBe(true);
    expect(loadConfig({ ...base, SEED_DEMO: 'off' }).seedDemo).toBe(false);
  });

  describe('in production (NODE_ENV=production)', () => {
    const production = { ...base, NODE_ENV: 'production' };
    it.each([
      ['no SESSION_SECRET', { SESSION_SECRET: undefined }, /^SESSION_SECRET is required when NODE_ENV=production/],
      ['a blank SESSION_SECRET', { SESSION_SECRET: '  ' }, /^SESSION_SECRET is required/],
      ['a short SESSION_SECRET', { SESSION_SECRET: 'short' }, /^SESSION_SECRET must be at least 32 characters/],
      ['SEED_DEMO on', { SEED_DEMO: '1' }, /^SEED_DEMO must be off when NODE_ENV=production/],
    ])('refuses to start with %s, naming the variable', (_name, env, message) => {
      expect(() => loadConfig({ ...production, ...env })).toThrow(ConfigError);
      expect(() => loadConfig({ ...production, ...env })).toThrow(message);
    });

    it('starts with a shared SESSION_SECRET and no demo seeding', () => {
      expect(loadConfig(production)).toMatchObject({ sessionSecret: base.SESSION_SECRET, seedDemo: false });
    });
  });
});

describe('loadOrCreateSessionSecret', () => {
  it('generates a secret once, keeps it private, and reuses it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wm-secret-')), 'nested', 'session-secret');
    const first = loadOrCreateSessionSecret(file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSessionSecret(file)).toBe(first);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
  });
});
