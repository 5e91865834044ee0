import { Text, View } from '@tarojs/components';
import { useSession } from '@wematrix/shared/taro';
import type { ReactElement } from 'react';
import { Avatar } from './avatar';
import './account-bar.scss';
import { openSignInSheet } from './sign-in-store';

/**
 * Who is signed in, with a switch in the H5 demo (WeChat signs in silently, so there is
 * nothing to switch there). `tone="light"` for use on the brand gradient.
 */
export function AccountBar({ tone = 'dark' }: { tone?: 'dark' | 'light' }): ReactElement {
  const { user, signingIn } = useSession();
  const h5 = process.env.TARO_ENV === 'h5';
  return (
    <View className={`wm-account-bar wm-account-bar--${tone}`}>
      {user ? (
        <>
          <Avatar url={user.avatarUrl} name={user.nickname} size={64} />
          <Text className="wm-account-bar__name wm-current-user">{user.nickname}</Text>
        </>
      ) : (
        <Text className="wm-account-bar__name wm-signed-out">{signingIn ? '登录中…' : '未登录'}</Text>
      )}
      {h5 ? (
        <Text className="wm-account-bar__switch wm-signin-open" onClick={openSignInSheet}>
          {user ? '切换账号' : '选择体验账号'}
        </Text>
      ) : null}
    </View>
  );
}
