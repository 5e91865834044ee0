import { Canvas, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { requirePrivacyConsent, toast } from '@wematrix/shared/taro';
import { type ReactElement, useEffect, useState } from 'react';
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterContent, type PosterImage } from './poster-draw';

const CANVAS_ID = 'wm-share-poster-canvas';

interface CanvasNode {
  width: number;
  height: number;
  getContext: (kind: '2d') => CanvasRenderingContext2D;
  createImage: () => PosterImage & { src: string; onload: () => void; onerror: () => void };
}

function loadImage(canvas: CanvasNode, url: string | null): Promise<PosterImage | null> {
  if (!url) return Promise.resolve(null);
  return new Promise((resolve) => {
    const image = canvas.createImage();
    image.onload = () => resolve(image);
    image.onerror = () => resolve(null);
    image.src = url;
  });
}

function canvasNode(): Promise<CanvasNode> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: CanvasNode }[]) => {
        const node = res?.[0]?.node;
        if (node) resolve(node);
        else reject(new Error('canvas not ready'));
      });
  });
}

/** WeChat: Canvas 2D (the node from createSelectorQuery), then a temp PNG file. */
async function renderPosterFile(content: PosterContent): Promise<string> {
  const canvas = await canvasNode();
  const ratio = Math.min(3, Taro.getSystemInfoSync().pixelRatio || 2);
  canvas.width = POSTER_WIDTH * ratio;
  canvas.height = POSTER_HEIGHT * ratio;
  const ctx = canvas.getContext('2d');
  ctx.scale(ratio, ratio);
  const [product, code, avatar] = await Promise.all([
    loadImage(canvas, content.imageUrl),
    loadImage(canvas, content.codeUrl),
    loadImage(canvas, content.inviter?.avatarUrl ?? null),
  ]);
  drawPoster(ctx, content, { product, code, avatar });
  const { tempFilePath } = await Taro.canvasToTempFilePath({
    // Canvas 2D: the node itself (canvasId is for the old canvas).
    canvas: canvas as unknown as Taro.canvasToTempFilePath.Option['canvas'],
    fileType: 'png',
  });
  return tempFilePath;
}

/**
 * 保存到相册: writing to the album is a privacy API (用户隐私保护指引) and needs
 * scope.writePhotosAlbum. Consent first (requirePrivacyConsent, as the mall's address book
 * does); a refused scope sends the shopper to the settings page, which is the only way back.
 */
export async function savePosterToAlbum(filePath: string): Promise<void> {
  if (!(await requirePrivacyConsent())) {
    toast('同意隐私保护指引后才能保存图片');
    return;
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath });
    toast('海报已保存到相册');
  } catch (error) {
    const message = (error as { errMsg?: string })?.errMsg ?? '';
    if (message.includes('cancel')) return;
    if (/auth|deny|denied|authorize/i.test(message)) {
      const { confirm } = await Taro.showModal({
        title: '需要相册权限',
        content: '保存海报需要允许“保存到相册”，请在设置中打开',
        confirmText: '去设置',
      });
      if (confirm) await Taro.openSetting();
      return;
    }
    toast('保存失败，请稍后再试');
  }
}

/** WeChat: the poster drawn on an off-screen Canvas 2D, shown as an image, 保存到相册. */
export function PosterView({ content }: { content: PosterContent | null }): ReactElement {
  const [path, setPath] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!content) return;
    let alive = true;
    setPath(null);
    setFailed(false);
    // The canvas is in the tree from this render on; ask for its node on the next tick.
    const timer = setTimeout(() => {
      renderPosterFile(content).then(
        (file) => alive && setPath(file),
        () => alive && setFailed(true),
      );
    }, 50);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [content]);

  return (
    <View className="share-poster__view">
      <Canvas type="2d" id={CANVAS_ID} className="share-poster__canvas" />
      {path ? (
        <Image
          className="share-poster__image wm-poster-image"
          src={path}
          mode="widthFix"
          showMenuByLongpress
          onClick={() => void Taro.previewImage({ urls: [path] })}
        />
      ) : (
        <View className="share-poster__loading">{failed ? '海报生成失败，请稍后再试' : '海报生成中…'}</View>
      )}
      {path ? (
        <View className="share-poster__save wm-poster-save" onClick={() => void savePosterToAlbum(path)}>
          保存到相册
        </View>
      ) : null}
      <Text className="share-poster__hint">保存后发给好友或分享到朋友圈，好友长按识别即可查看</Text>
    </View>
  );
}
