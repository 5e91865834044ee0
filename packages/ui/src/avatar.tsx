import { Image, View } from '@tarojs/components';
import { assetUrl } from '@wematrix/shared/taro';
import type { ReactElement } from 'react';
import './avatar.scss';

const COLORS = ['#f0452d', '#fa8c16', '#13a8a8', '#2f54eb', '#722ed1', '#eb2f96'];

/** Picks a stable colour per name so the same shopper always looks the same. */
function colorOf(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return COLORS[hash % COLORS.length] ?? '#f0452d';
}

export function Avatar({ url, name, size = 80 }: { url: string | null; name: string; size?: number }): ReactElement {
  const style = { width: `${size / 2}px`, height: `${size / 2}px` };
  if (url) return <Image className="wm-avatar" style={style} src={assetUrl(url)} mode="aspectFill" />;
  return (
    <View
      className="wm-avatar wm-avatar--text"
      style={{ ...style, background: colorOf(name), fontSize: `${size / 5}px` }}
    >
      {name.slice(0, 1)}
    </View>
  );
}
