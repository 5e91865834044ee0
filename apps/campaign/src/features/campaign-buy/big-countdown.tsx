import { Text, View } from '@tarojs/components';
import type { ReactElement } from 'react';

const pad = (n: number): string => String(n).padStart(2, '0');

/** HH:MM:SS in blocks (天 in front past a day), the big countdown of store 拼团/砍价 pages. */
export function BigCountdown({ seconds, className = '' }: { seconds: number; className?: string }): ReactElement {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = seconds % 60;
  return (
    <View className={`cb-countdown ${className}`}>
      {days > 0 ? (
        <>
          <Text className="cb-countdown__block">{days}</Text>
          <Text className="cb-countdown__sep">天</Text>
        </>
      ) : null}
      <Text className="cb-countdown__block">{pad(hours)}</Text>
      <Text className="cb-countdown__sep">:</Text>
      <Text className="cb-countdown__block">{pad(minutes)}</Text>
      <Text className="cb-countdown__sep">:</Text>
      <Text className="cb-countdown__block">{pad(secs)}</Text>
    </View>
  );
}

/** 23:59:59 (or 1天 02:03:04) inline, for rows of open groups. */
export function shortCountdown(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hms = `${pad(Math.floor((seconds % 86_400) / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
  return days > 0 ? `${days}天 ${hms}` : hms;
}
