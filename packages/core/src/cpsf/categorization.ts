import type { Text } from '../catalog/pack.ts';
import {
  VIEWPOINTS,
  type Categorization,
  type ImpactLevel,
  type MeasureLevel,
  type Viewpoint,
} from './model.ts';

/**
 * The categorization table of the seed (slide "…カテゴライズ基準の例"): six viewpoints × Lv1–3. These are
 * example criteria discussed by a METI task force (layer-2/3 TF, 2018–19), not a published standard; the
 * cell descriptors are our own short words for the seed's.
 *
 * `axis`: the seed groups the viewpoints under "difficulty of recovering from damage to people" and
 * "degree of economic impact", but its layout does not show the split exactly. We set the axis only where
 * the viewpoint itself says it (life/safety → people; assets, reputation → economic) and leave it null
 * otherwise.
 */
export type CategorizationAxis = 'human' | 'economic';

export const CATEGORIZATION_SOURCE: Text = {
  ja: '経済産業省のタスクフォースで議論された例示の基準（正式な基準ではありません）',
  en: 'Example criteria discussed by a METI task force (not an official standard)',
};

export const AXIS_LABELS: Record<CategorizationAxis, Text> = {
  human: { ja: '人へのダメージからの回復の難しさ', en: 'Difficulty of recovering from harm to people' },
  economic: { ja: '経済的な影響の大きさ', en: 'Size of the economic impact' },
};

export interface CategorizationRow {
  viewpoint: Viewpoint;
  axis: CategorizationAxis | null;
  label: Text;
  levels: Record<ImpactLevel, Text>;
}

export const CATEGORIZATION_TABLE: CategorizationRow[] = [
  {
    viewpoint: 'life_safety',
    axis: 'human',
    label: { ja: '人命/安全', en: 'Life and safety' },
    levels: {
      1: { ja: '軽いけが', en: 'Minor injury' },
      2: { ja: '重いけが', en: 'Serious injury' },
      3: { ja: '命にかかわる', en: 'Loss of life' },
    },
  },
  {
    viewpoint: 'privacy',
    axis: null,
    label: { ja: 'プライバシー', en: 'Privacy' },
    levels: {
      1: { ja: '情報の漏えい・悪用', en: 'Information leaked or misused' },
      2: { ja: '名誉が傷つく', en: 'Damage to a person’s honour' },
      3: { ja: '命にかかわる', en: 'Danger to life' },
    },
  },
  {
    viewpoint: 'assets',
    axis: 'economic',
    label: { ja: '資産', en: 'Assets' },
    levels: {
      1: { ja: '損害', en: 'Loss' },
      2: { ja: '大きな損害', en: 'Heavy loss' },
      3: { ja: '破産', en: 'Bankruptcy' },
    },
  },
  {
    viewpoint: 'daily_life',
    axis: null,
    label: { ja: '生活影響', en: 'Impact on daily life' },
    levels: {
      1: { ja: '不便になる', en: 'Inconvenience' },
      2: { ja: '生活に支障が出る', en: 'Daily life disrupted' },
      3: { ja: '生活が困難になる', en: 'Daily life made very hard' },
    },
  },
  {
    viewpoint: 'society',
    axis: null,
    label: { ja: '社会影響', en: 'Impact on society' },
    levels: {
      1: { ja: '悪い影響', en: 'Adverse effect' },
      2: { ja: '混乱', en: 'Disorder' },
      3: { ja: '大きな混乱', en: 'Widespread disorder' },
    },
  },
  {
    viewpoint: 'reputation',
    axis: 'economic',
    label: { ja: 'レピュテーション', en: 'Reputation' },
    levels: {
      1: { ja: '信用が下がる', en: 'Loss of trust' },
      2: { ja: '業績が悪化する', en: 'Business results worsen' },
      3: { ja: '倒産', en: 'Business failure' },
    },
  },
];

export const VIEWPOINT_LABELS = Object.fromEntries(
  CATEGORIZATION_TABLE.map((r) => [r.viewpoint, r.label]),
) as Record<Viewpoint, Text>;

export const IMPACT_LEVEL_LABELS: Record<ImpactLevel, Text> = {
  1: { ja: '限定的', en: 'Limited' },
  2: { ja: '重大', en: 'Serious' },
  3: { ja: '致命的・壊滅的', en: 'Fatal or catastrophic' },
};

export const MEASURE_LEVEL_LABELS: Record<MeasureLevel, Text> = {
  basic: { ja: 'Basic', en: 'Basic' },
  advanced: { ja: 'Advanced', en: 'Advanced' },
  high_advanced: { ja: 'High-Advanced', en: 'High-Advanced' },
};

const LEVEL_FOR_IMPACT: Record<ImpactLevel, MeasureLevel> = { 1: 'basic', 2: 'advanced', 3: 'high_advanced' };

/** Rank of a measure level (basic 0 < advanced 1 < high_advanced 2), for "tier ≤ level". */
export function measureRank(level: MeasureLevel): number {
  return level === 'basic' ? 0 : level === 'advanced' ? 1 : 2;
}

export interface LevelDecision {
  level: MeasureLevel;
  highest: ImpactLevel | null;
  /** The viewpoints rated at the highest level, in table order. */
  drivers: Viewpoint[];
  rated: boolean;
  explanation: Text;
}

/**
 * The required strength of measures from an element's categorization: the highest rating over the six
 * viewpoints decides (Lv1 → Basic, Lv2 → Advanced, Lv3 → High-Advanced). Unrated elements get Basic,
 * with `rated: false` and an explanation that says so.
 */
export function decideLevel(c: Categorization | undefined): LevelDecision {
  let highest: ImpactLevel | null = null;
  for (const v of VIEWPOINTS) {
    const r = c?.[v];
    if (r !== undefined && (highest === null || r > highest)) highest = r;
  }
  if (highest === null) {
    return {
      level: 'basic',
      highest: null,
      drivers: [],
      rated: false,
      explanation: {
        ja: 'どの観点もまだ評価されていないため、既定の Basic としています。影響の度合いを評価してください。',
        en: 'No viewpoint has been rated yet, so Basic applies by default. Rate the impact to confirm the level.',
      },
    };
  }
  const top = highest;
  const drivers = VIEWPOINTS.filter((v) => c?.[v] === top);
  const level = LEVEL_FOR_IMPACT[top];
  const names = (lang: 'ja' | 'en') => drivers.map((v) => VIEWPOINT_LABELS[v][lang]);
  const impact = IMPACT_LEVEL_LABELS[top];
  const measure = MEASURE_LEVEL_LABELS[level];
  return {
    level,
    highest: top,
    drivers,
    rated: true,
    explanation: {
      ja: `${names('ja').join('・')} が Lv${top}（${impact.ja}）のため ${measure.ja}`,
      en: `${names('en').join(', ')} ${drivers.length > 1 ? 'are' : 'is'} rated Lv${top} (${impact.en}), so ${measure.en} measures are required`,
    },
  };
}
