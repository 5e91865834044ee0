import Taro from '@tarojs/taro';
import { createStore } from 'zustand/vanilla';
import { PRIVACY_POLICY_VERSION } from '../domain/privacy/privacy-version';

/**
 * Consent before personal data is collected (PIPL art. 13–17; WeChat's privacy rules).
 *
 * - WeChat: the base library blocks each privacy API (chooseAddress, chooseMedia …) until the
 *   shopper agrees to the mini-program's 用户隐私保护指引, and calls onNeedPrivacyAuthorization
 *   so we can show our own sheet; only a tap on a button with open-type
 *   "agreePrivacyAuthorization" counts as agreement. `requirePrivacyConsent()` asks ahead of
 *   a form (requirePrivacyAuthorize), so the sheet comes before typing, not after.
 * - H5: the same sheet; the answer is stored per policy version.
 */
type WechatResolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

export interface PrivacyPromptState {
  open: boolean;
}
export const privacyPrompt = createStore<PrivacyPromptState>()(() => ({ open: false }));

/** The agree button's id: WeChat checks that the button named in resolve() was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'wm-privacy-agree';
const CONSENT_KEY = 'wematrix.privacy-consent';

let pendingWechat: WechatResolve | null = null;
let pendingH5: ((agreed: boolean) => void) | null = null;
let installed = false;

/** Call once at app start (app.tsx): routes WeChat's privacy events to our sheet. */
export function installPrivacyGuard(): void {
  if (installed || process.env.TARO_ENV !== 'weapp') return;
  // Base libraries before 2.32.3 have no privacy API (and no privacy gate to answer).
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  installed = true;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pendingWechat = resolve;
    privacyPrompt.setState({ open: true });
    resolve({ event: 'exposureAuthorization' });
  });
}

function h5Consented(): boolean {
  try {
    return Taro.getStorageSync(CONSENT_KEY) === PRIVACY_POLICY_VERSION;
  } catch {
    return false;
  }
}

/** Resolves true once the shopper has agreed (asking now if needed), false if they decline. */
export function requirePrivacyConsent(): Promise<boolean> {
  if (process.env.TARO_ENV === 'weapp') {
    if (typeof Taro.requirePrivacyAuthorize !== 'function') return Promise.resolve(true);
    return new Promise((resolve) => {
      Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
    });
  }
  if (h5Consented()) return Promise.resolve(true);
  return new Promise((resolve) => {
    pendingH5?.(false);
    pendingH5 = resolve;
    privacyPrompt.setState({ open: true });
  });
}

/** The sheet's answer. In WeChat, `agree` must come from the agreePrivacyAuthorization button. */
export function answerPrivacyPrompt(agreed: boolean): void {
  privacyPrompt.setState({ open: false });
  if (pendingWechat) {
    pendingWechat(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' });
    pendingWechat = null;
  }
  if (pendingH5) {
    if (agreed) Taro.setStorageSync(CONSENT_KEY, PRIVACY_POLICY_VERSION);
    pendingH5(agreed);
    pendingH5 = null;
  }
}
