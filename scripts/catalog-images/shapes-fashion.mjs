// Apparel (flat lay, front view), shoes (side view, toe to the right) and accessories.
// Same convention as the beauty shapes: centred on x=0, base on y=0, ~420 units tall.
import { isLight, mix, shade, tint, wordmark } from './paint.mjs';

const seam = (c) => shade(c, 0.18);
const fold = (d, c, w = 5, o = 0.14) =>
  `<path d="${d}" fill="none" stroke="${shade(c, 0.5)}" stroke-width="${w}" stroke-linecap="round" opacity="${o}"/>`;
const outline = (c) => `stroke="${shade(c, 0.15)}" stroke-width="2" stroke-linejoin="round"`;

/** Small flower print for dresses, as an SVG pattern. */
function floral(k, c, dot) {
  const i = k.id('pat');
  k.defs.push(`<pattern id="${i}" width="46" height="46" patternUnits="userSpaceOnUse" patternTransform="rotate(15)">
    ${[0, 72, 144, 216, 288].map((a) => `<circle cx="${12 + 5 * Math.cos((a * Math.PI) / 180)}" cy="${12 + 5 * Math.sin((a * Math.PI) / 180)}" r="3.4" fill="${dot}"/>`).join('')}
    <circle cx="12" cy="12" r="2" fill="${tint(c, 0.7)}"/>
    <circle cx="35" cy="34" r="2.6" fill="${dot}" opacity=".6"/></pattern>`);
  return `url(#${i})`;
}

export function tshirt(k, p) {
  const body =
    'M -58 -424 Q 0 -384 58 -424 L 152 -398 Q 180 -384 196 -350 L 222 -296 L 168 -262 L 136 -300 L 136 -10 Q 136 0 126 0 L -126 0 Q -136 0 -136 -10 L -136 -300 L -168 -262 L -222 -296 L -196 -350 Q -180 -384 -152 -398 Z';
  return `
  <path d="${body}" fill="${k.cloth(p.c)}" ${outline(p.c)}/>
  <path d="M -58 -424 Q 0 -404 58 -424 Q 0 -384 -58 -424 Z" fill="${shade(p.c, 0.22)}"/>
  <path d="M -58 -424 Q 0 -384 58 -424" fill="none" stroke="${seam(p.c)}" stroke-width="10" opacity=".55"/>
  ${fold('M -222 -296 L -168 -262', p.c, 4, 0.25)}${fold('M 222 -296 L 168 -262', p.c, 4, 0.25)}
  ${fold('M -136 -18 L 136 -18', p.c, 3, 0.18)}
  ${fold('M -60 -250 Q -40 -150 -72 -40', p.c)}${fold('M 70 -200 Q 50 -120 84 -50', p.c)}
  ${p.collar ? poloCollar(p) : ''}`;
}

function poloCollar(p) {
  return `
  <rect x="-16" y="-410" width="32" height="110" fill="${shade(p.c, 0.06)}" ${outline(p.c)}/>
  <circle cx="0" cy="-370" r="6" fill="${tint(p.c, 0.5)}" stroke="${seam(p.c)}"/>
  <circle cx="0" cy="-330" r="6" fill="${tint(p.c, 0.5)}" stroke="${seam(p.c)}"/>
  <path d="M -60 -426 L -6 -404 L -40 -360 L -84 -404 Z" fill="${tint(p.c, 0.08)}" ${outline(p.c)}/>
  <path d="M 60 -426 L 6 -404 L 40 -360 L 84 -404 Z" fill="${tint(p.c, 0.08)}" ${outline(p.c)}/>`;
}

export function polo(k, p) {
  return tshirt(k, { ...p, collar: true });
}

/** Long-sleeved top; `variant` picks shirt, hoodie, jacket or cardigan details. */
function longTop(k, p, variant) {
  const body =
    'M -50 -424 L -152 -400 Q -188 -382 -198 -322 L -222 -68 L -170 -60 L -142 -290 L -140 -10 Q -140 0 -130 0 L 130 0 Q 140 0 140 -10 L 142 -290 L 170 -60 L 222 -68 L 198 -322 Q 188 -382 152 -400 L 50 -424 Z';
  const c = p.c;
  const common = `<path d="${body}" fill="${k.cloth(c)}" ${outline(c)}/>
  ${fold('M -222 -68 L -170 -60', c, 14, 0.12)}${fold('M 222 -68 L 170 -60', c, 14, 0.12)}
  ${fold('M -196 -250 Q -186 -180 -196 -110', c, 4, 0.12)}${fold('M 196 -250 Q 186 -180 196 -110', c, 4, 0.12)}`;
  if (variant === 'shirt') {
    return `${common}
  <path d="M -50 -424 Q 0 -440 50 -424 L 40 -410 Q 0 -420 -40 -410 Z" fill="${shade(c, 0.2)}"/>
  <rect x="-9" y="-398" width="18" height="394" fill="${shade(c, 0.04)}" ${outline(c)}/>
  ${[-360, -300, -240, -180, -120, -60].map((y) => `<circle cx="0" cy="${y}" r="5.5" fill="${tint(c, 0.6)}" stroke="${seam(c)}"/>`).join('')}
  <path d="M -52 -426 L -2 -396 L -30 -352 L -78 -404 Z" fill="${tint(c, 0.1)}" ${outline(c)}/>
  <path d="M 52 -426 L 2 -396 L 30 -352 L 78 -404 Z" fill="${tint(c, 0.1)}" ${outline(c)}/>
  <path d="M 42 -318 L 100 -318 L 100 -256 L 71 -246 L 42 -256 Z" fill="none" ${outline(c)}/>
  ${fold('M -80 -240 Q -66 -150 -90 -40', c)}`;
  }
  if (variant === 'hoodie') {
    return `${common}
  <path d="M -78 -410 Q -96 -492 0 -500 Q 96 -492 78 -410 Q 40 -376 0 -374 Q -40 -376 -78 -410 Z" fill="${k.cloth(c)}" ${outline(c)}/>
  <path d="M -50 -414 Q -58 -470 0 -474 Q 58 -470 50 -414 Q 26 -392 0 -392 Q -26 -392 -50 -414 Z" fill="${shade(c, 0.3)}"/>
  <path d="M -22 -384 L -28 -290 M 22 -384 L 28 -290" stroke="${tint(c, 0.6)}" stroke-width="6" stroke-linecap="round"/>
  <path d="M -92 -160 L 92 -160 L 118 -44 L -118 -44 Z" fill="${shade(c, 0.03)}" ${outline(c)}/>
  ${fold('M -92 -160 L -118 -44', c, 6, 0.2)}${fold('M 92 -160 L 118 -44', c, 6, 0.2)}
  <rect x="-140" y="-36" width="280" height="36" fill="${shade(c, 0.06)}" ${outline(c)}/>`;
  }
  if (variant === 'jacket') {
    return `${common}
  <path d="M -54 -448 L 54 -448 L 54 -410 L -54 -410 Z" fill="${shade(c, 0.08)}" ${outline(c)}/>
  <path d="M 0 -448 L 0 -4" stroke="${shade(c, 0.45)}" stroke-width="6"/>
  <path d="M 0 -448 L 0 -4" stroke="${tint(c, 0.3)}" stroke-width="2" stroke-dasharray="3 4"/>
  <path d="M -110 -210 L -58 -170" stroke="${shade(c, 0.35)}" stroke-width="5" stroke-linecap="round"/>
  <path d="M 110 -210 L 58 -170" stroke="${shade(c, 0.35)}" stroke-width="5" stroke-linecap="round"/>
  <rect x="-140" y="-34" width="280" height="34" fill="${shade(c, 0.07)}" ${outline(c)}/>
  ${fold('M -60 -360 Q -50 -300 -70 -240', c)}`;
  }
  // cardigan: shorter V-neck with buttons and ribbed edges
  return `${common}
  <path d="M -50 -424 L 0 -250 L 50 -424" fill="${shade(c, 0.25)}" ${outline(c)}/>
  <path d="M -50 -424 L -4 -250 L -4 0" fill="none" stroke="${shade(c, 0.1)}" stroke-width="12"/>
  ${[-210, -150, -90, -30].map((y) => `<circle cx="6" cy="${y}" r="7" fill="${tint(c, 0.55)}" stroke="${seam(c)}"/>`).join('')}
  <rect x="-140" y="-40" width="280" height="40" fill="${shade(c, 0.05)}"/>
  ${[...Array(28)].map((_, i) => `<rect x="${-138 + i * 10}" y="-40" width="2" height="40" fill="${shade(c, 0.2)}" opacity=".5"/>`).join('')}`;
}

export const shirt = (k, p) => longTop(k, p, 'shirt');
export const hoodie = (k, p) => longTop(k, p, 'hoodie');
export const jacket = (k, p) => longTop(k, p, 'jacket');
export const cardigan = (k, p) => longTop(k, p, 'cardigan');

export function coat(k, p) {
  const c = p.c;
  const body =
    'M -48 -640 L -172 -610 Q -202 -592 -206 -550 L -230 -236 L -176 -226 L -160 -470 L -184 -8 Q -184 0 -174 0 L 174 0 Q 184 0 184 -8 L 160 -470 L 176 -226 L 230 -236 L 206 -550 Q 202 -592 172 -610 L 48 -640 Z';
  return `
  <path d="${body}" fill="${k.cloth(c)}" ${outline(c)}/>
  <path d="M -48 -640 Q 0 -626 48 -640 L 0 -450 Z" fill="${shade(c, 0.3)}"/>
  <path d="M -48 -640 L -4 -432 L -52 -482 L -104 -552 L -80 -570 L -96 -612 Z" fill="${tint(c, 0.07)}" ${outline(c)}/>
  <path d="M 48 -640 L 4 -432 L 52 -482 L 104 -552 L 80 -570 L 96 -612 Z" fill="${shade(c, 0.03)}" ${outline(c)}/>
  <path d="M 8 -436 L 14 0" stroke="${shade(c, 0.3)}" stroke-width="3"/>
  <path d="M -140 -260 L -64 -266 M 66 -266 L 142 -260" stroke="${shade(c, 0.3)}" stroke-width="4" stroke-linecap="round"/>
  ${fold('M -230 -236 L -176 -226', c, 12, 0.14)}${fold('M 230 -236 L 176 -226', c, 12, 0.14)}
  ${fold('M -70 -380 Q -84 -200 -110 -20', c)}${fold('M 92 -370 Q 100 -200 124 -20', c)}${fold('M -150 -200 Q -140 -100 -150 -20', c, 4, 0.1)}`;
}

export function dress(k, p) {
  const c = p.c;
  const body =
    'M -52 -432 L 0 -356 L 52 -432 L 94 -428 L 102 -360 L 78 -272 Q 144 -140 200 -16 Q 100 10 0 2 Q -100 10 -200 -16 Q -144 -140 -78 -272 L -102 -360 L -94 -428 Z';
  return `
  <path d="M 92 -430 Q 160 -424 156 -356 Q 128 -338 100 -360 Z" fill="${k.cloth(c)}" ${outline(c)}/>
  <path d="M -92 -430 Q -160 -424 -156 -356 Q -128 -338 -100 -360 Z" fill="${k.cloth(c)}" ${outline(c)}/>
  <path d="${body}" fill="${k.cloth(c)}" ${outline(c)}/>
  ${k.flat ? '' : `<path d="${body}" fill="${floral(k, c, p.a ?? shade(c, 0.35))}" opacity=".8"/>`}
  <path d="M -52 -432 L 0 -356 L 52 -432 Q 0 -420 -52 -432 Z" fill="${shade(c, 0.25)}"/>
  <path d="M -82 -282 Q 0 -270 82 -282 L 80 -262 Q 0 -250 -80 -262 Z" fill="${shade(c, 0.1)}"/>
  ${fold('M -40 -250 Q -70 -140 -110 -20', c)}${fold('M 30 -240 Q 50 -140 70 -10', c)}${fold('M -4 -250 Q -6 -140 -14 -10', c, 4, 0.1)}`;
}

export function skirt(k, p) {
  const c = p.c;
  const n = 14;
  const pleats = [...Array(n)]
    .map((_, i) => {
      if (i % 2) return '';
      const x0 = -112 + (224 / n) * i;
      const x1 = x0 + 224 / n;
      const b0 = -196 + (392 / n) * i;
      const b1 = b0 + 392 / n;
      return `<path d="M ${x0} -372 L ${x1} -372 L ${b1} -8 L ${b0} -8 Z" fill="${shade(c, 0.08)}"/>`;
    })
    .join('');
  return `
  <path d="M -112 -372 L 112 -372 L 196 -12 Q 0 10 -196 -12 Z" fill="${k.cloth(c)}" ${outline(c)}/>
  ${pleats}
  <rect x="-116" y="-410" width="232" height="40" rx="6" fill="${k.cloth(shade(c, 0.04))}" ${outline(c)}/>
  <circle cx="90" cy="-390" r="7" fill="${tint(c, 0.5)}" stroke="${seam(c)}"/>`;
}

export function trousers(k, p) {
  const c = p.c;
  return `
  <path d="M -124 -560 L 124 -560 L 134 -6 Q 134 0 128 0 L 22 0 Q 16 0 16 -6 L 0 -400 L -16 -6 Q -16 0 -22 0 L -128 0 Q -134 0 -134 -6 Z" fill="${k.cloth(c)}" ${outline(c)}/>
  <rect x="-126" y="-596" width="252" height="38" rx="4" fill="${k.cloth(shade(c, 0.05))}" ${outline(c)}/>
  ${[-96, -40, 40, 96].map((x) => `<rect x="${x - 5}" y="-600" width="10" height="44" rx="2" fill="${shade(c, 0.1)}"/>`).join('')}
  <path d="M 0 -558 L 0 -450 Q 0 -430 -22 -426" fill="none" stroke="${seam(c)}" stroke-width="3"/>
  <path d="M -124 -550 Q -96 -510 -90 -470 M 124 -550 Q 96 -510 90 -470" fill="none" stroke="${seam(c)}" stroke-width="3"/>
  ${fold('M -72 -470 L -76 -10', c, 3, 0.28)}${fold('M 72 -470 L 76 -10', c, 3, 0.28)}
  ${fold('M -40 -330 Q -60 -300 -40 -270', c, 4, 0.12)}${fold('M 50 -200 Q 30 -170 50 -140', c, 4, 0.12)}`;
}

function sole(k, c, d) {
  return `<path d="${d}" fill="${k.cylV(c)}" stroke="${shade(c, 0.18)}" stroke-width="2"/>`;
}

export function sneaker(k, p) {
  const w = p.base ?? '#f7f6f2';
  return `
  ${sole(k, '#f2f0ea', 'M -214 -14 Q -218 -52 -198 -56 L 196 -56 Q 232 -50 228 -22 Q 224 0 196 0 L -196 0 Q -214 0 -214 -14 Z')}
  <path d="M -214 -26 L 228 -26" stroke="${p.sole ?? shade(w, 0.2)}" stroke-width="3" opacity=".6"/>
  <path d="M -198 -56 L -202 -150 Q -200 -170 -180 -170 Q -150 -140 -112 -142 L -86 -184 Q -72 -194 -60 -180 L 60 -128 Q 160 -106 208 -80 Q 226 -68 222 -56 Z" fill="${k.cloth(w)}" stroke="${shade(w, 0.15)}" stroke-width="2"/>
  <path d="M 100 -56 Q 150 -112 212 -76 Q 228 -64 222 -56 Z" fill="${shade(w, 0.05)}"/>
  ${[...Array(6)].map((_, i) => `<circle cx="${140 + i * 12}" cy="${-78 - (i % 2) * 8}" r="2.4" fill="${shade(w, 0.25)}"/>`).join('')}
  <path d="M -202 -150 Q -200 -170 -180 -170 Q -168 -158 -156 -152 L -150 -100 L -200 -92 Z" fill="${k.cloth(p.c)}"/>
  <path d="M -150 -74 Q -40 -82 60 -124 Q -10 -100 -140 -102 Z" fill="${k.cloth(p.c)}" opacity=".95"/>
  <path d="M -200 -150 Q -180 -170 -150 -146 Q -130 -138 -112 -142" fill="none" stroke="${shade(w, 0.18)}" stroke-width="6" stroke-linecap="round"/>
  ${[0, 1, 2, 3, 4].map((i) => `<rect x="${-72 + i * 26}" y="${-178 + i * 11}" width="30" height="7" rx="3" fill="${p.lace ?? '#ffffff'}" stroke="${shade(w, 0.2)}" transform="rotate(-30 ${-57 + i * 26} ${-174 + i * 11})"/>`).join('')}
  ${wordmark(k, -80, -30, 10, shade(w, 0.4), '')}`;
}

export function runner(k, p) {
  const c = p.c;
  return `
  ${sole(k, '#2e2e30', 'M -212 -10 Q -216 -30 -200 -32 L 214 -32 Q 232 -26 226 -10 Q 222 0 206 0 L -196 0 Q -212 0 -212 -10 Z')}
  <path d="M -214 -30 Q -222 -86 -196 -92 L 196 -84 Q 236 -70 226 -30 Z" fill="${k.cylV('#f4f4f2')}" stroke="#d8d8d4" stroke-width="2"/>
  <path d="M -160 -70 Q 0 -50 180 -68" fill="none" stroke="${tint(c, 0.3)}" stroke-width="5" opacity=".6"/>
  <path d="M -196 -92 L -198 -176 Q -196 -196 -174 -196 Q -140 -164 -104 -166 L -80 -200 Q -66 -208 -56 -194 L 80 -144 Q 170 -118 204 -88 Z" fill="${k.cloth(c)}" stroke="${shade(c, 0.15)}" stroke-width="2"/>
  ${k.flat ? '' : [...Array(40)].map((_, i) => `<circle cx="${-150 + (i % 10) * 30 + (Math.floor(i / 10) % 2) * 15}" cy="${-190 + Math.floor(i / 10) * 24 + (i % 10) * 5}" r="3" fill="${shade(c, 0.18)}" opacity=".45"/>`).join('')}
  <path d="M -198 -176 Q -196 -196 -174 -196 Q -160 -182 -148 -176 L -140 -100 L -196 -94 Z" fill="${shade(c, 0.2)}"/>
  <path d="M -120 -96 Q 20 -112 140 -150 Q 30 -130 -110 -130 Z" fill="${p.a ?? '#ffffff'}" opacity=".9"/>
  ${[0, 1, 2, 3, 4].map((i) => `<rect x="${-66 + i * 26}" y="${-192 + i * 10}" width="30" height="7" rx="3" fill="#fff" transform="rotate(-30 ${-51 + i * 26} ${-188 + i * 10})"/>`).join('')}`;
}

export function heel(k, p) {
  const c = p.c;
  return `
  <path d="M -176 -172 L -128 -160 L -138 -2 L -152 -2 Z" fill="${k.cyl(shade(c, 0.1))}"/>
  <rect x="-155" y="-10" width="20" height="10" rx="2" fill="#222"/>
  <path d="M -180 -244 Q -120 -204 -60 -172 Q -10 -146 26 -114 L 18 -104 Q -14 -128 -62 -152 Q -130 -184 -180 -244 Z" fill="${tint(c, 0.55)}"/>
  <path d="M -180 -244 Q -130 -184 -62 -152 Q -14 -128 18 -104 Q 130 -70 236 -12 L 236 -6 Q 140 2 40 -4 Q -60 -80 -172 -168 Q -184 -200 -180 -244 Z" fill="${k.cloth(c)}" stroke="${shade(c, 0.2)}" stroke-width="2"/>
  <path d="M -172 -168 Q -60 -80 40 -4 Q 140 2 236 -6" fill="none" stroke="${shade(c, 0.45)}" stroke-width="6" stroke-linecap="round"/>
  <path d="M 40 -70 Q 120 -50 210 -18" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round" opacity=".3"/>`;
}

export function loafer(k, p) {
  const c = p.c;
  return `
  ${sole(k, shade(c, 0.45), 'M -208 -8 L -208 -38 L 214 -38 Q 232 -30 226 -10 Q 222 0 204 0 L -200 0 Q -208 0 -208 -8 Z')}
  <path d="M -206 -38 L -212 -140 Q -150 -160 -60 -150 Q 40 -164 130 -118 Q 212 -82 224 -40 Z" fill="${k.cloth(c)}" stroke="${shade(c, 0.25)}" stroke-width="2"/>
  <path d="M -212 -140 Q -150 -160 -60 -150 L -62 -136 Q -150 -144 -210 -126 Z" fill="${shade(c, 0.35)}"/>
  <path d="M -40 -150 Q 50 -172 136 -114" fill="none" stroke="${shade(c, 0.35)}" stroke-width="4" stroke-dasharray="6 5"/>
  <path d="M -60 -148 Q 0 -128 60 -150 L 64 -124 Q 0 -100 -62 -122 Z" fill="${shade(c, 0.12)}" stroke="${shade(c, 0.3)}" stroke-width="2"/>
  <rect x="-18" y="-134" width="36" height="10" rx="5" fill="${shade(c, 0.5)}"/>
  <path d="M -204 -70 Q 0 -60 200 -60" fill="none" stroke="${tint(c, 0.3)}" stroke-width="3" opacity=".4"/>`;
}

export function boot(k, p) {
  const c = p.c;
  return `
  <path d="M -196 -40 L -196 0 L -130 0 L -124 -40 Z" fill="${shade(c, 0.55)}"/>
  ${sole(k, shade(c, 0.5), 'M -124 -8 L -124 -30 L 214 -30 Q 230 -24 224 -8 Q 220 0 206 0 L -116 0 Q -124 0 -124 -8 Z')}
  <path d="M -198 -40 L -200 -340 Q -150 -352 -86 -344 L -78 -214 Q -20 -156 84 -124 Q 196 -94 220 -30 L -198 -30 Z" fill="${k.cloth(c)}" stroke="${shade(c, 0.2)}" stroke-width="2"/>
  <path d="M -168 -342 Q -150 -256 -136 -214 Q -118 -256 -108 -346 Z" fill="${shade(c, 0.45)}"/>
  ${[...Array(7)].map((_, i) => `<path d="M ${-162 + i * 8} -340 L ${-140 + i * 1} -226" stroke="${shade(c, 0.6)}" stroke-width="1.5" opacity=".6"/>`).join('')}
  <path d="M -196 -340 Q -204 -390 -180 -392 Q -160 -388 -168 -344" fill="none" stroke="${shade(c, 0.3)}" stroke-width="8"/>
  <path d="M -190 -60 Q 0 -52 210 -40" fill="none" stroke="${shade(c, 0.3)}" stroke-width="3" stroke-dasharray="6 5" opacity=".6"/>`;
}

export function sandal(k, p) {
  const c = p.c;
  const bed = p.a ?? '#e9dcc9';
  return `
  ${sole(k, mix(bed, '#a0785a', 0.35), 'M -214 -10 Q -218 -30 -196 -32 L 200 -32 Q 230 -30 226 -12 Q 222 0 200 0 L -196 0 Q -214 0 -214 -10 Z')}
  <path d="M -208 -32 Q -210 -44 -192 -46 L 200 -46 Q 222 -44 220 -32 Z" fill="${bed}"/>
  <path d="M -204 -44 Q -210 -150 -150 -156 Q -100 -150 -96 -44 L -122 -44 Q -124 -126 -152 -128 Q -180 -126 -178 -44 Z" fill="${k.cloth(c)}" stroke="${shade(c, 0.2)}" stroke-width="2"/>
  <rect x="-164" y="-150" width="26" height="18" rx="3" fill="${shade(c, 0.18)}"/>
  <path d="M 6 -44 Q 96 -236 204 -44 Z" fill="${k.cloth(c)}" stroke="${shade(c, 0.2)}" stroke-width="2"/>
  <path d="M 36 -72 Q 100 -184 174 -72" fill="none" stroke="${shade(c, 0.25)}" stroke-width="2" stroke-dasharray="6 5"/>`;
}

export function tote(k, p) {
  const c = p.c;
  const handle = p.a ?? shade(c, 0.2);
  return `
  <path d="M -96 -320 Q -96 -520 0 -520 Q 96 -520 96 -320" fill="none" stroke="${shade(handle, 0.15)}" stroke-width="26"/>
  <path d="M -176 -320 L 176 -320 L 196 -14 Q 196 0 182 0 L -182 0 Q -196 0 -196 -14 Z" fill="${k.cloth(c)}" stroke="${shade(c, 0.15)}" stroke-width="2"/>
  <path d="M -176 -320 L 176 -320 L 177 -300 L -177 -300 Z" fill="${shade(c, 0.1)}"/>
  <path d="M -66 -320 Q -66 -480 10 -480 Q 86 -480 86 -320" fill="none" stroke="${handle}" stroke-width="26"/>
  <path d="M -66 -320 L -66 -200 M 86 -320 L 86 -200" stroke="${handle}" stroke-width="26"/>
  <rect x="-110" y="-190" width="220" height="150" fill="${shade(c, 0.04)}" stroke="${shade(c, 0.2)}" stroke-width="2" stroke-dasharray="8 6"/>
  ${wordmark(k, 0, -110, 22, isLight(c) ? shade(c, 0.6) : tint(c, 0.75), '')}`;
}

export function saddleBag(k, p) {
  const c = p.c;
  return `
  <path d="M -168 -230 Q -150 -520 0 -520 Q 150 -520 168 -230" fill="none" stroke="${shade(c, 0.15)}" stroke-width="16"/>
  <path d="M -184 -236 L 184 -236 Q 198 -16 0 0 Q -198 -16 -184 -236 Z" fill="${k.cloth(c)}" stroke="${shade(c, 0.25)}" stroke-width="2"/>
  <path d="M -184 -236 L 184 -236 Q 176 -70 0 -58 Q -176 -70 -184 -236 Z" fill="${k.cloth(tint(c, 0.06))}" stroke="${shade(c, 0.3)}" stroke-width="2"/>
  <path d="M -166 -224 L 166 -224 Q 160 -82 0 -72 Q -160 -82 -166 -224 Z" fill="none" stroke="${tint(c, 0.45)}" stroke-width="2" stroke-dasharray="6 5"/>
  <rect x="-22" y="-96" width="44" height="28" rx="4" fill="${k.metal('#c9a66b')}"/>
  <rect x="-176" y="-248" width="18" height="30" rx="4" fill="${k.metal('#c9a66b')}"/>
  <rect x="158" y="-248" width="18" height="30" rx="4" fill="${k.metal('#c9a66b')}"/>`;
}

export function scarf(k, p) {
  const c = p.c;
  const a = p.a ?? tint(c, 0.6);
  const i = k.id('silk');
  let motif = '';
  if (p.pattern === 'plaid') {
    motif = `<rect width="40" height="40" fill="${c}"/><rect y="14" width="40" height="8" fill="${a}" opacity=".7"/><rect x="14" width="8" height="40" fill="${a}" opacity=".7"/><rect y="30" width="40" height="2" fill="${shade(c, 0.4)}"/>`;
  } else if (p.pattern === 'floral') {
    motif = `<rect width="40" height="40" fill="${c}"/>${[0, 90, 180, 270].map((r) => `<ellipse cx="20" cy="12" rx="5" ry="8" fill="${a}" transform="rotate(${r} 20 20)"/>`).join('')}<circle cx="20" cy="20" r="4" fill="${shade(a, 0.3)}"/>`;
  } else {
    motif = `<rect width="40" height="40" fill="${c}"/><path d="M 0 20 L 20 0 L 40 20 L 20 40 Z" fill="${a}" opacity=".55"/><circle cx="20" cy="20" r="5" fill="${tint(c, 0.8)}"/>`;
  }
  k.defs.push(`<pattern id="${i}" width="40" height="40" patternUnits="userSpaceOnUse">${motif}</pattern>`);
  return `
  <g transform="translate(0,-236) rotate(45)">
    <rect x="-160" y="-160" width="320" height="320" fill="${k.flat ? c : `url(#${i})`}"/>
    <rect x="-160" y="-160" width="320" height="320" fill="none" stroke="${shade(c, 0.25)}" stroke-width="20"/>
    <rect x="-146" y="-146" width="292" height="292" fill="none" stroke="${a}" stroke-width="3"/>
    <rect x="-160" y="-160" width="320" height="320" fill="${k.lin(
      [
        [0, '#ffffff', 0.35],
        [0.45, '#ffffff', 0],
        [0.55, '#000000', 0.05],
        [1, '#000000', 0.18],
      ],
      [0, 0, 1, 1],
    )}"/>
  </g>`;
}

export function bucketHat(k, p) {
  const c = p.c;
  return `
  <path d="M -136 -130 Q -246 -96 -224 -46 Q -120 8 0 8 Q 120 8 224 -46 Q 246 -96 136 -130 Z" fill="${k.cloth(shade(c, 0.05))}" stroke="${shade(c, 0.2)}" stroke-width="2"/>
  ${[0, 1, 2, 3].map((i) => `<path d="M ${-200 + i * 10} ${-58 + i * 2} Q 0 ${-6 - i * 8} ${200 - i * 10} ${-58 + i * 2}" fill="none" stroke="${shade(c, 0.28)}" stroke-width="2" stroke-dasharray="5 4" opacity=".6"/>`).join('')}
  <path d="M -120 -300 Q -124 -348 0 -350 Q 124 -348 120 -300 L 138 -124 Q 0 -100 -138 -124 Z" fill="${k.cloth(c)}" stroke="${shade(c, 0.2)}" stroke-width="2"/>
  <path d="M -132 -170 Q 0 -150 132 -170 L 136 -130 Q 0 -108 -136 -130 Z" fill="${p.a ?? shade(c, 0.2)}"/>
  <path d="M -120 -300 Q 0 -280 120 -300" fill="none" stroke="${shade(c, 0.25)}" stroke-width="2" stroke-dasharray="5 4"/>`;
}

export function sunglasses(k, p) {
  const c = p.c;
  const lens = (cx) => `
    <circle cx="${cx}" cy="-190" r="92" fill="${k.rad(
      [
        [0, tint(p.a ?? '#3a3a38', 0.25)],
        [1, shade(p.a ?? '#3a3a38', 0.35)],
      ],
      0.5,
      0.5,
      0.5,
      0.35,
      0.3,
    )}"/>
    <path d="M ${cx - 50} ${-240} Q ${cx - 20} ${-262} ${cx + 20} ${-256}" fill="none" stroke="#fff" stroke-width="8" stroke-linecap="round" opacity=".35"/>
    <circle cx="${cx}" cy="-190" r="92" fill="none" stroke="${k.cyl(c)}" stroke-width="16"/>`;
  return `
  <path d="M -204 -206 L -176 -40 M 204 -206 L 176 -40" stroke="${shade(c, 0.2)}" stroke-width="12" stroke-linecap="round"/>
  ${lens(-108)}${lens(108)}
  <path d="M -20 -226 Q 0 -250 20 -226" fill="none" stroke="${c}" stroke-width="12" stroke-linecap="round"/>`;
}
