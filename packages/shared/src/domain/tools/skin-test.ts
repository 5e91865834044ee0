/**
 * 肤质测试: six everyday questions -> one of five skin types. Each answer moves three
 * scores (cheek oil, T-zone oil, sensitivity); the type is read from the scores with the
 * thresholds below, written once here so the quiz page and any later API check agree.
 */

export type SkinType = 'dry' | 'oily' | 'combination' | 'normal' | 'sensitive';

interface SkinEffect {
  cheekOil?: number;
  tZoneOil?: number;
  sensitivity?: number;
}

export interface SkinOption {
  id: string;
  label: string;
  effect: SkinEffect;
}

export interface SkinQuestion {
  id: string;
  title: string;
  options: SkinOption[];
}

export const SKIN_QUESTIONS: readonly SkinQuestion[] = [
  {
    id: 'after-wash',
    title: '洗脸后不涂任何护肤品，1 小时后脸颊感觉？',
    options: [
      { id: 'tight', label: '紧绷、干燥', effect: { cheekOil: -2 } },
      { id: 'comfortable', label: '舒适，不干不油', effect: {} },
      { id: 'slightly-oily', label: '有一点油', effect: { cheekOil: 1 } },
      { id: 'oily', label: '明显出油', effect: { cheekOil: 2 } },
    ],
  },
  {
    id: 't-zone-noon',
    title: '到了中午，额头和鼻子（T 区）？',
    options: [
      { id: 'matte', label: '干爽', effect: { tZoneOil: -1 } },
      { id: 'sheen', label: '略有光泽', effect: {} },
      { id: 'shiny', label: '油光明显', effect: { tZoneOil: 2 } },
    ],
  },
  {
    id: 'pores',
    title: '你的毛孔看起来？',
    options: [
      { id: 'fine', label: '几乎看不见', effect: { cheekOil: -1, tZoneOil: -1 } },
      { id: 't-zone', label: '只有 T 区明显', effect: { tZoneOil: 1 } },
      { id: 'all-over', label: '全脸都比较粗大', effect: { cheekOil: 1, tZoneOil: 1 } },
    ],
  },
  {
    id: 'flaking',
    title: '脸上会起皮或出现干纹吗？',
    options: [
      { id: 'often', label: '经常', effect: { cheekOil: -2 } },
      { id: 'sometimes', label: '换季时偶尔', effect: { cheekOil: -1 } },
      { id: 'rarely', label: '很少', effect: {} },
    ],
  },
  {
    id: 'new-product',
    title: '换季或用新产品时，皮肤会？',
    options: [
      { id: 'fine', label: '没有不适', effect: {} },
      { id: 'redness', label: '偶尔泛红', effect: { sensitivity: 1 } },
      { id: 'stinging', label: '常常刺痛、发红或发痒', effect: { sensitivity: 2 } },
    ],
  },
  {
    id: 'sun',
    title: '晒太阳或吹风之后？',
    options: [
      { id: 'fine', label: '基本没变化', effect: {} },
      { id: 'pink', label: '有点泛红，很快消退', effect: { sensitivity: 1 } },
      { id: 'burning', label: '容易泛红、灼热', effect: { sensitivity: 2 } },
    ],
  },
];

export type SkinAnswers = Record<string, string>;

export interface SkinScores {
  cheekOil: number;
  tZoneOil: number;
  sensitivity: number;
}

export interface SkinTestResult {
  type: SkinType;
  title: string;
  summary: string;
  tips: string[];
  /** Search words (matched against product title, subtitle and tags), best first. */
  keywords: string[];
  scores: SkinScores;
}

const PROFILES: Record<SkinType, Omit<SkinTestResult, 'type' | 'scores'>> = {
  sensitive: {
    title: '敏感肌',
    summary: '皮肤屏障较脆弱，容易泛红刺痛。护肤以修护、温和为先，成分越简单越好。',
    tips: ['新品先在耳后试用 2–3 天', '避开酒精、香精和高浓度酸类', '每天做好温和防晒'],
    keywords: ['舒缓', '修护', '敏感'],
  },
  oily: {
    title: '油性肌',
    summary: '皮脂分泌旺盛，全脸容易出油、毛孔明显。重点是控油清洁，同时别忘了补水。',
    tips: ['早晚用氨基酸洁面，不要过度清洁', '选清爽的凝露或乳液质地', '每周 1 次清洁面膜'],
    keywords: ['控油', '清爽', '爽肤水'],
  },
  combination: {
    title: '混合肌',
    summary: 'T 区偏油、脸颊偏干，最常见的肤质。分区护理：T 区控油，两颊加强保湿。',
    tips: ['T 区和两颊分开护理', '保湿选清爽型，干燥部位再叠加面霜', '定期清洁 T 区毛孔'],
    keywords: ['清爽', '水润', '精华'],
  },
  dry: {
    title: '干性肌',
    summary: '皮脂少、容易紧绷起皮，细纹更早出现。护肤关键是补水加锁水，洁面要温和。',
    tips: ['洁面后 3 分钟内涂保湿', '选含神经酰胺、玻尿酸的产品', '晚上可叠加面霜或睡眠面膜'],
    keywords: ['面霜', '水润', '保湿'],
  },
  normal: {
    title: '中性肌',
    summary: '水油平衡、状态稳定，是令人羡慕的肤质。保持基础保湿与防晒，就能长期维持。',
    tips: ['基础三步：洁面、保湿、防晒', '换季时适度加强保湿', '规律作息比昂贵护肤品更重要'],
    keywords: ['精华', '防晒', '保湿'],
  },
};

/** Adds up the score effects of the chosen options. Throws when a question is unanswered or an option unknown. */
export function skinScores(answers: SkinAnswers): SkinScores {
  const scores: SkinScores = { cheekOil: 0, tZoneOil: 0, sensitivity: 0 };
  for (const question of SKIN_QUESTIONS) {
    const chosen = answers[question.id];
    const option = question.options.find((o) => o.id === chosen);
    if (!option) throw new Error(`skin test: question "${question.id}" has no valid answer`);
    scores.cheekOil += option.effect.cheekOil ?? 0;
    scores.tZoneOil += option.effect.tZoneOil ?? 0;
    scores.sensitivity += option.effect.sensitivity ?? 0;
  }
  return scores;
}

/**
 * Reads the type from the scores. Sensitivity wins first (it changes what is safe to use),
 * then oil: both zones oily -> oily; oily T-zone with normal/dry cheeks -> combination;
 * dry cheeks with a non-oily T-zone -> dry; anything else -> normal.
 */
export function skinTypeOf(scores: SkinScores): SkinType {
  if (scores.sensitivity >= 3) return 'sensitive';
  if (scores.tZoneOil >= 2 && scores.cheekOil >= 1) return 'oily';
  if (scores.tZoneOil >= 1 && scores.cheekOil <= 0) return 'combination';
  if (scores.cheekOil <= -2 && scores.tZoneOil <= 0) return 'dry';
  return 'normal';
}

/** `skinTestResult({ 'after-wash': 'tight', ... })` -> the type with copy and product keywords. */
export function skinTestResult(answers: SkinAnswers): SkinTestResult {
  const scores = skinScores(answers);
  const type = skinTypeOf(scores);
  return { type, scores, ...PROFILES[type] };
}
