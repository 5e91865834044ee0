import { Image, Text, View } from '@tarojs/components';
import { type ReactElement, useEffect, useState } from 'react';
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterContent, type PosterImage } from './poster-draw';

/**
 * H5: images of the API's own origin (/static, /uploads) are loaded from this page's origin, so
 * the canvas is not tainted and toDataURL works even when the API's PUBLIC_BASE_URL names
 * another host for the same server; anything else is asked for with CORS (and left out if the
 * server does not allow it, rather than tainting the poster).
 */
export function sameOriginUrl(url: string): { src: string; cors: boolean } {
  try {
    const parsed = new URL(url, window.location.href);
    if (parsed.origin === window.location.origin) return { src: parsed.href, cors: false };
    if (/^\/(static|uploads)\//.test(parsed.pathname)) {
      return { src: `${window.location.origin}${parsed.pathname}${parsed.search}`, cors: false };
    }
    return { src: parsed.href, cors: true };
  } catch {
    return { src: url, cors: false };
  }
}

function loadImage(url: string | null): Promise<PosterImage | null> {
  if (!url) return Promise.resolve(null);
  const { src, cors } = sameOriginUrl(url);
  return new Promise((resolve) => {
    const image = new window.Image();
    if (cors) image.crossOrigin = 'anonymous';
    image.onload = () => resolve(image);
    image.onerror = () => resolve(null);
    image.src = src;
  });
}

/** Draws the poster on an HTMLCanvasElement at 2× and answers its PNG data URL. */
export async function renderPosterDataUrl(content: PosterContent): Promise<string> {
  const [product, code, avatar] = await Promise.all([
    loadImage(content.imageUrl),
    loadImage(content.codeUrl),
    loadImage(content.inviter?.avatarUrl ?? null),
  ]);
  const canvas = document.createElement('canvas');
  const scale = 2;
  canvas.width = POSTER_WIDTH * scale;
  canvas.height = POSTER_HEIGHT * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('浏览器不支持画布');
  ctx.scale(scale, scale);
  drawPoster(ctx, content, { product, code, avatar });
  return canvas.toDataURL('image/png');
}

/**
 * H5: the poster drawn on a plain canvas (not Taro's <Canvas>, whose H5 component would join
 * the app's first load), shown as an image, with a 下载海报 link (the PNG as a data URL).
 */
export function PosterView({ content }: { content: PosterContent | null }): ReactElement {
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!content) return;
    let alive = true;
    setDataUrl(null);
    setFailed(false);
    renderPosterDataUrl(content).then(
      (url) => alive && setDataUrl(url),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [content]);

  return (
    <View className="share-poster__view">
      {dataUrl ? (
        <Image className="share-poster__image wm-poster-image" src={dataUrl} mode="widthFix" />
      ) : (
        <View className="share-poster__loading">{failed ? '海报生成失败，请稍后再试' : '海报生成中…'}</View>
      )}
      {dataUrl ? (
        <a className="share-poster__save wm-poster-download" href={dataUrl} download="wematrix-poster.png">
          下载海报
        </a>
      ) : null}
      <Text className="share-poster__hint">下载后发给好友，好友扫码即可查看活动</Text>
    </View>
  );
}
