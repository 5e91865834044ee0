import '@nutui/icons-react-taro/dist/style_icon.css';
import '@wematrix/ui/theme.scss';
import { createWeMatrixClient, ensureSignedIn, installPrivacyGuard } from '@wematrix/shared/taro';
import { type PropsWithChildren, type ReactNode, useEffect } from 'react';
import './app.scss';

function App({ children }: PropsWithChildren): ReactNode {
  // WeChat signs in silently at launch; H5 keeps the stored demo shopper or waits for a pick.
  useEffect(() => {
    // Before any page can call a privacy API (chooseAddress …), so WeChat's prompt is ours.
    installPrivacyGuard();
    void ensureSignedIn(createWeMatrixClient());
  }, []);
  return children;
}

export default App;
