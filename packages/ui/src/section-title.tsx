import { Text, View } from '@tarojs/components';
import type { ReactElement } from 'react';

export function SectionTitle({
  title,
  more,
  onMore,
}: {
  title: string;
  more?: string;
  onMore?: () => void;
}): ReactElement {
  return (
    <View className="wm-section-title">
      <Text>{title}</Text>
      {more ? (
        <Text className="wm-section-title__more" onClick={onMore}>
          {more}
        </Text>
      ) : null}
    </View>
  );
}
