/**
 * 尺码测量: body measurements -> a women's top/dress size S–XL. The chart is the common
 * Chinese 号型 for tops (GB/T 1335.2 style, 160/84A = M); bust and waist decide the size
 * (a garment must close over the larger one), height and BMI can only size up.
 */

export type ClothingSize = 'S' | 'M' | 'L' | 'XL';

export const SIZES: readonly ClothingSize[] = ['S', 'M', 'L', 'XL'];

interface SizeRow {
  size: ClothingSize;
  /** Upper bounds, inclusive, in cm. */
  maxBustCm: number;
  maxWaistCm: number;
  maxHeightCm: number;
}

/** Upper bounds per size; above XL's we still answer XL and say the fit may be tight. */
export const SIZE_CHART: readonly SizeRow[] = [
  { size: 'S', maxBustCm: 82, maxWaistCm: 66, maxHeightCm: 157 },
  { size: 'M', maxBustCm: 86, maxWaistCm: 70, maxHeightCm: 162 },
  { size: 'L', maxBustCm: 91, maxWaistCm: 75, maxHeightCm: 167 },
  { size: 'XL', maxBustCm: 96, maxWaistCm: 80, maxHeightCm: 172 },
];

export interface SizeInput {
  heightCm: number;
  weightKg: number;
  bustCm: number;
  waistCm: number;
}

export const SIZE_INPUT_LIMITS: Record<keyof SizeInput, { min: number; max: number; label: string }> = {
  heightCm: { min: 140, max: 200, label: '身高' },
  weightKg: { min: 35, max: 120, label: '体重' },
  bustCm: { min: 65, max: 130, label: '胸围' },
  waistCm: { min: 50, max: 120, label: '腰围' },
};

export interface SizeAdvice {
  size: ClothingSize;
  /** Why this size, one line per deciding measurement, for the result page. */
  reasons: string[];
  /** Set when the body is above the chart: even XL may be tight. */
  warning: string | null;
  /** BMI × 10, rounded (integer so the rule needs no floats): 205 means 20.5. */
  bmiTenths: number;
  keywords: string[];
}

/** Field -> Chinese message for every value outside SIZE_INPUT_LIMITS; empty when valid. */
export function validateSizeInput(
  input: Partial<Record<keyof SizeInput, number>>,
): Partial<Record<keyof SizeInput, string>> {
  const errors: Partial<Record<keyof SizeInput, string>> = {};
  for (const key of Object.keys(SIZE_INPUT_LIMITS) as (keyof SizeInput)[]) {
    const { min, max, label } = SIZE_INPUT_LIMITS[key];
    const value = input[key];
    if (value === undefined || !Number.isFinite(value)) errors[key] = `请填写${label}`;
    else if (value < min || value > max) errors[key] = `${label}应在 ${min}–${max} 之间`;
  }
  return errors;
}

function indexFor(value: number, pick: (row: SizeRow) => number): number {
  const index = SIZE_CHART.findIndex((row) => value <= pick(row));
  return index === -1 ? SIZE_CHART.length : index;
}

/** BMI × 10 rounded half up: weight / height² with height in metres. */
export function bmiTenths(heightCm: number, weightKg: number): number {
  return Math.round((weightKg * 100_000) / (heightCm * heightCm));
}

/**
 * `adviseSize({ heightCm: 160, weightKg: 50, bustCm: 84, waistCm: 66 })` -> M.
 * Rule: the larger of the bust and waist sizes; one size up when height is two sizes above
 * that (sleeves and length) or BMI ≥ 25 (room to move); clamped to S–XL with a warning.
 */
export function adviseSize(input: SizeInput): SizeAdvice {
  const errors = validateSizeInput(input);
  const firstError = Object.values(errors)[0];
  if (firstError) throw new Error(firstError);

  const bustIndex = indexFor(input.bustCm, (r) => r.maxBustCm);
  const waistIndex = indexFor(input.waistCm, (r) => r.maxWaistCm);
  const heightIndex = indexFor(input.heightCm, (r) => r.maxHeightCm);
  const bmi = bmiTenths(input.heightCm, input.weightKg);
  const reasons: string[] = [];

  let index = Math.max(bustIndex, waistIndex);
  reasons.push(
    bustIndex >= waistIndex
      ? `胸围 ${input.bustCm}cm 对应 ${SIZES[Math.min(bustIndex, 3)]} 码`
      : `腰围 ${input.waistCm}cm 对应 ${SIZES[Math.min(waistIndex, 3)]} 码`,
  );
  if (heightIndex >= index + 2) {
    index += 1;
    reasons.push(`身高 ${input.heightCm}cm 偏高，大一码衣长和袖长更合适`);
  } else if (bmi >= 250) {
    index += 1;
    reasons.push('体重偏大，大一码活动更舒适');
  }

  let warning: string | null = null;
  if (index > SIZES.length - 1) {
    index = SIZES.length - 1;
    warning = '你的尺寸超出常规 XL，建议选宽松版型或联系客服确认';
  }
  const size = SIZES[index] ?? 'XL';
  return { size, reasons, warning, bmiTenths: bmi, keywords: ['连衣裙', '上衣', '服饰'] };
}
