import { Popup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { DemoShopper } from '@wematrix/shared';
import { createWeMatrixClient, listDemoShoppers, toast, toastError, useSession } from '@wematrix/shared/taro';
import { type ReactElement, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { Avatar } from './avatar';
import './dev-sign-in.scss';
import { closeSignInSheet, signInSheet } from './sign-in-store';

/**
 * The demo shopper picker itself (see DevSignInSheet in dev-sign-in.tsx, which decides
 * when it is loaded and mounted).
 */
export function DevSignInPanel(): ReactElement {
  const visible = useStore(signInSheet, (s) => s.visible);
  const { user, signInAsDemo, signingIn } = useSession();
  const [shoppers, setShoppers] = useState<DemoShopper[] | null>(null);

  useEffect(() => {
    if (!visible || shoppers) return;
    listDemoShoppers(createWeMatrixClient()).then(setShoppers, (error: unknown) => {
      toastError(error, '体验账号加载失败');
      closeSignInSheet();
    });
  }, [visible, shoppers]);

  async function pick(shopper: DemoShopper): Promise<void> {
    if (signingIn) return;
    const session = await signInAsDemo(shopper.key);
    if (session) {
      closeSignInSheet();
      toast(`已登录：${session.user.nickname}`);
    } else {
      toastError(createWeMatrixClient().session.getState().error, '登录失败');
    }
  }

  return (
    <Popup
      visible={visible}
      position="bottom"
      round
      closeable
      title="选择体验账号"
      onClose={closeSignInSheet}
      // H5 draws the tab bar over the page; rendering into <body> puts the sheet above it.
      portal={process.env.TARO_ENV === 'h5' ? () => document.body : undefined}
      zIndex={2000}
      className="wm-signin-sheet"
    >
      <View className="wm-signin-sheet__body">
        <View className="wm-signin-sheet__note">
          演示环境：选择一位体验用户登录，商城、活动、工具三个小程序共用同一账号和购物车。
        </View>
        {shoppers === null ? <View className="wm-signin-sheet__loading">加载中…</View> : null}
        {(shoppers ?? []).map((shopper) => {
          const current = user?.demoKey === shopper.key;
          return (
            <View
              key={shopper.key}
              className={`wm-signin-shopper wm-signin-shopper--${shopper.key}${current ? ' wm-signin-shopper--current' : ''}`}
              onClick={() => void pick(shopper)}
            >
              <Avatar url={shopper.avatarUrl} name={shopper.nickname} size={88} />
              <View className="wm-signin-shopper__info">
                <Text className="wm-signin-shopper__name">{shopper.nickname}</Text>
                <Text className="wm-signin-shopper__key">体验账号 · {shopper.key}</Text>
              </View>
              {current ? (
                <Text className="wm-signin-shopper__badge">当前</Text>
              ) : (
                <Text className="wm-signin-shopper__go">登录</Text>
              )}
            </View>
          );
        })}
      </View>
    </Popup>
  );
}

export default DevSignInPanel;
