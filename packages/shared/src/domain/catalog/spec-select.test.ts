import { describe, expect, it } from 'vitest';
import type { Sku, SpecGroup } from '../../schemas/catalog';
import {
  initialSelection,
  isSpecValueAvailable,
  missingSpecNames,
  selectedSku,
  selectionForSku,
  toggleSpecValue,
} from './spec-select';

const groups: SpecGroup[] = [
  { name: '颜色', values: ['红', '蓝'] },
  { name: '尺码', values: ['S', 'M'] },
];

function sku(id: string, specValues: string[], stock: number): Sku {
  return { id, specValues, priceFen: 1000, originalPriceFen: null, stock, imageUrl: null };
}

const skus = [
  sku('rs', ['红', 'S'], 3),
  sku('rm', ['红', 'M'], 0),
  sku('bs', ['蓝', 'S'], 0),
  sku('bm', ['蓝', 'M'], 5),
];

describe('spec select', () => {
  it('disables values whose combination with the current choice is out of stock', () => {
    const red: (string | null)[] = ['红', null];
    expect(isSpecValueAvailable(skus, red, 1, 'S')).toBe(true);
    expect(isSpecValueAvailable(skus, red, 1, 'M')).toBe(false);
    expect(isSpecValueAvailable(skus, [null, null], 1, 'M')).toBe(true);
  });

  it('toggles values and ignores unavailable ones', () => {
    let selection = toggleSpecValue(skus, [null, null], 0, '红');
    expect(selection).toEqual(['红', null]);
    expect(toggleSpecValue(skus, selection, 1, 'M')).toBe(selection);
    selection = toggleSpecValue(skus, selection, 1, 'S');
    expect(selectedSku(skus, selection)?.id).toBe('rs');
    expect(toggleSpecValue(skus, selection, 0, '红')).toEqual([null, 'S']);
  });

  it('finds a SKU only when every group is chosen', () => {
    expect(selectedSku(skus, ['蓝', null])).toBeNull();
    expect(selectedSku(skus, ['蓝', 'M'])?.id).toBe('bm');
    expect(missingSpecNames(groups, ['蓝', null])).toEqual(['尺码']);
  });

  it('preselects a single SKU or the only one in stock', () => {
    expect(initialSelection(groups, skus)).toEqual([null, null]);
    expect(initialSelection(groups, [sku('a', ['红', 'S'], 0), sku('b', ['蓝', 'M'], 2)])).toEqual(['蓝', 'M']);
    expect(initialSelection([], [sku('one', [], 4)])).toEqual([]);
    expect(initialSelection([{ name: '规格', values: ['x'] }], [sku('one', ['x'], 0)])).toEqual([null]);
  });

  it('selectionForSku picks an in-stock SKU by id, and nothing for a sold-out or unknown one', () => {
    expect(selectionForSku(groups, skus, 'bm')).toEqual(['蓝', 'M']);
    expect(selectedSku(skus, selectionForSku(groups, skus, 'rs') ?? [])?.id).toBe('rs');
    expect(selectionForSku(groups, skus, 'rm')).toBeNull();
    expect(selectionForSku(groups, skus, 'nope')).toBeNull();
  });
});
