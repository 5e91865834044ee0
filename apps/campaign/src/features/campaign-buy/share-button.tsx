import { View } from '@tarojs/components';
import type { ReactElement, ReactNode } from 'react';

export interface ShareButtonProps {
  className: string;
  children: ReactNode;
  /** H5: what the button does (show and copy the link). WeChat uses open-type="share" instead. */
  onH5Share: () => void;
}

/**
 * H5 (and every platform without a share button): a plain view that copies the link. WeChat's
 * build takes share-button.weapp.tsx, a <Button open-type="share"> that opens the share panel
 * with the page's onShareAppMessage. Taro's <Button> stays out of the H5 first load this way.
 */
export function ShareButton({ className, children, onH5Share }: ShareButtonProps): ReactElement {
  return (
    <View className={className} onClick={onH5Share}>
      {children}
    </View>
  );
}
