import { Popup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { AppName, ShareCode, ShareKind } from '@wematrix/shared';
import { apiBaseUrl, createWeMatrixClient, taroTransport, useSession } from '@wematrix/shared/taro';
import { requireSession } from '@wematrix/ui';
import { type ReactElement, useEffect, useMemo, useState } from 'react';
import type { PosterContent } from './poster-draw';
import { PosterView } from './poster-view';
import './share-poster.scss';

/** What the poster's 小程序码 opens: a share kind and its target (docs/share.md). */
export interface PosterTarget {
  kind: ShareKind;
  id?: string;
  /** The app that opens it (a product opens in the mall, campaign kinds in the campaign app). */
  app: AppName;
}

export interface SharePosterProps {
  visible: boolean;
  onClose: () => void;
  target: PosterTarget;
  /** Picture, title, price and the friend-facing line; the inviter and the code are added here. */
  content: Omit<PosterContent, 'inviter' | 'codeUrl'>;
}

/** POST /api/share/codes: the API stores the code's PNG (cached per inviter and target) and answers its URL. */
async function shareCode(target: PosterTarget): Promise<ShareCode> {
  const token = createWeMatrixClient().session.getState().session?.token;
  const response = await taroTransport({
    method: 'POST',
    url: `${apiBaseUrl()}/api/share/codes`,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: { kind: target.kind, id: target.id ?? '', app: target.app },
  });
  if (response.status !== 200) throw new Error(`share code ${response.status}`);
  return response.data as ShareCode;
}

/**
 * 生成海报: a sheet with the poster (product picture, title, price, the inviter's nickname and
 * avatar, the 小程序码 with 长按识别小程序码), drawn on a canvas. WeChat: Canvas 2D →
 * canvasToTempFilePath → 保存到相册 (privacy consent and the album scope handled). H5: the same
 * drawing on an HTMLCanvasElement and a 下载海报 link (toDataURL).
 *
 * Any campaign page can use it: `<SharePoster visible target={{ kind: 'bargain', id, app:
 * 'campaign' }} content={{ title, imageUrl, priceFen, priceLabel: '砍后价', tagline }} />`.
 * The tagline invites a friend's own action; nothing is ever promised for sharing (诱导分享).
 */
export function SharePoster(props: SharePosterProps): ReactElement {
  const { user } = useSession();
  const [codeUrl, setCodeUrl] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const { kind, id, app } = props.target;

  useEffect(() => {
    if (!props.visible) return;
    let alive = true;
    setError(null);
    setCodeUrl(undefined);
    void (async () => {
      const session = await requireSession();
      if (!session) {
        if (alive) setError('登录后即可生成专属海报');
        return;
      }
      try {
        const code = await shareCode({ kind, id, app });
        if (alive) setCodeUrl(code.imageUrl);
      } catch {
        // Without the code the poster is still worth sharing; say so under it.
        if (alive) {
          setCodeUrl(null);
          setError('小程序码暂时获取失败，海报中未包含小程序码');
        }
      }
    })();
    return () => {
      alive = false;
    };
  }, [props.visible, kind, id, app]);

  const { title, imageUrl, priceFen, priceLabel, originalPriceFen, tagline } = props.content;
  const content = useMemo<PosterContent | null>(
    () =>
      codeUrl === undefined || !user
        ? null
        : {
            title,
            imageUrl,
            priceFen,
            priceLabel,
            originalPriceFen,
            tagline,
            codeUrl,
            inviter: { nickname: user.nickname, avatarUrl: user.avatarUrl },
          },
    [codeUrl, user, title, imageUrl, priceFen, priceLabel, originalPriceFen, tagline],
  );

  return (
    <Popup
      visible={props.visible}
      position="bottom"
      round
      title="分享海报"
      onClose={props.onClose}
      className="share-poster"
    >
      <View className="share-poster__body wm-share-poster">
        {props.visible && content ? <PosterView content={content} /> : null}
        {props.visible && !content && !error ? <View className="share-poster__loading">海报生成中…</View> : null}
        {error ? <Text className="share-poster__error">{error}</Text> : null}
      </View>
    </Popup>
  );
}
