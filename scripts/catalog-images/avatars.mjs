// Friendly flat portraits for the demo shoppers: 160×160, head and shoulders on colour.
import { shade, tint } from './paint.mjs';

const SKIN = '#f6d3ba';

const hairBack = {
  long: 'M 40 72 Q 36 28 80 28 Q 124 28 120 72 L 126 128 Q 104 138 96 120 L 64 120 Q 56 138 34 128 Z',
  bob: 'M 40 96 Q 32 32 80 32 Q 128 32 120 96 Z',
  ponytail: 'M 110 46 Q 142 58 132 112 Q 120 96 112 72 Z',
};

const hairFront = {
  short: 'M 45 72 Q 42 32 80 30 Q 118 32 115 72 Q 108 50 80 48 Q 56 48 45 72 Z',
  long: 'M 46 70 Q 48 36 80 34 Q 112 36 114 70 Q 98 50 80 56 Q 62 48 46 70 Z',
  bald: 'M 45 84 Q 42 62 52 54 L 55 80 Z M 115 84 Q 118 62 108 54 L 105 80 Z',
  bun: 'M 45 72 Q 42 34 80 32 Q 118 34 115 72 Q 104 52 80 52 Q 56 52 45 72 Z',
  spiky:
    'M 44 72 L 45 44 L 56 50 L 60 30 L 72 42 L 82 24 L 90 40 L 102 28 L 104 46 L 116 42 L 116 72 Q 104 52 80 52 Q 58 52 44 72 Z',
  bob: 'M 46 74 Q 48 36 80 36 Q 112 36 114 74 Q 104 56 90 54 Q 76 64 56 58 Q 48 64 46 74 Z',
  ponytail: 'M 45 72 Q 42 32 80 30 Q 118 32 115 72 Q 100 48 70 52 Q 54 56 45 72 Z',
};

export function avatarSvg(a) {
  const back = hairBack[a.hair] ? `<path d="${hairBack[a.hair]}" fill="${a.hairColour}"/>` : '';
  const bun = a.hair === 'bun' ? `<circle cx="80" cy="26" r="17" fill="${a.hairColour}"/>` : '';
  const glasses = a.glasses
    ? `<g fill="none" stroke="#2b2b2b" stroke-width="2.6"><circle cx="66" cy="78" r="10"/><circle cx="94" cy="78" r="10"/><path d="M 76 78 Q 80 75 84 78"/></g>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160">
  <rect width="160" height="160" fill="${a.bg}"/>
  <circle cx="80" cy="70" r="62" fill="${tint(a.bg, 0.25)}"/>
  ${back}${bun}
  <path d="M 18 160 Q 20 120 80 112 Q 140 120 142 160 Z" fill="${a.shirt}"/>
  <path d="M 66 112 Q 80 126 94 112" fill="${shade(SKIN, 0.08)}"/>
  <rect x="68" y="94" width="24" height="22" rx="6" fill="${shade(SKIN, 0.08)}"/>
  <circle cx="46" cy="78" r="8" fill="${shade(SKIN, 0.04)}"/>
  <circle cx="114" cy="78" r="8" fill="${shade(SKIN, 0.04)}"/>
  <ellipse cx="80" cy="74" rx="34" ry="38" fill="${SKIN}"/>
  <path d="${hairFront[a.hair]}" fill="${a.hairColour}"/>
  <circle cx="66" cy="78" r="3.8" fill="#2b2522"/>
  <circle cx="94" cy="78" r="3.8" fill="#2b2522"/>
  <circle cx="67.3" cy="76.6" r="1.2" fill="#fff"/>
  <circle cx="95.3" cy="76.6" r="1.2" fill="#fff"/>
  ${glasses}
  <ellipse cx="58" cy="92" rx="7" ry="4.5" fill="#f08f8f" opacity=".45"/>
  <ellipse cx="102" cy="92" rx="7" ry="4.5" fill="#f08f8f" opacity=".45"/>
  <path d="M 70 94 Q 80 104 90 94" fill="none" stroke="#8a4a3a" stroke-width="3" stroke-linecap="round"/>
</svg>`;
}
