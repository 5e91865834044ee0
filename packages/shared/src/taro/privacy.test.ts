import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRIVACY_POLICY, PRIVACY_POLICY_VERSION } from '../domain/privacy';

// The consent layer over a fake Taro: storage is a Map, WeChat's privacy APIs are spies.
const taro = vi.hoisted(() => {
  const storage = new Map<string, unknown>();
  return {
    storage,
    getStorageSync: vi.fn((key: string) => storage.get(key) ?? ''),
    setStorageSync: vi.fn((key: string, value: unknown) => void storage.set(key, value)),
    onNeedPrivacyAuthorization: vi.fn(),
    requirePrivacyAuthorize: vi.fn(),
  };
});
vi.mock('@tarojs/taro', () => ({ default: taro }));

const privacy = await import('./privacy');
const open = () => privacy.privacyPrompt.getState().open;

beforeEach(() => {
  taro.storage.clear();
  vi.clearAllMocks();
});
afterEach(() => {
  // Leave no question pending for the next test.
  if (open()) privacy.answerPrivacyPrompt(false);
});

describe('privacy consent in H5', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
  });

  it('asks once, then remembers the agreement for this policy version', async () => {
    const first = privacy.requirePrivacyConsent();
    expect(open()).toBe(true);
    privacy.answerPrivacyPrompt(true);
    await expect(first).resolves.toBe(true);
    expect(open()).toBe(false);
    expect(taro.storage.get('wematrix.privacy-consent')).toBe(PRIVACY_POLICY_VERSION);

    await expect(privacy.requirePrivacyConsent()).resolves.toBe(true);
    expect(open()).toBe(false);
  });

  it('records nothing when the shopper declines, and asks again next time', async () => {
    const first = privacy.requirePrivacyConsent();
    privacy.answerPrivacyPrompt(false);
    await expect(first).resolves.toBe(false);
    expect(taro.setStorageSync).not.toHaveBeenCalled();

    const second = privacy.requirePrivacyConsent();
    expect(open()).toBe(true);
    privacy.answerPrivacyPrompt(true);
    await expect(second).resolves.toBe(true);
  });

  it('asks again when the policy changed since the agreement', async () => {
    taro.storage.set('wematrix.privacy-consent', '2020-01-01');
    const answer = privacy.requirePrivacyConsent();
    expect(open()).toBe(true);
    privacy.answerPrivacyPrompt(true);
    await expect(answer).resolves.toBe(true);
  });
});

describe('privacy consent in WeChat', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  it("shows our sheet for WeChat's prompt and answers with the agree button's id", () => {
    privacy.installPrivacyGuard();
    privacy.installPrivacyGuard();
    expect(taro.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1);
    const handler = taro.onNeedPrivacyAuthorization.mock.calls[0]?.[0] as (resolve: (o: unknown) => void) => void;
    const resolve = vi.fn();
    handler(resolve);
    expect(open()).toBe(true);
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
    privacy.answerPrivacyPrompt(true);
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: privacy.PRIVACY_AGREE_BUTTON_ID });
    expect(open()).toBe(false);
  });

  it('does nothing on a base library without privacy APIs (before 2.32.3)', async () => {
    vi.resetModules();
    const bare = { ...taro, onNeedPrivacyAuthorization: undefined, requirePrivacyAuthorize: undefined };
    vi.doMock('@tarojs/taro', () => ({ default: bare }));
    const old = await import('./privacy');
    expect(() => old.installPrivacyGuard()).not.toThrow();
    await expect(old.requirePrivacyConsent()).resolves.toBe(true);
    vi.doUnmock('@tarojs/taro');
  });

  it('asks WeChat ahead of a form and reports a refusal as false', async () => {
    taro.requirePrivacyAuthorize.mockImplementationOnce((options: { fail: () => void }) => options.fail());
    await expect(privacy.requirePrivacyConsent()).resolves.toBe(false);
  });
});

describe('the policy text', () => {
  it('has titled, non-empty sections', () => {
    expect(PRIVACY_POLICY.sections.length).toBeGreaterThan(3);
    for (const section of PRIVACY_POLICY.sections) {
      expect(section.title.trim()).not.toBe('');
      expect(section.paragraphs.join('').trim()).not.toBe('');
    }
  });
});
