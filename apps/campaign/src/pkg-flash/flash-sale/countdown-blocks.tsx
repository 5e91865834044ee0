import { Text, View } from '@tarojs/components';
import type { ReactElement } from 'react';

const pad = (n: number): string => String(n).padStart(2, '0');

/** HH:MM:SS in blocks (with 天 in front past a day), the way store 秒杀 pages count down. */
export function CountdownBlocks({
  seconds,
  tone = 'dark',
  className = '',
}: {
  seconds: number;
  tone?: 'dark' | 'light';
  className?: string;
}): ReactElement {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = seconds % 60;
  return (
    <View className={`flash-countdown flash-countdown--${tone} ${className}`}>
      {days > 0 ? (
        <>
          <Text className="flash-countdown__block">{days}</Text>
          <Text className="flash-countdown__sep flash-countdown__sep--day">天</Text>
        </>
      ) : null}
      <Text className="flash-countdown__block">{pad(hours)}</Text>
      <Text className="flash-countdown__sep">:</Text>
      <Text className="flash-countdown__block">{pad(minutes)}</Text>
      <Text className="flash-countdown__sep">:</Text>
      <Text className="flash-countdown__block">{pad(secs)}</Text>
    </View>
  );
}
