// Colour maths and gradient helpers shared by the shape drawings.

/** @param {string} hex '#rrggbb' */
function toRgb(hex) {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Linear mix of two '#rrggbb' colours; t=0 gives a, t=1 gives b. */
export function mix(a, b, t) {
  const x = toRgb(a);
  const y = toRgb(b);
  const c = x.map((v, i) => Math.round(v + ((y[i] ?? 0) - v) * t));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

export const shade = (c, t) => mix(c, '#000000', t);
export const tint = (c, t) => mix(c, '#ffffff', t);

/** Relative luminance, to pick dark or light text on a colour. */
export function isLight(c) {
  const [r, g, b] = toRgb(c);
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0) > 150;
}

/** Deterministic pseudo-random numbers, so regenerated images are byte-stable in layout. */
export function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A drawing context: collects <defs> and hands out unique ids. In `flat` mode every
 * gradient collapses to its middle stop, which turns the same drawings into flat icons.
 */
export function context(uid, flat = false) {
  const defs = [];
  let n = 0;
  const id = (name) => `${uid}-${name}-${n++}`;
  const stopsSvg = (stops) => {
    const list = flat ? [stops[Math.floor(stops.length / 2)]] : stops;
    return list
      .map(([o, c, a = 1]) => `<stop offset="${o}" stop-color="${c}"${a === 1 ? '' : ` stop-opacity="${a}"`}/>`)
      .join('');
  };
  return {
    flat,
    defs,
    id,
    /** Linear gradient; direction as x1,y1,x2,y2 in bounding-box units. Returns a fill reference. */
    lin(stops, dir = [0, 0, 1, 0]) {
      const i = id('l');
      const [x1, y1, x2, y2] = dir;
      defs.push(
        `<linearGradient id="${i}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stopsSvg(stops)}</linearGradient>`,
      );
      return `url(#${i})`;
    },
    rad(stops, cx = 0.5, cy = 0.5, r = 0.5, fx = cx, fy = cy) {
      const i = id('r');
      defs.push(
        `<radialGradient id="${i}" cx="${cx}" cy="${cy}" r="${r}" fx="${fx}" fy="${fy}">${stopsSvg(stops)}</radialGradient>`,
      );
      return `url(#${i})`;
    },
    /** Horizontal shading of a cylinder lit from the upper left. */
    cyl(c) {
      return this.lin([
        [0, shade(c, 0.22)],
        [0.14, tint(c, 0.3)],
        [0.3, tint(c, 0.1)],
        [0.72, c],
        [1, shade(c, 0.28)],
      ]);
    },
    /** Same shading, top to bottom, for things lying on their side. */
    cylV(c) {
      return this.lin(
        [
          [0, tint(c, 0.25)],
          [0.3, tint(c, 0.08)],
          [0.5, c],
          [1, shade(c, 0.3)],
        ],
        [0, 0, 0, 1],
      );
    },
    /** Brushed metal (gold, silver, gunmetal) based on a colour. */
    metal(c) {
      return this.lin([
        [0, shade(c, 0.35)],
        [0.2, tint(c, 0.55)],
        [0.38, c],
        [0.55, tint(c, 0.3)],
        [0.8, shade(c, 0.15)],
        [1, shade(c, 0.4)],
      ]);
    },
    /** Fabric: a soft top-left light across a flat-lay garment. */
    cloth(c) {
      return this.lin(
        [
          [0, tint(c, 0.12)],
          [0.55, c],
          [1, shade(c, 0.1)],
        ],
        [0, 0, 1, 1],
      );
    },
  };
}

/** Brand wordmark and a second line, centred at (x, y); nothing in flat mode. */
export function wordmark(k, x, y, size, color, sub) {
  if (k.flat) return '';
  const main = `<text x="${x}" y="${y}" text-anchor="middle" font-family="DejaVu Sans" font-weight="200" font-size="${size}" letter-spacing="${size * 0.28}" fill="${color}">WEMATRIX</text>`;
  const second = sub
    ? `<text x="${x}" y="${y + size * 1.2}" text-anchor="middle" font-family="Liberation Sans" font-size="${size * 0.48}" letter-spacing="${size * 0.12}" fill="${color}" opacity=".8">${sub}</text>`
    : '';
  return main + second;
}
