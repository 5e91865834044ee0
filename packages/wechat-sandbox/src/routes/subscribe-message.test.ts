import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../sandbox';
import { addDemoSubscribeTemplates } from '../subscribe-demo';

const MALL = { appid: 'wxmall', secret: 'mall-secret' };
const CAMPAIGN = { appid: 'wxcampaign', secret: 'campaign-secret' };
const SHIPPED_DATA = {
  character_string1: { value: 'WM20261206001' },
  thing2: { value: '云朵跑鞋 等2件' },
  thing3: { value: '顺丰速运' },
  character_string4: { value: 'SF1234567890' },
  time5: { value: '2026年12月6日 12:05' },
};

describe('wechat sandbox: subscribeMessage.send', () => {
  let sandbox: Sandbox;
  let shippedId: string;
  let refundId: string;
  let token: string;
  let openid: string;

  async function post(url: string, payload: unknown): Promise<Record<string, unknown>> {
    const response = await sandbox.app.inject({ method: 'POST', url, payload: payload as object });
    expect(response.statusCode).toBe(200);
    return response.json() as Record<string, unknown>;
  }
  async function tokenOf(app: typeof MALL): Promise<string> {
    const answer = await post('/cgi-bin/stable_token', { grant_type: 'client_credential', ...app });
    return answer.access_token as string;
  }
  async function openidOf(app: typeof MALL, user: string): Promise<string> {
    const { code } = await post('/sandbox/login', { appid: app.appid, user });
    const response = await sandbox.app.inject({
      method: 'GET',
      url: '/sns/jscode2session',
      query: { appid: app.appid, secret: app.secret, js_code: code as string, grant_type: 'authorization_code' },
    });
    return (JSON.parse(response.body) as { openid: string }).openid;
  }
  const send = (body: Record<string, unknown>, accessToken = token) =>
    post(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(accessToken)}`, {
      touser: openid,
      template_id: shippedId,
      page: 'pkg-order/detail/index?id=1',
      data: SHIPPED_DATA,
      miniprogram_state: 'developer',
      ...body,
    });

  beforeEach(async () => {
    sandbox = createSandbox({ apps: [MALL, CAMPAIGN], clock: () => new Date('2026-12-06T04:05:00Z') });
    [shippedId, refundId] = addDemoSubscribeTemplates(sandbox.subscribe, MALL.appid).map((t) => t.templateId) as [
      string,
      string,
    ];
    token = await tokenOf(MALL);
    openid = await openidOf(MALL, 'lin');
  });
  afterEach(async () => {
    await sandbox.app.close();
  });

  it('delivers a message with every keyword filled and lists it', async () => {
    const answer = await send({});
    expect(answer).toMatchObject({ errcode: 0, errmsg: 'ok' });
    expect(typeof answer.msgid).toBe('number');
    const listed = await sandbox.app.inject({ method: 'GET', url: `/sandbox/subscribe/messages?touser=${openid}` });
    expect(listed.json()).toEqual({
      items: [
        {
          msgid: answer.msgid,
          appid: MALL.appid,
          touser: openid,
          templateId: shippedId,
          page: 'pkg-order/detail/index?id=1',
          miniprogramState: 'developer',
          data: SHIPPED_DATA,
          sentAt: '2026-12-06T04:05:00.000Z',
        },
      ],
    });
  });

  it('answers WeChat errcodes for a bad token, openid, template or data, delivering nothing', async () => {
    expect((await send({}, 'nope')).errcode).toBe(40001);
    expect((await send({ touser: 'o_never_issued_by_the_sandbox00' })).errcode).toBe(40003);
    // An openid of another app of the same shopper is not this app's.
    const campaignOpenid = await openidOf(CAMPAIGN, 'lin');
    expect((await send({ touser: campaignOpenid })).errcode).toBe(40003);
    expect((await send({ template_id: 'unknown' })).errcode).toBe(40037);
    // The template belongs to the mall: the campaign app's token cannot use it.
    expect((await send({ touser: campaignOpenid }, await tokenOf(CAMPAIGN))).errcode).toBe(40037);
    const tooLong = { ...SHIPPED_DATA, thing2: { value: '一二三四五六七八九十一二三四五六七八九十一' } };
    expect(await send({ data: tooLong })).toMatchObject({ errcode: 47003, errmsg: expect.stringContaining('thing2') });
    const { time5: _missing, ...partial } = SHIPPED_DATA;
    expect((await send({ data: partial })).errcode).toBe(47003);
    expect((await send({ data: { ...SHIPPED_DATA, thing9: { value: 'x' } } })).errcode).toBe(47003);
    expect((await send({ data: { ...SHIPPED_DATA, character_string4: { value: '顺丰1' } } })).errcode).toBe(47003);
    expect((await send({ data: { ...SHIPPED_DATA, time5: { value: '明天' } } })).errcode).toBe(47003);
    expect((await send({ miniprogram_state: 'beta' })).errcode).toBe(47003);
    const refundData = {
      character_string1: { value: 'WM1' },
      thing2: { value: '跑鞋' },
      amount3: { value: '¥12345678901' },
      time4: { value: '2026年12月6日 12:05' },
    };
    expect((await send({ template_id: refundId, data: refundData })).errcode).toBe(47003);
    expect(
      (await send({ template_id: refundId, data: { ...refundData, amount3: { value: '¥419.00' } } })).errcode,
    ).toBe(0);
    expect(sandbox.subscribe.messages({ templateId: shippedId })).toEqual([]);
  });

  it('answers 43101 once the shopper refused the template', async () => {
    expect(await post('/sandbox/subscribe/refusals', { touser: openid, template_id: shippedId })).toMatchObject({
      errcode: 0,
    });
    expect((await send({})).errcode).toBe(43101);
    expect(sandbox.subscribe.messages()).toEqual([]);
  });
});
