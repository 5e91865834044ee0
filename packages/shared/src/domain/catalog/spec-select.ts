import type { Sku, SpecGroup } from '../../schemas/catalog';

/**
 * Spec picker rules over a product's SKU matrix. A selection holds at most one value per
 * spec group (null = not chosen yet, in specGroups order). A value can be chosen when at
 * least one in-stock SKU matches it together with the other groups' current choices.
 */
export type SpecSelection = (string | null)[];

export function emptySelection(groups: readonly SpecGroup[]): SpecSelection {
  return groups.map(() => null);
}

function matches(sku: Sku, selection: SpecSelection): boolean {
  return selection.every((value, index) => value === null || sku.specValues[index] === value);
}

/** True when picking `value` in group `groupIndex` still leaves an in-stock SKU. */
export function isSpecValueAvailable(
  skus: readonly Sku[],
  selection: SpecSelection,
  groupIndex: number,
  value: string,
): boolean {
  const probe = selection.slice();
  probe[groupIndex] = value;
  return skus.some((sku) => sku.stock > 0 && matches(sku, probe));
}

/** Selects or unselects (tap again) a value; a value without stock is ignored. */
export function toggleSpecValue(
  skus: readonly Sku[],
  selection: SpecSelection,
  groupIndex: number,
  value: string,
): SpecSelection {
  const next = selection.slice();
  if (next[groupIndex] === value) {
    next[groupIndex] = null;
    return next;
  }
  if (!isSpecValueAvailable(skus, selection, groupIndex, value)) return selection;
  next[groupIndex] = value;
  return next;
}

/** The SKU when every group is chosen, else null. */
export function selectedSku(skus: readonly Sku[], selection: SpecSelection): Sku | null {
  if (selection.some((value) => value === null)) return null;
  return skus.find((sku) => matches(sku, selection)) ?? null;
}

/**
 * Starting selection: a product with one SKU (or one in-stock SKU) is preselected so the
 * shopper can add to cart at once; otherwise nothing is chosen.
 */
export function initialSelection(groups: readonly SpecGroup[], skus: readonly Sku[]): SpecSelection {
  const inStock = skus.filter((sku) => sku.stock > 0);
  const only = skus.length === 1 ? skus[0] : inStock.length === 1 ? inStock[0] : undefined;
  if (only && only.stock > 0) return groups.map((_, index) => only.specValues[index] ?? null);
  return emptySelection(groups);
}

/** Names of groups still to choose, for the "请选择 颜色 尺码" hint. */
export function missingSpecNames(groups: readonly SpecGroup[], selection: SpecSelection): string[] {
  return groups.filter((_, index) => selection[index] === null || selection[index] === undefined).map((g) => g.name);
}

/**
 * The selection naming one SKU (a link such as the tools app's "按此尺码购买" or 再次购买
 * carries its id), or null when that SKU is unknown or sold out: the page then starts as usual.
 */
export function selectionForSku(
  groups: readonly SpecGroup[],
  skus: readonly Sku[],
  skuId: string,
): SpecSelection | null {
  const sku = skus.find((s) => s.id === skuId);
  if (!sku || sku.stock <= 0) return null;
  return groups.map((_, index) => sku.specValues[index] ?? null);
}
