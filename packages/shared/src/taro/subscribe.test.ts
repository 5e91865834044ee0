import { beforeEach, describe, expect, it, vi } from 'vitest';

// The ask over a fake Taro (requestSubscribeMessage a spy) and a fake API client.
const fake = vi.hoisted(() => ({
  taro: { requestSubscribeMessage: vi.fn() as ((option: Record<string, unknown>) => void) | undefined },
  templates: vi.fn(),
  record: vi.fn(),
}));
vi.mock('@tarojs/taro', () => ({ default: fake.taro }));
vi.mock('./client', () => ({
  createWeMatrixClient: () => ({ api: { subscribe: { templates: fake.templates, record: fake.record } } }),
}));

const TEMPLATES = {
  app: 'mall',
  templates: [
    { kind: 'order_shipped', templateId: 'T-SHIP' },
    { kind: 'refund_succeeded', templateId: 'T-REFUND' },
  ],
};

async function loadFresh() {
  vi.resetModules();
  return import('./subscribe');
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  vi.clearAllMocks();
  fake.taro.requestSubscribeMessage = vi.fn();
  fake.templates.mockResolvedValue(TEMPLATES);
  fake.record.mockResolvedValue({ app: 'mall', quotas: [] });
  process.env.TARO_ENV = 'weapp';
});

describe('asking for subscribe messages', () => {
  it('asks WeChat in the same tick for the kinds asked, then reports accepted and refused ids', async () => {
    const subscribe = await loadFresh();
    subscribe.prefetchSubscribeTemplates('mall');
    await flush();
    expect(fake.templates).toHaveBeenCalledWith('mall');

    const asked = subscribe.askSubscribe('mall', ['order_shipped']);
    // Synchronously: WeChat only shows its sheet for a call made inside the tap.
    expect(fake.taro.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    const option = vi.mocked(fake.taro.requestSubscribeMessage)?.mock.calls[0]?.[0] as {
      tmplIds: string[];
      success(answer: object): void;
      complete(): void;
    };
    expect(option.tmplIds).toEqual(['T-SHIP']);
    option.success({ errMsg: 'requestSubscribeMessage:ok', 'T-SHIP': 'accept', other: 'accept' });
    option.complete();
    await expect(asked).resolves.toBeUndefined();
    expect(fake.record).toHaveBeenCalledWith({ app: 'mall', results: { 'T-SHIP': 'accept' } });
  });

  it('resolves without reporting when the sheet fails, and when the report fails', async () => {
    const subscribe = await loadFresh();
    subscribe.prefetchSubscribeTemplates('mall');
    await flush();
    fake.record.mockRejectedValue(new Error('offline'));
    const asked = subscribe.askSubscribe('mall', ['refund_succeeded']);
    const option = vi.mocked(fake.taro.requestSubscribeMessage)?.mock.calls[0]?.[0] as {
      tmplIds: string[];
      success(answer: object): void;
      complete(): void;
    };
    expect(option.tmplIds).toEqual(['T-REFUND']);
    option.success({ 'T-REFUND': 'reject' });
    option.complete();
    await expect(asked).resolves.toBeUndefined();
    await flush();
  });

  it('asks nothing before the templates are known or when none are configured', async () => {
    const subscribe = await loadFresh();
    await subscribe.askSubscribe('mall', ['order_shipped']);
    fake.templates.mockResolvedValue({ app: 'mall', templates: [] });
    subscribe.prefetchSubscribeTemplates('mall');
    await flush();
    await subscribe.askSubscribe('mall', ['order_shipped']);
    expect(fake.taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('asks nothing and fetches nothing in H5 or on a base library without the API', async () => {
    process.env.TARO_ENV = 'h5';
    let subscribe = await loadFresh();
    subscribe.prefetchSubscribeTemplates('mall');
    await subscribe.askSubscribe('mall', ['order_shipped']);
    process.env.TARO_ENV = 'weapp';
    fake.taro.requestSubscribeMessage = undefined;
    subscribe = await loadFresh();
    subscribe.prefetchSubscribeTemplates('mall');
    await subscribe.askSubscribe('mall', ['order_shipped']);
    expect(fake.templates).not.toHaveBeenCalled();
    expect(fake.record).not.toHaveBeenCalled();
  });
});
