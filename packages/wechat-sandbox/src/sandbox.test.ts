import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './sandbox';
import { sandboxOpenid, sandboxUnionid } from './state/identities';

const MALL = { appid: 'wxmall', secret: 'mall-secret' };
const CAMPAIGN = { appid: 'wxcampaign', secret: 'campaign-secret' };

function setup(): { sandbox: Sandbox; clock: { now: Date; advance(ms: number): void } } {
  const clock = {
    now: new Date('2026-01-01T00:00:00Z'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const sandbox = createSandbox({
    apps: [MALL, CAMPAIGN, { appid: 'wxnounion', secret: 's', unionid: false }],
    clock: () => clock.now,
  });
  return { sandbox, clock };
}

async function code2Session(sandbox: Sandbox, query: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await sandbox.app.inject({ method: 'GET', url: '/sns/jscode2session', query });
  expect(response.statusCode).toBe(200);
  return JSON.parse(response.body) as Record<string, unknown>;
}

const login = (app: { appid: string; secret: string }, code: string) => ({
  appid: app.appid,
  secret: app.secret,
  js_code: code,
  grant_type: 'authorization_code',
});

describe('wechat sandbox: jscode2session', () => {
  let current: Sandbox | undefined;
  afterEach(async () => {
    await current?.app.close();
  });

  it('exchanges a code once for openid, session_key and unionid', async () => {
    const { sandbox } = setup();
    current = sandbox;
    const code = sandbox.issueLoginCode(MALL.appid, 'alice');
    const body = await code2Session(sandbox, login(MALL, code));
    expect(body).toMatchObject({ openid: sandboxOpenid(MALL.appid, 'alice'), unionid: sandboxUnionid('alice') });
    expect(typeof body.session_key).toBe('string');
    expect(body.openid).toHaveLength(28);

    // Given the same code again, when exchanged, then WeChat's "code been used".
    const again = await code2Session(sandbox, login(MALL, code));
    expect(again.errcode).toBe(40163);
    expect(again.openid).toBeUndefined();
  });

  it('gives one unionid per person across apps and a different openid per app', async () => {
    const { sandbox } = setup();
    current = sandbox;
    const inMall = await code2Session(sandbox, login(MALL, sandbox.issueLoginCode(MALL.appid, 'alice')));
    const inCampaign = await code2Session(sandbox, login(CAMPAIGN, sandbox.issueLoginCode(CAMPAIGN.appid, 'alice')));
    const bobInMall = await code2Session(sandbox, login(MALL, sandbox.issueLoginCode(MALL.appid, 'bob')));
    expect(inMall.unionid).toBe(inCampaign.unionid);
    expect(inMall.openid).not.toBe(inCampaign.openid);
    expect(bobInMall.unionid).not.toBe(inMall.unionid);
    expect(bobInMall.openid).not.toBe(inMall.openid);
  });

  it('answers with WeChat errcodes for bad appid, secret, code and grant_type', async () => {
    const { sandbox } = setup();
    current = sandbox;
    const code = sandbox.issueLoginCode(MALL.appid, 'alice');
    expect((await code2Session(sandbox, { ...login(MALL, code), appid: 'wxnope' })).errcode).toBe(40013);
    expect((await code2Session(sandbox, { ...login(MALL, code), secret: 'wrong' })).errcode).toBe(40125);
    expect((await code2Session(sandbox, login(MALL, 'not-a-code'))).errcode).toBe(40029);
    expect((await code2Session(sandbox, { ...login(MALL, code), grant_type: 'password' })).errcode).toBe(40002);
    // A mall code is not valid for the campaign app.
    expect((await code2Session(sandbox, login(CAMPAIGN, code))).errcode).toBe(40029);
    // None of the failures consumed the code.
    expect((await code2Session(sandbox, login(MALL, code))).openid).toBe(sandboxOpenid(MALL.appid, 'alice'));
  });

  it('expires codes after five minutes', async () => {
    const { sandbox, clock } = setup();
    current = sandbox;
    const fresh = sandbox.issueLoginCode(MALL.appid, 'alice');
    const stale = sandbox.issueLoginCode(MALL.appid, 'alice');
    clock.advance(4 * 60 * 1000);
    expect((await code2Session(sandbox, login(MALL, fresh))).openid).toBeDefined();
    clock.advance(60 * 1000);
    expect((await code2Session(sandbox, login(MALL, stale))).errcode).toBe(40029);
  });

  it('omits unionid for an app without an open-platform binding', async () => {
    const { sandbox } = setup();
    current = sandbox;
    const code = sandbox.issueLoginCode('wxnounion', 'alice');
    const body = await code2Session(sandbox, {
      appid: 'wxnounion',
      secret: 's',
      js_code: code,
      grant_type: 'authorization_code',
    });
    expect(body.openid).toBe(sandboxOpenid('wxnounion', 'alice'));
    expect(body).not.toHaveProperty('unionid');
  });

  it('issues codes over HTTP in place of wx.login, with CORS for H5 pages', async () => {
    const { sandbox } = setup();
    current = sandbox;
    const issued = await sandbox.app.inject({
      method: 'POST',
      url: '/sandbox/login',
      payload: { appid: MALL.appid, user: 'carol' },
    });
    const { code } = issued.json() as { code: string };
    expect(issued.headers['access-control-allow-origin']).toBe('*');
    expect((await code2Session(sandbox, login(MALL, code))).openid).toBe(sandboxOpenid(MALL.appid, 'carol'));

    const unknown = await sandbox.app.inject({
      method: 'POST',
      url: '/sandbox/login',
      payload: { appid: 'wxnope', user: 'carol' },
    });
    expect(unknown.json()).toMatchObject({ errcode: 40013 });
    const preflight = await sandbox.app.inject({ method: 'OPTIONS', url: '/sandbox/login' });
    expect(preflight.statusCode).toBe(204);
  });
});

describe('wechat sandbox: stable_token', () => {
  let current: Sandbox | undefined;
  afterEach(async () => {
    await current?.app.close();
  });

  const stable = (sandbox: Sandbox, payload: Record<string, unknown>) =>
    sandbox.app
      .inject({ method: 'POST', url: '/cgi-bin/stable_token', payload })
      .then((r) => r.json() as Record<string, unknown>);

  it('returns the same token until force_refresh or expiry', async () => {
    const { sandbox, clock } = setup();
    current = sandbox;
    const base = { grant_type: 'client_credential', appid: MALL.appid, secret: MALL.secret };
    const first = await stable(sandbox, base);
    expect(first.expires_in).toBe(7200);
    expect(typeof first.access_token).toBe('string');
    clock.advance(1000 * 1000);
    const second = await stable(sandbox, base);
    expect(second.access_token).toBe(first.access_token);
    expect(second.expires_in).toBe(6200);
    expect(sandbox.accessTokens.verify(first.access_token as string)).toEqual({ appid: MALL.appid });

    const forced = await stable(sandbox, { ...base, force_refresh: true });
    expect(forced.access_token).not.toBe(first.access_token);
    expect(sandbox.accessTokens.verify(first.access_token as string)).toBeNull();

    clock.advance(7200 * 1000);
    expect(sandbox.accessTokens.verify(forced.access_token as string)).toBeNull();
    const afterExpiry = await stable(sandbox, base);
    expect(afterExpiry.access_token).not.toBe(forced.access_token);
    expect(sandbox.accessTokens.issued).toBe(3);
  });

  it('rejects bad credentials with WeChat errcodes', async () => {
    const { sandbox } = setup();
    current = sandbox;
    expect(await stable(sandbox, { grant_type: 'client_credential', appid: 'wxnope', secret: 'x' })).toMatchObject({
      errcode: 40013,
    });
    expect(await stable(sandbox, { grant_type: 'client_credential', appid: MALL.appid, secret: 'x' })).toMatchObject({
      errcode: 40125,
    });
    expect(await stable(sandbox, { grant_type: 'password', appid: MALL.appid, secret: MALL.secret })).toMatchObject({
      errcode: 40002,
    });
    expect(sandbox.accessTokens.issued).toBe(0);
  });
});
