import { Cascader, type CascaderOption } from '@nutui/nutui-react-taro';
import { createWeMatrixClient, toastError } from '@wematrix/shared/taro';
import { type ReactElement, useEffect, useState } from 'react';

export interface PickedRegion {
  code: string;
  names: [string, string, string];
}

/** One level as Cascader options; a failed load shows a toast and an empty level. */
async function loadRegions(parent: string | undefined): Promise<CascaderOption[]> {
  try {
    const { items } = await createWeMatrixClient().api.addresses.regions(parent);
    return items.map((r) => ({ value: r.code, text: r.name, leaf: r.leaf }));
  } catch (error) {
    toastError(error, '地区加载失败，请重试');
    return [];
  }
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
  // NutUI's lazy Cascader asks onLoad for the levels below a picked node only; the first
  // level (provinces) is passed as options, fetched the first time the picker opens.
  const [provinces, setProvinces] = useState<CascaderOption[]>([]);
  useEffect(() => {
    if (visible && provinces.length === 0) void loadRegions(undefined).then(setProvinces);
  }, [visible, provinces.length]);

  return (
    <Cascader
      className="wm-region-picker"
      title="选择所在地区"
      visible={visible}
      lazy
      options={provinces}
      onLoad={(node) => loadRegions(String(node.value))}
      onClose={onClose}
      onChange={(codes, path) => {
        const names = path.map((n) => String(n.text ?? ''));
        const code = String(codes[codes.length - 1] ?? '');
        if (codes.length === 3 && names.length === 3) onPick({ code, names: names as [string, string, string] });
      }}
    />
  );
}
