import type { LotteryPrizeView } from '@wematrix/shared';

/** One cell of the 九宫格's ring: a prize, or 谢谢参与. */
export interface GridCell {
  key: string;
  prize: LotteryPrizeView | null;
}

/** The ring's cells clockwise from the top-left, as indexes of the 3 × 3 grid (4 is the button). */
export const RING = [0, 1, 2, 5, 8, 7, 6, 3] as const;

/**
 * Eight cells around the button: the prizes in the pool's order, 谢谢参与 spread between them
 * (never two misses side by side when it can be helped). The cells are a picture only: the odds
 * are the API's, shown in 概率公示, whatever the number of cells each prize has.
 */
export function ringCells(prizes: LotteryPrizeView[]): GridCell[] {
  const shown = prizes.slice(0, 8);
  const misses = 8 - shown.length;
  const cells: GridCell[] = [];
  let missIndex = 0;
  // Spread: after every k-th prize put a miss, k chosen so the misses reach around the ring.
  const every = misses > 0 ? Math.max(1, Math.floor(shown.length / misses)) : Number.POSITIVE_INFINITY;
  shown.forEach((prize, i) => {
    cells.push({ key: prize.id, prize });
    if (missIndex < misses && (i + 1) % every === 0) {
      cells.push({ key: `miss-${missIndex}`, prize: null });
      missIndex += 1;
    }
  });
  while (cells.length < 8) {
    cells.push({ key: `miss-${missIndex}`, prize: null });
    missIndex += 1;
  }
  return cells;
}

/** The ring position (0..7) the highlight stops on for a result: the prize's cell, else a miss cell. */
export function stopIndex(cells: GridCell[], prizeId: string | null, salt: number): number {
  const matches = cells
    .map((cell, index) => ({ cell, index }))
    .filter(({ cell }) => (prizeId === null ? cell.prize === null : cell.prize?.id === prizeId));
  if (matches.length === 0) return 0;
  return matches[Math.abs(salt) % matches.length]?.index ?? 0;
}
