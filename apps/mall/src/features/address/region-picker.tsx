import { Cascader, type CascaderOption } from '@nutui/nutui-react-taro';
import { createWeMatrixClient, toastError } from '@wematrix/shared/taro';
import type { ReactElement } from 'react';

export interface PickedRegion {
  code: string;
  names: [string, string, string];
}

/**
 * 所在地区: province → city → district, each level fetched from the API when opened
 * (the division table stays on the server, out of the mini-program package).
 */
export function RegionPicker({
  visible,
  onPick,
  onClose,
}: {
  visible: boolean;
  onPick: (region: PickedRegion) => void;
  onClose: () => void;
}): ReactElement {
  const api = createWeMatrixClient().api;

  async function load(node: CascaderOption): Promise<CascaderOption[]> {
    try {
      const parent = node.root ? undefined : String(node.value);
      const { items } = await api.addresses.regions(parent);
      return items.map((r) => ({ value: r.code, text: r.name, leaf: r.leaf }));
    } catch (error) {
      toastError(error, '地区加载失败，请重试');
      return [];
    }
  }

  return (
    <Cascader
      className="wm-region-picker"
      title="选择所在地区"
      visible={visible}
      lazy
      options={[]}
      onLoad={load}
      onClose={onClose}
      onChange={(codes, path) => {
        const names = path.map((n) => String(n.text ?? ''));
        const code = String(codes[codes.length - 1] ?? '');
        if (codes.length === 3 && names.length === 3) onPick({ code, names: names as [string, string, string] });
      }}
    />
  );
}
