import { Text, View } from '@tarojs/components';
import { Avatar } from '@wematrix/ui';
import type { ReactElement } from 'react';
import type { ShareOpenResult } from './share-link';

const REFUSED: Record<'invalid' | 'expired' | 'not_found', string> = {
  invalid: '这个分享链接无效（可能被改动过），以下是活动的当前信息',
  expired: '这个分享链接已过期，以下是活动的当前信息',
  not_found: '分享链接指向的内容不存在',
};

/** Who invited the viewer, or why the link they came through is not honoured. */
export function ShareNotice({ result, action }: { result: ShareOpenResult; action: string }): ReactElement | null {
  if (result.state === 'none') return null;
  if (result.state === 'ok') {
    return (
      <View className="cb-notice cb-notice--invite wm-share-inviter">
        <Avatar url={result.inviter.avatarUrl} name={result.inviter.nickname} size={48} />
        <Text className="cb-notice__text">
          {result.inviter.nickname} {action}
        </Text>
      </View>
    );
  }
  return (
    <View className="cb-notice cb-notice--refused wm-share-refused">
      <Text className="cb-notice__text">{REFUSED[result.state]}</Text>
    </View>
  );
}
