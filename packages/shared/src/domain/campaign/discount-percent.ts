export interface DiscountInput {
  priceFen: number;
  /** The reference price the saving is measured against. */
  originalPriceFen: number;
}

/**
 * The saving in whole percent, for a "省 30%" chip. Rounded down, so a chip never claims more
 * than the shopper saves (an overstated discount is misleading advertising); 0 when there is
 * no saving or no reference price. Integer maths on fen: no float ever reaches the result.
 *
 * @example discountPercent({ priceFen: 6990, originalPriceFen: 9990 }) // 30 (30.03% saved)
 */
export function discountPercent({ priceFen, originalPriceFen }: DiscountInput): number {
  if (originalPriceFen <= 0 || priceFen >= originalPriceFen) return 0;
  return Math.floor(((originalPriceFen - priceFen) * 100) / originalPriceFen);
}
