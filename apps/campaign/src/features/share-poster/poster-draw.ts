/**
 * The poster's drawing, shared by WeChat (Canvas 2D node) and H5 (HTMLCanvasElement): both give
 * a CanvasRenderingContext2D. Sizes are in CSS pixels of a 600 × 960 card; the caller scales the
 * context for the device's pixel ratio first. Images are loaded by the caller (each platform has
 * its own loader); a missing one is drawn as a soft placeholder, never an error.
 */
export const POSTER_WIDTH = 600;
export const POSTER_HEIGHT = 960;

export interface PosterContent {
  title: string;
  /** Price in fen and its label (限量预售价, 抽奖赢好礼, 拼团价 …). */
  priceFen: number | null;
  priceLabel: string;
  /** Crossed out next to the price, when higher. */
  originalPriceFen?: number | null;
  /** One line under the title: what the friend can do (never a reward for sharing). */
  tagline: string;
  inviter: { nickname: string; avatarUrl: string | null } | null;
  /** The product picture and the 小程序码 image (from POST /api/share/codes). */
  imageUrl: string | null;
  codeUrl: string | null;
}

/** Whatever the platform's loader gives (HTMLImageElement, a Canvas 2D node's image). */
export type PosterImage = CanvasImageSource & { width: number; height: number };

export interface PosterImages {
  product: PosterImage | null;
  code: PosterImage | null;
  avatar: PosterImage | null;
}

type Ctx = CanvasRenderingContext2D;

const FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
const RED = '#f0452d';

function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.lineTo(x + w - r, y);
  ctx.arcTo(x + w, y, x + w, y + r, r);
  ctx.lineTo(x + w, y + h - r);
  ctx.arcTo(x + w, y + h, x + w - r, y + h, r);
  ctx.lineTo(x + r, y + h);
  ctx.arcTo(x, y + h, x, y + h - r, r);
  ctx.lineTo(x, y + r);
  ctx.arcTo(x, y, x + r, y, r);
  ctx.closePath();
}

/** Draws `image` to cover the box (centre crop), clipped to rounded corners. */
function coverImage(ctx: Ctx, image: PosterImage, x: number, y: number, w: number, h: number, r: number): void {
  const scale = Math.max(w / image.width, h / image.height);
  const sw = w / scale;
  const sh = h / scale;
  ctx.save();
  roundRect(ctx, x, y, w, h, r);
  ctx.clip();
  ctx.drawImage(image, (image.width - sw) / 2, (image.height - sh) / 2, sw, sh, x, y, w, h);
  ctx.restore();
}

/** Breaks text into at most `maxLines` lines of `width`, the last one ending in … when cut. */
export function wrapText(measure: (text: string) => number, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i += 1) {
    const next = line + chars[i];
    if (measure(next) <= width) {
      line = next;
      continue;
    }
    if (lines.length === maxLines - 1) {
      let cut = line;
      while (cut && measure(`${cut}…`) > width) cut = cut.slice(0, -1);
      lines.push(`${cut}…`);
      return lines;
    }
    lines.push(line);
    line = chars[i] ?? '';
  }
  if (line) lines.push(line);
  return lines;
}

const yuan = (fen: number): string => {
  const whole = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`;
};

export function drawPoster(ctx: Ctx, content: PosterContent, images: PosterImages): void {
  const W = POSTER_WIDTH;
  const H = POSTER_HEIGHT;
  ctx.clearRect(0, 0, W, H);

  // Ground: the campaign red fading to warm white, with the white card on it.
  const ground = ctx.createLinearGradient(0, 0, 0, H);
  ground.addColorStop(0, '#ff6a3d');
  ground.addColorStop(0.45, RED);
  ground.addColorStop(1, '#c9161d');
  ctx.fillStyle = ground;
  ctx.fillRect(0, 0, W, H);

  // Inviter: avatar and nickname on the red ground.
  const inviterName = content.inviter?.nickname || '你的好友';
  ctx.save();
  ctx.beginPath();
  ctx.arc(62, 62, 30, 0, Math.PI * 2);
  ctx.closePath();
  ctx.fillStyle = '#ffe1d6';
  ctx.fill();
  if (images.avatar) {
    ctx.clip();
    ctx.drawImage(images.avatar, 32, 32, 60, 60);
  } else {
    ctx.fillStyle = RED;
    ctx.font = `bold 28px ${FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(Array.from(inviterName)[0] ?? '友', 62, 63);
  }
  ctx.restore();
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#ffffff';
  ctx.font = `bold 26px ${FONT}`;
  ctx.fillText(inviterName, 108, 56);
  ctx.font = `20px ${FONT}`;
  ctx.fillStyle = 'rgba(255,255,255,0.88)';
  ctx.fillText('为你推荐一件好物', 108, 86);

  // The card.
  const cx = 28;
  const cy = 118;
  const cw = W - 56;
  const ch = H - cy - 28;
  ctx.save();
  ctx.shadowColor = 'rgba(120, 0, 0, 0.25)';
  ctx.shadowBlur = 18;
  ctx.fillStyle = '#ffffff';
  roundRect(ctx, cx, cy, cw, ch, 24);
  ctx.fill();
  ctx.restore();

  // Product picture, square.
  const ix = cx + 20;
  const iy = cy + 20;
  const iw = cw - 40;
  if (images.product) {
    coverImage(ctx, images.product, ix, iy, iw, iw, 16);
  } else {
    ctx.fillStyle = '#f5f6f8';
    roundRect(ctx, ix, iy, iw, iw, 16);
    ctx.fill();
  }

  // Price: the label chip, then ¥ and the figure.
  let y = iy + iw + 52;
  ctx.font = `bold 20px ${FONT}`;
  const chipW = ctx.measureText(content.priceLabel).width + 20;
  ctx.fillStyle = RED;
  roundRect(ctx, ix, y - 26, chipW, 34, 8);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.fillText(content.priceLabel, ix + 10, y - 2);
  let px = ix + chipW + 12;
  if (content.priceFen !== null) {
    ctx.fillStyle = RED;
    ctx.font = `bold 26px ${FONT}`;
    ctx.fillText('¥', px, y);
    px += ctx.measureText('¥').width + 2;
    ctx.font = `bold 44px ${FONT}`;
    const figure = yuan(content.priceFen);
    ctx.fillText(figure, px, y + 2);
    px += ctx.measureText(figure).width + 12;
    if (content.originalPriceFen && content.originalPriceFen > content.priceFen) {
      ctx.fillStyle = '#a0a5ad';
      ctx.font = `22px ${FONT}`;
      const was = `¥${yuan(content.originalPriceFen)}`;
      ctx.fillText(was, px, y);
      const ww = ctx.measureText(was).width;
      ctx.fillRect(px, y - 8, ww, 2);
    }
  }

  // Title (two lines at most) and the tagline, left of the code.
  const codeSize = 150;
  const textW = iw - codeSize - 24;
  y += 46;
  ctx.fillStyle = '#1f2329';
  ctx.font = `bold 26px ${FONT}`;
  for (const line of wrapText((t) => ctx.measureText(t).width, content.title, textW, 2)) {
    ctx.fillText(line, ix, y);
    y += 36;
  }
  ctx.fillStyle = '#646a73';
  ctx.font = `20px ${FONT}`;
  for (const line of wrapText((t) => ctx.measureText(t).width, content.tagline, textW, 2)) {
    ctx.fillText(line, ix, y + 4);
    y += 28;
  }

  // The 小程序码, bottom right, with the hint under it.
  const qx = ix + iw - codeSize;
  const qy = cy + ch - codeSize - 48;
  if (images.code) {
    ctx.drawImage(images.code, qx, qy, codeSize, codeSize);
  } else {
    ctx.strokeStyle = '#e5e6eb';
    ctx.lineWidth = 2;
    roundRect(ctx, qx, qy, codeSize, codeSize, 12);
    ctx.stroke();
  }
  ctx.fillStyle = '#a0a5ad';
  ctx.font = `18px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText('长按识别小程序码', qx + codeSize / 2, qy + codeSize + 30);
  ctx.textAlign = 'left';
  ctx.fillStyle = '#a0a5ad';
  ctx.font = `18px ${FONT}`;
  ctx.fillText('WeMatrix 活动会场', ix, cy + ch - 30);
}
