import { Text } from '@tarojs/components';
import { formatFen, splitFen } from '@wematrix/shared';
import type { ReactElement } from 'react';
import './price.scss';

export interface PriceProps {
  fen: number;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}

/** ¥ + big yuan + small fen, the way Chinese stores print prices. */
export function Price({ fen, size = 'md', className = '' }: PriceProps): ReactElement {
  const { yuan, cents } = splitFen(fen);
  return (
    <Text className={`wm-price wm-price--${size} ${className}`}>
      <Text className="wm-price__symbol">¥</Text>
      <Text className="wm-price__yuan">{yuan}</Text>
      <Text className="wm-price__cents">.{cents}</Text>
    </Text>
  );
}

/** The crossed-out reference price; renders nothing when absent or not higher. */
export function OriginalPrice({ fen, than }: { fen: number | null; than?: number }): ReactElement | null {
  if (fen === null || (than !== undefined && fen <= than)) return null;
  return <Text className="wm-price--original">{formatFen(fen)}</Text>;
}
