import { describe, expect, it } from 'vitest';
import { parseSubscribeConfig } from './subscribe.config';

const SHIPPED = {
  app: 'mall',
  kind: 'order_shipped',
  templateId: 'abc_DEF-123',
  fields: { thing1: 'goods', time2: 'shippedAt' },
};

describe('WECHAT_SUBSCRIBE_TEMPLATES', () => {
  it('is empty when unset: no notices, nothing asked', () => {
    expect(parseSubscribeConfig({})).toEqual({ templates: [], miniprogramState: 'formal' });
  });

  it('reads templates and the mini-program state', () => {
    const config = parseSubscribeConfig({
      WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify([SHIPPED]),
      WECHAT_SUBSCRIBE_STATE: 'developer',
    });
    expect(config).toEqual({ templates: [SHIPPED], miniprogramState: 'developer' });
  });

  it.each([
    ['not JSON', '{', /JSON array/],
    ['an unknown kind', JSON.stringify([{ ...SHIPPED, kind: 'order_paid' }]), /not a list/],
    [
      'a value the notice lacks',
      JSON.stringify([{ ...SHIPPED, fields: { thing1: 'refundedAt' } }]),
      /no value "refundedAt"/,
    ],
    ['an unsupported field key', JSON.stringify([{ ...SHIPPED, fields: { name1: 'goods' } }]), /name1/],
    [
      'two templates for one notice in one app',
      JSON.stringify([SHIPPED, { ...SHIPPED, templateId: 'other' }]),
      /two order_shipped/,
    ],
  ])('refuses %s', (_name, value, message) => {
    expect(() => parseSubscribeConfig({ WECHAT_SUBSCRIBE_TEMPLATES: value })).toThrow(message);
  });

  it('refuses an unknown WECHAT_SUBSCRIBE_STATE', () => {
    expect(() => parseSubscribeConfig({ WECHAT_SUBSCRIBE_STATE: 'beta' })).toThrow(/WECHAT_SUBSCRIBE_STATE/);
  });
});
