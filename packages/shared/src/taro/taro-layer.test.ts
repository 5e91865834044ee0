import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The platform layer over a fake Taro: storage is a Map, navigation calls are spies.
const taro = vi.hoisted(() => {
  const storage = new Map<string, unknown>();
  return {
    storage,
    getStorageSync: vi.fn((key: string) => storage.get(key) ?? ''),
    setStorageSync: vi.fn((key: string, value: unknown) => void storage.set(key, value)),
    removeStorageSync: vi.fn((key: string) => void storage.delete(key)),
    request: vi.fn(),
    switchTab: vi.fn(async () => ({})),
    navigateTo: vi.fn(async () => ({})),
    navigateToMiniProgram: vi.fn(async () => ({})),
    showToast: vi.fn(async () => ({})),
  };
});
vi.mock('@tarojs/taro', () => ({ default: taro }));

const { loadSession, saveSession, clearSession } = await import('./session-storage');
const { taroTransport } = await import('./transport');
const { openApp } = await import('./open-app');

const session = {
  token: 'tok',
  expiresAt: '2026-12-01T00:00:00.000Z',
  user: { id: 'u1', nickname: '小红', avatarUrl: null, demoKey: 'xiaohong', createdAt: '2026-11-01T00:00:00.000Z' },
};

beforeEach(() => {
  taro.storage.clear();
  vi.clearAllMocks();
  Object.assign(globalThis, {
    WEMATRIX_APP: 'mall',
    WECHAT_MALL_APPID: 'wxmall',
    WECHAT_CAMPAIGN_APPID: 'wxcampaign',
    WECHAT_TOOLS_APPID: '',
  });
  process.env.TARO_ENV = 'weapp';
});
afterEach(() => {
  delete process.env.TARO_ENV;
});

describe('session storage', () => {
  it('round-trips a session and drops it once expired', () => {
    saveSession(session);
    expect(loadSession(Date.parse('2026-11-30T00:00:00Z'))).toEqual(session);
    expect(loadSession(Date.parse('2026-12-01T00:00:00Z'))).toBeNull();
    clearSession();
    expect(loadSession(0)).toBeNull();
  });

  it('ignores malformed storage instead of crashing', () => {
    taro.storage.set('wematrix.session', '{not json');
    expect(loadSession(0)).toBeNull();
    taro.storage.set('wematrix.session', JSON.stringify({ token: 1 }));
    expect(loadSession(0)).toBeNull();
  });
});

describe('taroTransport', () => {
  it('passes 4xx answers through without throwing', async () => {
    taro.request.mockResolvedValueOnce({ statusCode: 409, data: { code: 'OUT_OF_STOCK' } });
    const answer = await taroTransport({ method: 'POST', url: 'http://x/api/cart/items', headers: {}, body: { a: 1 } });
    expect(answer).toEqual({ status: 409, data: { code: 'OUT_OF_STOCK' } });
    expect(taro.request).toHaveBeenCalledWith(expect.objectContaining({ method: 'POST', data: { a: 1 } }));
  });

  it('turns a network failure into a 599 with a message fit to show', async () => {
    taro.request.mockRejectedValueOnce(new Error('request:fail timeout'));
    const answer = await taroTransport({ method: 'GET', url: 'http://x/api/cart', headers: {} });
    expect(answer.status).toBe(599);
    expect(answer.data).toMatchObject({ code: 'NETWORK', messageEn: 'request:fail timeout' });
  });
});

describe('openApp', () => {
  it('navigates inside the same app, with switchTab for tab pages', async () => {
    await openApp('mall', '/pkg-goods/product/index', { id: 'p 1' });
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-goods/product/index?id=p%201' });
    await openApp('mall', '/pages/cart/index', {}, { tabPages: ['/pages/cart/index'] });
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/cart/index' });
  });

  it('opens another mini-program by appid with a path without the leading slash', async () => {
    await openApp('campaign', '/pages/index/index', { from: 'mall' });
    expect(taro.navigateToMiniProgram).toHaveBeenCalledWith({
      appId: 'wxcampaign',
      path: 'pages/index/index?from=mall',
    });
  });

  it('says so when the target appid is not configured', async () => {
    await openApp('tools', '/pkg-quiz/size/index');
    expect(taro.navigateToMiniProgram).not.toHaveBeenCalled();
    expect(taro.showToast).toHaveBeenCalled();
  });

  it('in H5 goes to the other app URL on the same origin', async () => {
    process.env.TARO_ENV = 'h5';
    const location = { origin: 'http://127.0.0.1:3000', href: '' };
    Object.assign(globalThis, { window: { location } });
    await openApp('tools', '/pkg-quiz/skin-test/index', { from: 'mall' });
    expect(location.href).toBe('http://127.0.0.1:3000/tools/#/pkg-quiz/skin-test/index?from=mall');
    expect(taro.navigateToMiniProgram).not.toHaveBeenCalled();
  });
});

describe('ensureSignedIn', () => {
  it('in WeChat, concurrent callers share one wx.login and one API call', async () => {
    const { ensureSignedIn } = await import('./auth');
    const login = vi.fn(async () => ({ code: 'code-1' }));
    Object.assign(taro, { login });
    const wechatLogin = vi.fn(async () => session);
    const refresh = vi.fn(async () => null);
    const state = { session: null as typeof session | null, signingIn: false, error: null as string | null };
    const client = {
      app: 'mall' as const,
      api: { auth: { wechatLogin } },
      session: { getState: () => state, setState: (patch: Partial<typeof state>) => Object.assign(state, patch) },
      cart: { getState: () => ({ clear: vi.fn(), refresh }) },
    } as unknown as Parameters<typeof ensureSignedIn>[0];

    const [a, b] = await Promise.all([ensureSignedIn(client), ensureSignedIn(client)]);

    expect(a).toEqual(session);
    expect(b).toEqual(session);
    expect(login).toHaveBeenCalledTimes(1);
    expect(wechatLogin).toHaveBeenCalledWith({ app: 'mall', code: 'code-1' });
    expect(loadSession(0)).toEqual(session);
    // Once signed in, no further login happens.
    await ensureSignedIn(client);
    expect(login).toHaveBeenCalledTimes(1);
  });

  it('in H5 never logs in silently', async () => {
    process.env.TARO_ENV = 'h5';
    const { ensureSignedIn } = await import('./auth');
    const state = { session: null };
    const client = { session: { getState: () => state } } as unknown as Parameters<typeof ensureSignedIn>[0];
    expect(await ensureSignedIn(client)).toBeNull();
  });
});
