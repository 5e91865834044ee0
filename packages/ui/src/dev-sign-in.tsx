import { type ComponentType, lazy, type ReactElement, Suspense, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { signInSheet } from './sign-in-store';

/**
 * The panel is a NutUI Popup, which brings react-transition-group and friends (~13 KB br),
 * and most visitors never open it: H5 fetches it on the first open instead of with every
 * page's first load. Mini-programs load no code at run time, so there it is bundled as
 * before; the `process.env.TARO_ENV` test is constant at build time and webpack drops the
 * other branch, import included (a static import would put the panel back into H5's first load).
 */
const Panel: ComponentType =
  process.env.TARO_ENV === 'h5'
    ? lazy(() => import('./dev-sign-in-panel'))
    : require('./dev-sign-in-panel').DevSignInPanel;

/**
 * H5 demo sign-in: pick one of the seeded demo shoppers. The session is stored in
 * localStorage on the API's origin, so all three H5 apps see the same shopper.
 * Render once per page; open it with openSignInSheet().
 */
export function DevSignInSheet(): ReactElement | null {
  const visible = useStore(signInSheet, (s) => s.visible);
  // Once opened it stays mounted, so closing plays the Popup's exit transition.
  const [opened, setOpened] = useState(visible);
  useEffect(() => {
    if (visible) setOpened(true);
  }, [visible]);
  if (process.env.TARO_ENV === 'h5' && !opened) return null;
  return (
    <Suspense fallback={null}>
      <Panel />
    </Suspense>
  );
}
