import { Text, View } from '@tarojs/components';
import { adviseSize, SIZE_CHART, type SizeAdvice, type SizeInput, validateSizeInput } from '@wematrix/shared';
import { DevSignInSheet } from '@wematrix/ui';
import { type ReactElement, useState } from 'react';
import { RecommendList } from '../../features/recommend/recommend-list';
import { ToolsHeader } from '../../features/recommend/tools-header';
import { SizeField } from './size-field';
import './index.scss';

const FIELDS: Array<{ field: keyof SizeInput; label: string; unit: string; placeholder: string }> = [
  { field: 'heightCm', label: '身高', unit: 'cm', placeholder: '如 160' },
  { field: 'weightKg', label: '体重', unit: 'kg', placeholder: '如 50' },
  { field: 'bustCm', label: '胸围', unit: 'cm', placeholder: '如 84' },
  { field: 'waistCm', label: '腰围', unit: 'cm', placeholder: '如 66' },
];

type Draft = Record<keyof SizeInput, string>;

function parseDraft(draft: Draft): Partial<SizeInput> {
  const out: Partial<SizeInput> = {};
  for (const { field } of FIELDS) {
    const text = draft[field].trim();
    if (text !== '') out[field] = Number(text);
  }
  return out;
}

export default function SizePage(): ReactElement {
  const [draft, setDraft] = useState<Draft>({ heightCm: '', weightKg: '', bustCm: '', waistCm: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof SizeInput, string>>>({});
  const [advice, setAdvice] = useState<SizeAdvice | null>(null);

  function submit(): void {
    const input = parseDraft(draft);
    const found = validateSizeInput(input);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAdvice(null);
      return;
    }
    setAdvice(adviseSize(input as SizeInput));
  }

  return (
    <View className="wm-page size">
      <ToolsHeader />
      <View className="size__form">
        <Text className="size__title">填写你的身体数据</Text>
        <Text className="size__hint">胸围量胸部最丰满处一周，腰围量腰部最细处一周，软尺贴身不勒紧。</Text>
        {FIELDS.map((f) => (
          <SizeField
            key={f.field}
            {...f}
            value={draft[f.field]}
            error={errors[f.field]}
            onChange={(value) => setDraft((d) => ({ ...d, [f.field]: value }))}
          />
        ))}
        <View className="size__submit wm-size-submit" onClick={submit}>
          推荐我的尺码
        </View>
      </View>

      {advice ? (
        <View className="size__result wm-size-result">
          <View className="size__result-head">
            <View>
              <Text className="size__result-kicker">推荐尺码</Text>
              <Text className="size__result-size wm-size-value">{advice.size}</Text>
            </View>
            <Text className="size__bmi">
              BMI {Math.floor(advice.bmiTenths / 10)}.{advice.bmiTenths % 10}
            </Text>
          </View>
          {advice.reasons.map((reason) => (
            <Text key={reason} className="size__reason">
              · {reason}
            </Text>
          ))}
          {advice.warning ? <Text className="size__warning">{advice.warning}</Text> : null}
          <View className="size__chart">
            <View className="size__chart-row size__chart-row--head">
              <Text className="size__chart-cell">尺码</Text>
              <Text className="size__chart-cell">胸围</Text>
              <Text className="size__chart-cell">腰围</Text>
              <Text className="size__chart-cell">身高</Text>
            </View>
            {SIZE_CHART.map((row, index) => {
              const prev = SIZE_CHART[index - 1];
              const range = (max: number, min: number | undefined) =>
                min === undefined ? `≤${max}` : `${min + 1}-${max}`;
              return (
                <View
                  key={row.size}
                  className={`size__chart-row${row.size === advice.size ? ' size__chart-row--active' : ''}`}
                >
                  <Text className="size__chart-cell">{row.size}</Text>
                  <Text className="size__chart-cell">{range(row.maxBustCm, prev?.maxBustCm)}</Text>
                  <Text className="size__chart-cell">{range(row.maxWaistCm, prev?.maxWaistCm)}</Text>
                  <Text className="size__chart-cell">{range(row.maxHeightCm, prev?.maxHeightCm)}</Text>
                </View>
              );
            })}
          </View>
        </View>
      ) : null}

      {advice ? (
        <RecommendList
          title={`${advice.size} 码有货的女装`}
          query={{ categoryId: 'women', keywords: advice.keywords }}
          extraParams={{ size: advice.size }}
        />
      ) : null}
      <DevSignInSheet />
    </View>
  );
}
