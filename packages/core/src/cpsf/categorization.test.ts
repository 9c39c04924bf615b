import { describe, expect, it } from 'vitest';
import {
  CATEGORIZATION_TABLE,
  decideLevel,
  IMPACT_LEVEL_LABELS,
  MEASURE_LEVEL_LABELS,
} from './categorization.ts';
import { VIEWPOINTS } from './model.ts';

describe('categorization table', () => {
  it('has the six viewpoints in order, each with a bilingual label and three levels', () => {
    expect(CATEGORIZATION_TABLE.map((r) => r.viewpoint)).toEqual([...VIEWPOINTS]);
    for (const row of CATEGORIZATION_TABLE) {
      expect(row.label.ja && row.label.en).toBeTruthy();
      for (const lv of [1, 2, 3] as const) expect(row.levels[lv].ja && row.levels[lv].en).toBeTruthy();
    }
    expect(IMPACT_LEVEL_LABELS[3].ja).toBe('致命的・壊滅的');
    expect(MEASURE_LEVEL_LABELS.high_advanced.en).toBe('High-Advanced');
  });
});

describe('decideLevel', () => {
  it('unrated → Basic, rated false, and says so', () => {
    for (const c of [undefined, {}]) {
      const d = decideLevel(c);
      expect(d).toMatchObject({ level: 'basic', highest: null, drivers: [], rated: false });
      expect(d.explanation.ja).toContain('評価されていない');
      expect(d.explanation.en).toContain('No viewpoint');
    }
  });

  it('Lv1 → Basic', () => {
    expect(decideLevel({ privacy: 1, society: 1 })).toMatchObject({
      level: 'basic',
      highest: 1,
      drivers: ['privacy', 'society'],
      rated: true,
    });
  });

  it('Lv2 → Advanced, driven by the highest viewpoint only', () => {
    const d = decideLevel({ assets: 2, reputation: 1 });
    expect(d).toMatchObject({ level: 'advanced', highest: 2, drivers: ['assets'] });
    expect(d.explanation.ja).toBe('資産 が Lv2（重大）のため Advanced');
  });

  it('Lv3 → High-Advanced, and the explanation names the viewpoint', () => {
    const d = decideLevel({ life_safety: 3, privacy: 2, assets: 3 });
    expect(d).toMatchObject({ level: 'high_advanced', highest: 3, drivers: ['life_safety', 'assets'] });
    expect(d.explanation.ja).toBe('人命/安全・資産 が Lv3（致命的・壊滅的）のため High-Advanced');
    expect(d.explanation.en).toContain('Life and safety, Assets are rated Lv3');
  });
});
