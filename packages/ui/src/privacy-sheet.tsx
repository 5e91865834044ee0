import { Popup } from '@nutui/nutui-react-taro';
import { Button, Text, View } from '@tarojs/components';
import { PRIVACY_NOTICE } from '@wematrix/shared';
import { answerPrivacyPrompt, PRIVACY_AGREE_BUTTON_ID, privacyPrompt } from '@wematrix/shared/taro';
import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import './privacy-sheet.scss';

/**
 * 用户隐私保护提示: shown before the first collection of personal data (see
 * shared/taro/privacy.ts). Render it on pages that collect data; `policyUrl` is the app's
 * policy page. In WeChat only the agreePrivacyAuthorization button's tap counts as consent.
 * Imported by path (`@wematrix/ui/privacy-sheet`), not from the package index, so NutUI's
 * Popup and the policy text stay out of the first load of pages that never ask.
 */
export function PrivacySheet({
  policyUrl,
  onOpenPolicy,
}: {
  policyUrl?: string;
  onOpenPolicy: () => void;
}): ReactElement {
  const open = useStore(privacyPrompt, (s) => s.open);
  const weapp = process.env.TARO_ENV === 'weapp';
  return (
    <Popup visible={open} position="bottom" round closeOnOverlayClick={false} className="wm-privacy">
      <View className="wm-privacy__body" data-policy={policyUrl}>
        <Text className="wm-privacy__title">用户隐私保护提示</Text>
        <Text className="wm-privacy__text">{PRIVACY_NOTICE}</Text>
        <Text className="wm-privacy__link wm-privacy-policy" onClick={onOpenPolicy}>
          查看《WeMatrix 隐私政策》
        </Text>
        <View className="wm-privacy__actions">
          <View className="wm-privacy__btn wm-privacy-decline" onClick={() => answerPrivacyPrompt(false)}>
            拒绝
          </View>
          {weapp ? (
            // WeChat counts only a tap on this open-type button (checked by its id) as consent.
            <Button
              id={PRIVACY_AGREE_BUTTON_ID}
              className="wm-privacy__btn wm-privacy__btn--agree wm-privacy-agree"
              openType="agreePrivacyAuthorization"
              onAgreePrivacyAuthorization={() => answerPrivacyPrompt(true)}
            >
              同意并继续
            </Button>
          ) : (
            <View
              className="wm-privacy__btn wm-privacy__btn--agree wm-privacy-agree"
              onClick={() => answerPrivacyPrompt(true)}
            >
              同意并继续
            </View>
          )}
        </View>
      </View>
    </Popup>
  );
}
