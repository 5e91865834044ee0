// The release CLI end to end against the real miniprogram-ci (offline parts only), over a
// temporary repository holding three small weapp builds and a throwaway RSA key.
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = join(dirname(fileURLToPath(import.meta.url)), 'cli.mjs');
const APPIDS = { mall: 'wx00000000000000a1', campaign: 'wx00000000000000a2', tools: 'wx00000000000000a3' };
let root;
let keyPath;
let keyPem;

function write(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** What `taro build --type weapp` leaves in apps/<app>/dist/weapp, in miniature. */
function fakeWeappBuild(app) {
  const dist = join(root, 'apps', app, 'dist', 'weapp');
  write(
    join(dist, 'app.json'),
    JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'pkg-more', pages: ['about/index'] }] }),
  );
  write(join(dist, 'app.js'), 'require("./taro.js");App({});');
  write(join(dist, 'taro.js'), `module.exports = ${JSON.stringify('x'.repeat(4000))};`);
  for (const page of ['pages/index/index', 'pkg-more/about/index']) {
    write(join(dist, `${page}.js`), 'Page({});');
    write(join(dist, `${page}.json`), '{}');
    write(join(dist, `${page}.wxml`), '<view>hi</view>');
  }
  write(
    join(dist, 'project.config.json'),
    JSON.stringify({ miniprogramRoot: './', appid: 'touristappid', compileType: 'miniprogram', setting: {} }),
  );
  return dist;
}

/** Runs the CLI in a clean environment (no WECHAT_* from the machine) and collects its output. */
function release(args, env = {}) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('WECHAT_')));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, '--root', root, ...args],
      { env: { ...base, NO_COLOR: '1', ...env }, timeout: 170_000 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const allCredentials = () => ({
  WECHAT_MALL_APPID: APPIDS.mall,
  WECHAT_MALL_PRIVATE_KEY_PATH: keyPath,
  WECHAT_CAMPAIGN_APPID: APPIDS.campaign,
  WECHAT_CAMPAIGN_PRIVATE_KEY_PATH: keyPath,
  WECHAT_TOOLS_APPID: APPIDS.tools,
  // As a CI secret store would hand it over: the PEM text itself.
  WECHAT_TOOLS_PRIVATE_KEY: keyPem,
});

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'release-cli-'));
  write(join(root, 'package.json'), JSON.stringify({ name: 'fixture', version: '1.2.3' }));
  for (const app of Object.keys(APPIDS)) fakeWeappBuild(app);
  keyPem = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  keyPath = join(mkdtempSync(join(tmpdir(), 'release-key-')), 'upload.key');
  writeFileSync(keyPath, keyPem, { mode: 0o600 });
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(dirname(keyPath), { recursive: true, force: true });
});

// Each dry run compiles the apps with WeChat's compiler (a few seconds each, more on a busy machine).
const COMPILING = { timeout: 180_000 };

describe('npm run release -- --dry-run', COMPILING, () => {
  it('passes for all three apps with a throwaway key and prints what would be uploaded', async () => {
    const { code, stdout, stderr } = await release(['--app', 'all', '--dry-run'], allCredentials());
    expect(stderr).not.toMatch(/✖/);
    expect(code).toBe(0);
    for (const [app, appid] of Object.entries(APPIDS)) {
      expect(stdout).toContain(`✓ ${app}: dry run passed, would upload`);
      expect(stdout).toContain(`appid     ${appid}`);
    }
    expect(stdout).toContain('version   1.2.3');
    expect(stdout).toContain('desc      v1.2.3'); // not a git checkout: no commit to name
    expect(stdout).toContain('robot     1');
    expect(stdout).toContain('WECHAT_TOOLS_PRIVATE_KEY (RSA 2048 bit)');
    expect(stdout).toMatch(/files {5}10 in miniprogram-ci's file list/);
    expect(stdout).toContain('dry run: 3 app(s) ready; nothing was uploaded');
    expect(stdout.match(/compile {3}ok, WeChat's compiler \(offline\)/g)).toHaveLength(3);
    // A dry run changes nothing on disk.
    const config = JSON.parse(readFileSync(join(root, 'apps/mall/dist/weapp/project.config.json'), 'utf8'));
    expect(config.appid).toBe('touristappid');
  });

  it('takes --version, --desc, robot and --preview into the plan', async () => {
    const { code, stdout } = await release(
      ['--app', 'campaign', '--version', '2.0.0', '--desc', 'spring', '--preview', '--dry-run'],
      { ...allCredentials(), WECHAT_CI_ROBOT: '7' },
    );
    expect(code).toBe(0);
    expect(stdout).toContain('campaign: dry run passed, would preview');
    expect(stdout).toMatch(/version {3}2\.0\.0\n {4}desc {6}spring\n {4}robot {5}7/);
    expect(stdout).toContain(join(root, 'reports', 'preview-campaign.png'));
  });

  it('fails with one line naming the variable when a key is missing, and uploads nothing', async () => {
    const env = allCredentials();
    delete env.WECHAT_TOOLS_PRIVATE_KEY;
    const { code, stdout, stderr } = await release(['--app', 'all', '--dry-run'], env);
    expect(code).toBe(1);
    expect(stderr).toContain(
      "✖ WECHAT_TOOLS_PRIVATE_KEY_PATH (a key file outside git) or WECHAT_TOOLS_PRIVATE_KEY (the key's PEM text) is not set",
    );
    expect(stderr).toContain('✖ release stopped: 1 problem(s); nothing was uploaded');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(stdout).not.toContain('would upload');
  });

  it('fails naming the appid variable when it is missing or malformed', async () => {
    const env = allCredentials();
    delete env.WECHAT_MALL_APPID;
    env.WECHAT_CAMPAIGN_APPID = 'touristappid';
    const { code, stderr } = await release(['--app', 'all', '--dry-run'], env);
    expect(code).toBe(1);
    expect(stderr).toContain('✖ WECHAT_MALL_APPID is not set');
    expect(stderr).toContain('✖ WECHAT_CAMPAIGN_APPID must be "wx" followed by 16 hex digits, got "touristappid"');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('fails when a key is not an RSA private key', async () => {
    const { code, stderr } = await release(['--app', 'tools', '--dry-run'], {
      ...allCredentials(),
      WECHAT_TOOLS_PRIVATE_KEY: 'not a key',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/✖ WECHAT_TOOLS_PRIVATE_KEY: the value is not a readable PEM private key/);
  });

  it('fails an app whose main package is over budget, naming the file', async () => {
    const dist = join(root, 'apps/mall/dist/weapp');
    write(join(dist, 'assets/hero.png'), Buffer.alloc(1100 * 1024));
    try {
      const { code, stderr } = await release(['--app', 'mall', '--dry-run'], allCredentials());
      expect(code).toBe(1);
      expect(stderr).toMatch(/✖ mall: main package 1\.\d\d MB exceeds our budget of 700\.0 KB; .*assets\/hero\.png/);
    } finally {
      rmSync(join(dist, 'assets'), { recursive: true, force: true });
    }
  });

  it('fails an app that has not been built', async () => {
    rmSync(join(root, 'apps/tools/dist'), { recursive: true, force: true });
    try {
      const { code, stderr } = await release(['--app', 'tools', '--dry-run'], allCredentials());
      expect(code).toBe(1);
      expect(stderr).toContain('tools: no weapp build at');
      expect(stderr).toContain('run npm run build:weapp first');
    } finally {
      fakeWeappBuild('tools');
    }
  });

  it('prints the usage for a command-line mistake', async () => {
    const { code, stderr } = await release(['--dry-run']);
    expect(code).toBe(1);
    expect(stderr).toContain('✖ --app is required: mall, campaign, tools or all');
    expect(stderr).toContain('npm run release -- --app <mall|campaign|tools|all>');
  });
});

describe("release runs WeChat's compiler before it calls an app ready", COMPILING, () => {
  it('refuses an app whose WXML WeChat cannot parse, naming the file and position', async () => {
    // Given: tools' page writes <input> without a closing slash or end tag (html-minifier's habit)
    const page = join(root, 'apps/tools/dist/weapp/pages/index/index.wxml');
    const good = readFileSync(page, 'utf8');
    writeFileSync(page, '<view><input value="{{v}}"></view>');
    try {
      // When: a dry run of tools
      const { code, stdout, stderr } = await release(['--app', 'tools', '--dry-run'], allCredentials());
      // Then: it fails with WeChat's compiler error at pages/index/index.wxml, line 1
      expect(code).toBe(1);
      expect(stderr).toMatch(/pages\/index\/index\.wxml:1:\d+: unexpected end tag: view/);
      expect(stdout).not.toContain('dry run passed');
    } finally {
      writeFileSync(page, good);
    }
  });
});
