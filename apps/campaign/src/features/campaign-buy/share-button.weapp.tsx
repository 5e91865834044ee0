import { Button } from '@tarojs/components';
import type { ReactElement } from 'react';
import type { ShareButtonProps } from './share-button';

/** WeChat: open-type="share" opens the share panel; the page's onShareAppMessage gives title and path. */
export function ShareButton({ className, children }: ShareButtonProps): ReactElement {
  return (
    <Button className={`${className} cb-share-button`} openType="share">
      {children}
    </Button>
  );
}
