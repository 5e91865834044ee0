import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialEnvNames, normalizePem, parseRobot, readCredentials } from './release-credentials.mjs';
import { keyFileFor, loadRsaKey } from './release-key.mjs';
import { missingPages, projectConfigProblems, withReleaseAppid } from './release-project-config.mjs';

const APPID = 'wx0123456789abcdef';
let dir;
let rsaPem;
let rsaPath;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'release-config-'));
  // A throwaway key: WeChat's upload keys are PKCS#1 RSA PEM files.
  rsaPem = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  rsaPath = join(dir, 'upload.key');
  writeFileSync(rsaPath, rsaPem, { mode: 0o600 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readCredentials', () => {
  it('names the variables per app', () => {
    expect(credentialEnvNames('campaign')).toEqual({
      appid: 'WECHAT_CAMPAIGN_APPID',
      keyPath: 'WECHAT_CAMPAIGN_PRIVATE_KEY_PATH',
      key: 'WECHAT_CAMPAIGN_PRIVATE_KEY',
    });
  });

  it('reads an appid and a key path', () => {
    const env = { WECHAT_MALL_APPID: ` ${APPID} `, WECHAT_MALL_PRIVATE_KEY_PATH: '/secure/mall.key' };
    expect(readCredentials('mall', env)).toEqual({
      credentials: {
        app: 'mall',
        appid: APPID,
        key: { source: 'path', path: '/secure/mall.key', envName: 'WECHAT_MALL_PRIVATE_KEY_PATH' },
      },
      problems: [],
    });
  });

  it('reads an inline PEM secret', () => {
    const { credentials } = readCredentials('tools', { WECHAT_TOOLS_APPID: APPID, WECHAT_TOOLS_PRIVATE_KEY: rsaPem });
    expect(credentials.key).toEqual({ source: 'inline', pem: rsaPem, envName: 'WECHAT_TOOLS_PRIVATE_KEY' });
  });

  it('names each missing variable in one line', () => {
    const { credentials, problems } = readCredentials('mall', { WECHAT_TOOLS_APPID: APPID });
    expect(credentials).toBeNull();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^WECHAT_MALL_APPID is not set/);
    expect(problems[1]).toMatch(/^WECHAT_MALL_PRIVATE_KEY_PATH .* or WECHAT_MALL_PRIVATE_KEY .* is not set/);
    for (const problem of problems) expect(problem).not.toContain('\n');
  });

  it.each(['wx0123', 'WX0123456789ABCDEF', 'wx0123456789abcdeg', 'touristappid', 'wx0123456789abcdef0'])(
    'rejects appid %j',
    (appid) => {
      const { problems } = readCredentials('mall', { WECHAT_MALL_APPID: appid, WECHAT_MALL_PRIVATE_KEY_PATH: '/k' });
      expect(problems).toEqual([`WECHAT_MALL_APPID must be "wx" followed by 16 hex digits, got "${appid}"`]);
    },
  );

  it('refuses two key sources at once rather than guessing', () => {
    const env = { WECHAT_MALL_APPID: APPID, WECHAT_MALL_PRIVATE_KEY_PATH: '/k', WECHAT_MALL_PRIVATE_KEY: rsaPem };
    expect(readCredentials('mall', env).problems).toEqual([
      'set only one of WECHAT_MALL_PRIVATE_KEY_PATH and WECHAT_MALL_PRIVATE_KEY for mall, not both',
    ]);
  });

  it('restores a PEM flattened to one line with literal \\n', () => {
    const flat = rsaPem.trim().split('\n').join('\\n');
    expect(normalizePem(flat)).toBe(rsaPem);
    expect(normalizePem(rsaPem.replace(/\n/g, '\r\n'))).toBe(rsaPem);
  });

  it.each([
    [undefined, 1],
    ['', 1],
    ['7', 7],
    [' 30 ', 30],
  ])('robot %j -> %d', (value, robot) => {
    expect(parseRobot(value)).toBe(robot);
  });
  it.each(['0', '31', '2.5', 'two'])('rejects robot %j', (value) => {
    expect(() => parseRobot(value)).toThrow(/WECHAT_CI_ROBOT must be a whole number from 1 to 30/);
  });
});

describe('upload key', () => {
  it('accepts a generated RSA key from a file and from the environment', () => {
    expect(loadRsaKey({ source: 'path', path: rsaPath, envName: 'K' })).toEqual({
      pem: rsaPem,
      description: 'RSA 2048 bit',
    });
    expect(loadRsaKey({ source: 'inline', pem: rsaPem, envName: 'K' })).toMatchObject({ description: 'RSA 2048 bit' });
  });

  it('rejects a missing file, text that is not a key, and a non-RSA key', () => {
    const ecPem = generateKeyPairSync('ec', {
      namedCurve: 'prime256v1',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }).privateKey;
    expect(
      loadRsaKey({ source: 'path', path: join(dir, 'nope.key'), envName: 'WECHAT_MALL_PRIVATE_KEY_PATH' }),
    ).toEqual({
      problem: `WECHAT_MALL_PRIVATE_KEY_PATH: cannot read ${join(dir, 'nope.key')} (no such file)`,
    });
    expect(loadRsaKey({ source: 'inline', pem: 'hello', envName: 'WECHAT_MALL_PRIVATE_KEY' }).problem).toMatch(
      /^WECHAT_MALL_PRIVATE_KEY: the value is not a readable PEM private key/,
    );
    expect(loadRsaKey({ source: 'inline', pem: ecPem, envName: 'K' })).toEqual({
      problem: 'K: expected an RSA private key, got ec',
    });
  });

  it('writes an inline key to a 0600 temp file and removes it on cleanup', () => {
    const file = keyFileFor({ source: 'inline', pem: rsaPem, envName: 'K' });
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    file.cleanup();
    expect(existsSync(file.path)).toBe(false);
  });

  it('uses a key file where it is, and never deletes it', () => {
    const file = keyFileFor({ source: 'path', path: rsaPath, envName: 'K' });
    expect(file.path).toBe(rsaPath);
    file.cleanup();
    expect(existsSync(rsaPath)).toBe(true);
  });
});

describe('project.config.json', () => {
  const taroOutput = { miniprogramRoot: './', appid: 'touristappid', compileType: 'miniprogram', setting: {} };

  it('is consistent once the release appid is written into Taro output', () => {
    const config = withReleaseAppid(taroOutput, APPID);
    expect(config.appid).toBe(APPID);
    expect(taroOutput.appid).toBe('touristappid');
    expect(projectConfigProblems(config, { app: 'mall', appid: APPID })).toEqual([]);
  });

  it.each([
    [{ ...taroOutput, appid: 'wxffffffffffffffff' }, /appid is "wxffffffffffffffff", expected wx0123456789abcdef/],
    [{ ...taroOutput, appid: APPID, compileType: 'plugin' }, /compileType is "plugin", expected "miniprogram"/],
    [{ ...taroOutput, appid: APPID, compileType: undefined }, /compileType is "", expected "miniprogram"/],
    [{ ...taroOutput, appid: APPID, miniprogramRoot: 'dist/' }, /miniprogramRoot is "dist\/", expected "\.\/"/],
    [[], /is not a JSON object/],
  ])('flags %j', (config, message) => {
    const problems = projectConfigProblems(config, { app: 'mall', appid: APPID });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('accepts the spellings of "this folder" for miniprogramRoot, or none', () => {
    for (const miniprogramRoot of ['', '.', './', undefined]) {
      expect(
        projectConfigProblems(
          { appid: APPID, compileType: 'miniprogram', miniprogramRoot },
          { app: 'mall', appid: APPID },
        ),
      ).toEqual([]);
    }
  });

  it('finds pages declared in app.json without compiled code', () => {
    const appJson = {
      pages: ['pages/index/index', 'pages/cart/index'],
      subPackages: [{ root: 'pkg-order/', pages: ['list/index', 'detail/index'] }],
    };
    const files = new Set(['pages/index/index.js', 'pkg-order/list/index.js', 'pages/cart/index.wxml']);
    expect(missingPages(appJson, files)).toEqual(['pages/cart/index', 'pkg-order/detail/index']);
  });
});
