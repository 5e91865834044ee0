// Beauty and home-fragrance silhouettes. Each draws around x=0 with its base on y=0,
// roughly 420 units tall, so the scene can place and scale them uniformly.
import { isLight, rng, shade, tint, wordmark } from './paint.mjs';

const ink = (c) => (isLight(c) ? shade(c, 0.65) : tint(c, 0.85));
const GOLD = '#c9a66b';

/** Soft vertical highlight used on glass and plastic. */
const gleam = (x, y, w, h, o = 0.35) =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${w / 2}" fill="#fff" opacity="${o}"/>`;

export function dropper(k, p) {
  const glass = tint(p.c, 0.35);
  return `
  <rect x="-95" y="-262" width="190" height="262" rx="32" fill="${k.cyl(glass)}"/>
  <rect x="-82" y="-196" width="164" height="184" rx="22" fill="${k.cyl(p.c)}" opacity=".8"/>
  <rect x="-38" y="-282" width="76" height="24" fill="${k.cyl(glass)}"/>
  <rect x="-50" y="-336" width="100" height="58" rx="8" fill="${k.metal(p.a ?? GOLD)}"/>
  ${[0, 1, 2, 3, 4, 5, 6].map((i) => `<rect x="${-42 + i * 13}" y="-330" width="3" height="46" fill="#000" opacity=".08"/>`).join('')}
  <path d="M -34 -334 L -34 -392 Q -34 -432 0 -432 Q 34 -432 34 -392 L 34 -334 Z" fill="${k.cyl(p.a2 ?? '#f3efe9')}"/>
  <rect x="-72" y="-176" width="144" height="104" rx="4" fill="#fffdf8" opacity=".92"/>
  ${wordmark(k, 0, -132, 19, shade(p.c, 0.55), p.sub)}
  ${gleam(-80, -246, 12, 220)}`;
}

export function jar(k, p) {
  const lid = p.a ?? shade(p.c, 0.1);
  return `
  <rect x="-165" y="-178" width="330" height="178" rx="30" fill="${k.cyl(p.c)}"/>
  <rect x="-150" y="-184" width="300" height="14" fill="${shade(p.c, 0.25)}"/>
  <rect x="-175" y="-282" width="350" height="104" rx="16" fill="${k.cyl(lid)}"/>
  <rect x="-175" y="-282" width="350" height="12" rx="6" fill="${tint(lid, 0.35)}"/>
  ${wordmark(k, 0, -96, 26, ink(p.c), p.sub)}
  ${gleam(-140, -160, 14, 130, 0.25)}`;
}

export function tallBottle(k, p) {
  const glass = tint(p.c, 0.15);
  return `
  <path d="M -92 -18 Q -92 0 -74 0 L 74 0 Q 92 0 92 -18 L 92 -282 Q 92 -334 42 -344 L 42 -356 L -42 -356 L -42 -344 Q -92 -334 -92 -282 Z" fill="${k.cyl(glass)}"/>
  <rect x="-52" y="-438" width="104" height="88" rx="10" fill="${k.cyl(p.a ?? '#f5f1ea')}"/>
  <rect x="-70" y="-236" width="140" height="150" rx="3" fill="#fff" opacity=".88"/>
  ${wordmark(k, 0, -176, 18, shade(p.c, 0.6), p.sub)}
  <rect x="-30" y="-124" width="60" height="2" fill="${shade(p.c, 0.4)}" opacity=".5"/>
  ${gleam(-78, -300, 12, 270, 0.3)}`;
}

function tubeBody(k, p, big) {
  const cap = p.a ?? '#f4f1ec';
  return `
  <rect x="-72" y="-74" width="144" height="74" rx="12" fill="${k.cyl(cap)}"/>
  <path d="M -64 -72 L -104 -394 L 104 -394 L 64 -72 Z" fill="${k.cyl(p.c)}"/>
  <rect x="-108" y="-426" width="216" height="36" rx="3" fill="${k.cyl(tint(p.c, 0.06))}"/>
  ${[...Array(16)].map((_, i) => `<rect x="${-100 + i * 13}" y="-422" width="2" height="28" fill="#000" opacity=".07"/>`).join('')}
  ${big && !k.flat ? `<text x="0" y="-300" text-anchor="middle" font-family="Liberation Sans" font-weight="bold" font-size="34" fill="${ink(p.c)}">${big}</text>` : ''}
  ${wordmark(k, 0, -236, 20, ink(p.c), p.sub)}
  ${gleam(-80, -380, 12, 280, 0.28)}`;
}

export function tube(k, p) {
  return tubeBody(k, p, p.big);
}

/** Three small tubes fanned out: the hand-cream gift set. */
export function tubeTrio(k, p) {
  const colours = [p.a2 ?? tint(p.c, 0.3), p.c, p.a3 ?? shade(p.c, 0.1)];
  return [-130, 130, 0]
    .map((x, i) => {
      const rot = [-9, 9, 0][i];
      return `<g transform="translate(${x},${i === 2 ? 0 : -6}) rotate(${rot}) scale(.7)">${tubeBody(k, { ...p, c: colours[i], sub: p.subs?.[i] }, null)}</g>`;
    })
    .join('');
}

export function maskBox(k, p) {
  const box = p.c;
  return `
  <path d="M 90 -380 L 150 -410 L 150 -34 L 90 0 Z" fill="${shade(box, 0.18)}"/>
  <path d="M -170 -380 L -110 -410 L 150 -410 L 90 -380 Z" fill="${tint(box, 0.25)}"/>
  <rect x="-170" y="-380" width="260" height="380" fill="${k.cloth(box)}"/>
  ${wordmark(k, -40, -320, 20, ink(box), p.sub)}
  <g transform="translate(30,0) rotate(7)">
    <path d="M -90 -300 L 90 -300 L 90 -6 Q 90 0 84 0 L -84 0 Q -90 0 -90 -6 Z" fill="${k.lin(
      [
        [0, tint(p.a ?? '#dfe7ea', 0.5)],
        [0.5, p.a ?? '#dfe7ea'],
        [1, shade(p.a ?? '#dfe7ea', 0.12)],
      ],
      [0, 0, 1, 1],
    )}"/>
    <path d="M -90 -300 ${[...Array(12)].map((_, i) => `L ${-90 + (i + 0.5) * 15} -292 L ${-90 + (i + 1) * 15} -300`).join(' ')} L 90 -286 L -90 -286 Z" fill="${shade(p.a ?? '#dfe7ea', 0.08)}"/>
    <circle cx="0" cy="-170" r="54" fill="${tint(p.c, 0.2)}" opacity=".9"/>
    ${k.flat ? '' : `<text x="0" y="-160" text-anchor="middle" font-family="Liberation Sans" font-size="22" letter-spacing="3" fill="#fff">MASK</text>`}
    ${wordmark(k, 0, -70, 15, shade(p.a ?? '#dfe7ea', 0.6), '')}
  </g>`;
}

/** Pump bottle; `p.w`/`p.h` size it from a slim eye cream to a 500 ml body wash. */
export function pump(k, p) {
  const w = p.w ?? 200;
  const h = p.h ?? 320;
  const r = p.r ?? 40;
  const a = p.a ?? '#f2efe9';
  const t = -h;
  return `
  <rect x="${-w / 2}" y="${t}" width="${w}" height="${h}" rx="${r}" fill="${k.cyl(p.c)}"/>
  <rect x="-40" y="${t - 34}" width="80" height="38" rx="6" fill="${k.cyl(a)}"/>
  <rect x="-12" y="${t - 76}" width="24" height="44" fill="${k.cyl(tint(a, 0.1))}"/>
  <path d="M -38 ${t - 74} L -38 ${t - 100} Q -38 ${t - 110} -28 ${t - 110} L 84 ${t - 110} Q 100 ${t - 110} 100 ${t - 98} L 100 ${t - 92} L 32 ${t - 86} L 32 ${t - 74} Z" fill="${k.cyl(a)}"/>
  <rect x="${-w / 2 + 18}" y="${t + h * 0.3}" width="${w - 36}" height="${h * 0.42}" rx="4" fill="${p.band ?? '#fff'}" opacity="${p.band ? 1 : 0.85}"/>
  ${wordmark(k, 0, t + h * 0.3 + h * 0.17, Math.min(22, w / 8), shade(p.c, 0.6), p.sub)}
  ${gleam(-w / 2 + 14, t + 20, 12, h - 50, 0.28)}`;
}

export function shampoo(k, p) {
  const a = p.a ?? '#f4f1ec';
  return `
  <path d="M -102 -22 Q -102 0 -80 0 L 80 0 Q 102 0 102 -22 L 102 -282 Q 102 -336 52 -346 L -52 -346 Q -102 -336 -102 -282 Z" fill="${k.cyl(p.c)}"/>
  <rect x="-58" y="-410" width="116" height="68" rx="16" fill="${k.cyl(a)}"/>
  <rect x="-58" y="-380" width="116" height="3" fill="#000" opacity=".12"/>
  ${wordmark(k, 0, -200, 22, ink(p.c), p.sub)}
  <rect x="-50" y="-150" width="100" height="2" fill="${ink(p.c)}" opacity=".4"/>
  ${gleam(-86, -320, 12, 290, 0.28)}`;
}

export function saltJar(k, p) {
  const rand = rng(7);
  const crystals = [...Array(70)]
    .map(() => {
      const x = -100 + rand() * 200;
      const y = -200 + rand() * 186;
      return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(4 + rand() * 7).toFixed(1)}" height="${(4 + rand() * 6).toFixed(1)}" rx="2" fill="#fff" opacity="${(0.35 + rand() * 0.5).toFixed(2)}" transform="rotate(${(rand() * 90).toFixed(0)} ${x.toFixed(1)} ${y.toFixed(1)})"/>`;
    })
    .join('');
  const cork = '#c9a27a';
  return `
  <rect x="-125" y="-262" width="250" height="262" rx="34" fill="${k.cyl('#e9eef0')}" opacity=".9"/>
  <rect x="-112" y="-212" width="224" height="200" rx="24" fill="${k.cyl(p.c)}"/>
  ${k.flat ? '' : crystals}
  <rect x="-100" y="-310" width="200" height="56" rx="10" fill="${k.cyl(cork)}"/>
  ${[...Array(24)].map((_, i) => `<circle cx="${-90 + ((i * 37) % 180)}" cy="${-300 + ((i * 13) % 40)}" r="2" fill="${shade(cork, 0.3)}" opacity=".5"/>`).join('')}
  <rect x="-80" y="-150" width="160" height="70" rx="3" fill="#fffdf8" opacity=".92"/>
  ${wordmark(k, 0, -120, 16, shade(p.c, 0.55), p.sub)}
  ${gleam(-110, -246, 12, 220, 0.4)}`;
}

export function lipstick(k, p) {
  const tube = p.a ?? '#2b2b2b';
  return `
  <g transform="translate(-70,0)">
    <rect x="-46" y="-184" width="92" height="184" rx="8" fill="${k.metal(tube)}"/>
    <rect x="-48" y="-194" width="96" height="12" rx="3" fill="${k.metal(GOLD)}"/>
    <rect x="-36" y="-256" width="72" height="64" rx="4" fill="${k.metal(GOLD)}"/>
    <path d="M -30 -254 L -30 -340 Q -30 -352 -18 -358 L 20 -388 Q 30 -394 30 -382 L 30 -254 Z" fill="${k.cyl(p.c)}"/>
  </g>
  <g transform="translate(96,0)">
    <rect x="-62" y="-96" width="200" height="96" rx="10" fill="${k.cylV(tube)}"/>
    <rect x="-62" y="-96" width="14" height="96" rx="5" fill="${k.cylV(GOLD)}"/>
    ${wordmark(k, 42, -40, 15, tint(GOLD, 0.2), '')}
  </g>`;
}

export function palette(k, p) {
  const a = p.a ?? '#efe6dc';
  const pans = p.pans ?? [
    '#f3e1d2',
    '#e6c3a8',
    '#d39f83',
    '#c98c7a',
    '#b9785e',
    '#9a5f47',
    '#e8c9a0',
    '#7a4a3a',
    '#5a3a30',
  ];
  const cells = [];
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      const y = -206 + r * 52;
      const half = 150 + ((y + 230) / 190) * 30;
      const cw = (half * 2) / 3;
      const x = -half + c * cw;
      const colour = pans[r * 3 + c] ?? a;
      cells.push(
        `<rect x="${(x + 8).toFixed(1)}" y="${y}" width="${(cw - 16).toFixed(1)}" height="42" rx="6" fill="${k.lin(
          [
            [0, tint(colour, 0.25)],
            [0.6, colour],
            [1, shade(colour, 0.12)],
          ],
          [0, 0, 1, 1],
        )}"/>`,
      );
    }
  }
  return `
  <rect x="-200" y="-440" width="400" height="210" rx="18" fill="${k.cyl(a)}"/>
  <rect x="-184" y="-426" width="368" height="182" rx="12" fill="${k.lin(
    [
      [0, '#ffffff'],
      [0.45, '#e8ecef'],
      [0.5, '#fafbfc'],
      [1, '#d6dce0'],
    ],
    [0, 0, 1, 1],
  )}"/>
  <rect x="-200" y="-236" width="400" height="10" fill="${shade(a, 0.3)}"/>
  <path d="M -180 -228 L 180 -228 L 212 -40 L -212 -40 Z" fill="${tint(a, 0.2)}"/>
  ${cells.join('')}
  <rect x="-212" y="-42" width="424" height="42" rx="8" fill="${k.cylV(shade(a, 0.06))}"/>
  ${wordmark(k, 0, -14, 15, shade(a, 0.5), '')}`;
}

export function cushion(k, p) {
  const a = p.a ?? '#f2ede6';
  return `
  <circle cx="0" cy="-270" r="158" fill="${k.cyl(a)}"/>
  <circle cx="0" cy="-270" r="132" fill="${k.lin(
    [
      [0, '#ffffff'],
      [0.45, '#e6eaee'],
      [0.52, '#fbfcfd'],
      [1, '#d2d9de'],
    ],
    [0, 0, 1, 1],
  )}"/>
  <path d="M -178 -96 L -178 -40 A 178 46 0 0 0 178 -40 L 178 -96 Z" fill="${k.cyl(a)}"/>
  <ellipse cx="0" cy="-96" rx="178" ry="46" fill="${tint(a, 0.3)}"/>
  <ellipse cx="0" cy="-98" rx="138" ry="32" fill="${k.rad([
    [0, tint(p.c, 0.3)],
    [0.7, p.c],
    [1, shade(p.c, 0.1)],
  ])}"/>
  <ellipse cx="30" cy="-104" rx="70" ry="18" fill="#fff" opacity=".5"/>
  ${wordmark(k, 0, -44, 16, shade(a, 0.5), '')}`;
}

export function mascara(k, p) {
  const body = p.c;
  return `
  <g transform="translate(-60,0)">
    <rect x="-36" y="-300" width="72" height="300" rx="14" fill="${k.cyl(body)}"/>
    <rect x="-16" y="-322" width="32" height="26" fill="${k.metal('#8a8a8a')}"/>
    ${k.flat ? '' : `<text x="0" y="-150" text-anchor="middle" dominant-baseline="middle" font-family="DejaVu Sans" font-weight="200" font-size="15" letter-spacing="5" fill="${ink(body)}" transform="rotate(-90 0 -150)">WEMATRIX</text>`}
  </g>
  <g transform="translate(110,0) rotate(-14)">
    <rect x="-14" y="-124" width="28" height="114" rx="13" fill="#222"/>
    ${[...Array(14)].map((_, i) => `<rect x="-18" y="${-120 + i * 8}" width="36" height="2" fill="#111"/>`).join('')}
    <rect x="-4" y="-236" width="8" height="114" fill="${k.metal('#b8b8b8')}"/>
    <rect x="-32" y="-430" width="64" height="198" rx="14" fill="${k.cyl(body)}"/>
    <rect x="-33" y="-244" width="66" height="12" fill="${k.metal(p.a ?? GOLD)}"/>
  </g>`;
}

export function lipGloss(k, p) {
  const one = (c, x, rot) => `
  <g transform="translate(${x},0) rotate(${rot})">
    <rect x="-34" y="-250" width="68" height="250" rx="10" fill="${k.cyl('#eef0f2')}" opacity=".95"/>
    <rect x="-26" y="-236" width="52" height="224" rx="7" fill="${k.cyl(c)}"/>
    <rect x="-30" y="-416" width="60" height="170" rx="8" fill="${k.metal(p.a ?? '#2a2a2a')}"/>
    ${gleam(-24, -236, 8, 210, 0.45)}
  </g>`;
  return one(p.a2 ?? tint(p.c, 0.25), -70, -6) + one(p.c, 60, 4);
}

export function foundation(k, p) {
  return `
  <rect x="-112" y="-282" width="224" height="282" rx="24" fill="${k.cyl('#eef1f3')}" opacity=".95"/>
  <rect x="-92" y="-254" width="184" height="222" rx="14" fill="${k.cyl(p.c)}"/>
  <rect x="-40" y="-312" width="80" height="34" rx="4" fill="${k.metal(p.a ?? GOLD)}"/>
  <rect x="-32" y="-366" width="64" height="56" rx="10" fill="${k.cyl('#2b2b2b')}"/>
  <rect x="30" y="-352" width="30" height="12" rx="4" fill="#2b2b2b"/>
  ${wordmark(k, 0, -190, 18, shade(p.c, 0.55), p.sub)}
  ${gleam(-100, -266, 12, 240, 0.5)}`;
}

export function perfumeSquare(k, p) {
  const glass = tint(p.c, 0.55);
  return `
  <rect x="-132" y="-282" width="264" height="282" rx="22" fill="${k.cyl(glass)}" opacity=".96"/>
  <rect x="-110" y="-226" width="220" height="196" rx="12" fill="${k.cyl(p.c)}" opacity=".75"/>
  <rect x="-132" y="-30" width="264" height="30" rx="12" fill="${tint(glass, 0.3)}" opacity=".6"/>
  <rect x="-30" y="-312" width="60" height="34" rx="3" fill="${k.metal(GOLD)}"/>
  <rect x="-72" y="-424" width="144" height="116" rx="10" fill="${k.cyl(p.a ?? '#f1ece4')}"/>
  <rect x="-70" y="-178" width="140" height="64" rx="2" fill="#fffdf8" opacity=".92"/>
  ${wordmark(k, 0, -152, 16, shade(p.c, 0.6), p.sub)}
  ${gleam(-116, -268, 14, 240, 0.4)}`;
}

export function perfumeRound(k, p) {
  return `
  <ellipse cx="0" cy="-168" rx="166" ry="168" fill="${k.rad(
    [
      [0, tint(p.c, 0.45)],
      [0.55, tint(p.c, 0.15)],
      [1, shade(p.c, 0.25)],
    ],
    0.5,
    0.5,
    0.5,
    0.35,
    0.3,
  )}"/>
  <ellipse cx="0" cy="-150" rx="130" ry="128" fill="${k.rad([
    [0, tint(p.c, 0.1)],
    [1, shade(p.c, 0.3)],
  ])}" opacity=".55"/>
  <ellipse cx="-70" cy="-240" rx="34" ry="58" fill="#fff" opacity=".35" transform="rotate(30 -70 -240)"/>
  <rect x="-34" y="-352" width="68" height="24" rx="3" fill="${k.metal(GOLD)}"/>
  <rect x="-52" y="-460" width="104" height="112" rx="16" fill="${k.cyl(p.a ?? '#3a2f2a')}"/>
  <rect x="-64" y="-150" width="128" height="56" rx="2" fill="#fffdf8" opacity=".9"/>
  ${wordmark(k, 0, -128, 14, shade(p.c, 0.6), p.sub)}`;
}

export function perfumeTall(k, p) {
  const glass = tint(p.c, 0.35);
  return `
  <rect x="-74" y="-350" width="148" height="350" rx="14" fill="${k.cyl(glass)}" opacity=".96"/>
  <rect x="-58" y="-290" width="116" height="270" rx="8" fill="${k.cyl(p.c)}" opacity=".8"/>
  <rect x="-24" y="-372" width="48" height="26" fill="${k.metal('#bfc3c7')}"/>
  <rect x="-54" y="-460" width="108" height="92" rx="6" fill="${k.cyl(p.a ?? '#222')}"/>
  ${k.flat ? '' : `<text x="0" y="-160" text-anchor="middle" font-family="DejaVu Sans" font-weight="200" font-size="16" letter-spacing="5" fill="#fff" transform="rotate(-90 0 -160)">WEMATRIX ${p.sub ?? ''}</text>`}
  ${gleam(-62, -336, 10, 320, 0.4)}`;
}

export function candle(k, p) {
  const wood = '#b98b62';
  const wax = p.wax ?? '#f5ecdf';
  return `
  <ellipse cx="-150" cy="-200" rx="108" ry="116" fill="${k.cyl(wood)}" transform="rotate(-8 -150 -200)"/>
  <ellipse cx="-150" cy="-200" rx="90" ry="98" fill="none" stroke="${shade(wood, 0.2)}" stroke-width="3" opacity=".5" transform="rotate(-8 -150 -200)"/>
  <rect x="-118" y="-262" width="252" height="262" rx="22" fill="${k.cyl(tint(p.c, 0.2))}" opacity=".9"/>
  <rect x="-104" y="-208" width="224" height="194" rx="14" fill="${k.cyl(wax)}"/>
  <ellipse cx="8" cy="-208" rx="112" ry="18" fill="${tint(wax, 0.4)}"/>
  <rect x="5" y="-234" width="6" height="28" rx="2" fill="#3a3030"/>
  ${
    k.flat
      ? ''
      : `<circle cx="8" cy="-262" r="46" fill="${k.rad([
          [0, '#ffe7a8', 0.7],
          [1, '#ffe7a8', 0],
        ])}"/>
  <path d="M 8 -300 Q 26 -262 16 -242 Q 8 -232 0 -242 Q -10 -262 8 -300 Z" fill="${k.lin(
    [
      [0, '#fff6d6'],
      [0.6, '#ffc45a'],
      [1, '#ff8a3c'],
    ],
    [0, 0, 0, 1],
  )}"/>`
  }
  <rect x="-60" y="-130" width="136" height="64" rx="2" fill="${p.c}" opacity=".95"/>
  ${wordmark(k, 8, -104, 15, ink(p.c), p.sub)}
  ${gleam(-108, -246, 12, 220, 0.4)}`;
}

export function diffuser(k, p) {
  const reed = '#9b7653';
  const reeds = [-150, -96, -46, 6, 60, 118, 170]
    .map(
      (x, i) =>
        `<line x1="${(i - 3) * 4}" y1="-300" x2="${x}" y2="${-500 - ((i * 29) % 40)}" stroke="${reed}" stroke-width="6" stroke-linecap="round"/>`,
    )
    .join('');
  return `
  ${reeds}
  <path d="M -110 -24 Q -110 0 -86 0 L 86 0 Q 110 0 110 -24 L 110 -200 Q 110 -250 40 -262 L 40 -300 L -40 -300 L -40 -262 Q -110 -250 -110 -200 Z" fill="${k.cyl(tint(p.c, 0.3))}" opacity=".95"/>
  <path d="M -96 -24 Q -96 -12 -80 -12 L 80 -12 Q 96 -12 96 -24 L 96 -170 L -96 -170 Z" fill="${k.cyl(p.c)}" opacity=".75"/>
  <rect x="-44" y="-312" width="88" height="24" rx="4" fill="${k.metal(p.a ?? '#2b2b2b')}"/>
  <rect x="-70" y="-150" width="140" height="70" rx="2" fill="#fffdf8" opacity=".9"/>
  ${wordmark(k, 0, -122, 15, shade(p.c, 0.6), p.sub)}
  ${gleam(-96, -220, 12, 190, 0.4)}`;
}

export function giftBox(k, p) {
  const a = p.a ?? GOLD;
  return `
  <path d="M 150 -236 L 212 -266 L 212 -30 L 150 0 Z" fill="${shade(p.c, 0.22)}"/>
  <rect x="-200" y="-236" width="350" height="236" fill="${k.cloth(p.c)}"/>
  <path d="M 160 -286 L 222 -316 L 222 -264 L 160 -234 Z" fill="${shade(p.c, 0.12)}"/>
  <path d="M -210 -286 L -148 -316 L 222 -316 L 160 -286 Z" fill="${tint(p.c, 0.18)}"/>
  <rect x="-210" y="-286" width="370" height="52" fill="${k.cloth(tint(p.c, 0.06))}"/>
  <rect x="-18" y="-286" width="40" height="286" fill="${k.cyl(a)}"/>
  <path d="M -2 -300 L 176 -300 L 190 -306 L 190 -290 L 160 -286 L -2 -286 Z" fill="${shade(a, 0.1)}" opacity="0"/>
  <path d="M 2 -300 Q -80 -380 -96 -330 Q -100 -298 2 -300 Z" fill="${k.cyl(a)}"/>
  <path d="M 2 -300 Q 84 -384 104 -334 Q 110 -300 2 -300 Z" fill="${k.cyl(shade(a, 0.06))}"/>
  <path d="M -4 -300 L -40 -250 L -24 -246 Z M 8 -300 L 46 -252 L 30 -248 Z" fill="${shade(a, 0.15)}"/>
  <circle cx="2" cy="-300" r="16" fill="${k.cyl(a)}"/>
  ${wordmark(k, -110, -120, 22, tint(a, 0.2), p.sub)}`;
}

export function earrings(k, p) {
  const box = p.a ?? '#7d5a6b';
  const pearl = (cx) => `
    <rect x="${cx - 3}" y="-210" width="6" height="36" fill="${k.metal('#c8ccd0')}"/>
    <circle cx="${cx}" cy="-160" r="44" fill="${k.rad(
      [
        [0, '#ffffff'],
        [0.45, tint(p.c, 0.4)],
        [0.85, p.c],
        [1, shade(p.c, 0.2)],
      ],
      0.5,
      0.5,
      0.55,
      0.35,
      0.3,
    )}"/>`;
  return `
  <rect x="-170" y="-400" width="340" height="250" rx="20" fill="${k.cyl(box)}"/>
  <rect x="-150" y="-382" width="300" height="214" rx="12" fill="${k.lin(
    [
      [0, '#f7f1ea'],
      [1, '#e4d8cc'],
    ],
    [0, 0, 0, 1],
  )}"/>
  ${wordmark(k, 0, -276, 18, shade(box, 0.2), '')}
  <rect x="-180" y="-150" width="360" height="150" rx="16" fill="${k.cyl(box)}"/>
  <rect x="-150" y="-130" width="300" height="60" rx="30" fill="${shade(box, 0.25)}"/>
  ${pearl(-62)}${pearl(62)}`;
}
