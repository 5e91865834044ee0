import { Text, View } from '@tarojs/components';
import type { ReactElement, ReactNode } from 'react';
import './empty-state.scss';

/** Centered message for empty lists and load failures, with an optional action. */
export function EmptyState({
  title,
  hint,
  action,
}: {
  title: string;
  hint?: string;
  action?: ReactNode;
}): ReactElement {
  return (
    <View className="wm-empty">
      <View className="wm-empty__art" />
      <Text className="wm-empty__title">{title}</Text>
      {hint ? <Text className="wm-empty__hint">{hint}</Text> : null}
      {action ? <View className="wm-empty__action">{action}</View> : null}
    </View>
  );
}
