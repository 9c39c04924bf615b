import { describe, expect, it } from 'vitest';
import { checkPackReferences, flattenPack, type CatalogPack } from './pack.ts';
import { answerLabel } from './labels.ts';
import { bandFor, scoreAssessment, type AnswerValue } from './scoring.ts';

const t = (s: string) => ({ ja: s, en: s });

/** A small pack shaped like the SME self-check: 4/2/0/−1 points, sum scoring, four bands. */
function smeLike(items: number): CatalogPack {
  return {
    id: 'urn:shinrai:catalog:test',
    version: '1.0.0',
    publisher: t('p'),
    title: t('t'),
    sources: [{ title: 's', url: 'https://example.org' }],
    answerModels: {
      sme4: {
        kind: 'choice',
        options: [
          { value: 'yes', label: t('yes'), points: 4 },
          { value: 'partial', label: t('partial'), points: 2 },
          { value: 'no', label: t('no'), points: 0 },
          { value: 'unknown', label: t('unknown'), points: -1, unknown: true },
        ],
      },
    },
    scoring: {
      method: 'sum',
      unknown: 'points',
      bands: [
        { id: 'b100', min: 100, label: t('100') },
        { id: 'b70', min: 70, label: t('70') },
        { id: 'b50', min: 50, label: t('50') },
        { id: 'low', min: -25, label: t('low') },
      ],
    },
    tags: { part: { a: t('a'), b: t('b') } },
    nodes: [
      {
        ref: 'g1',
        provenance: 'own',
        title: t('g1'),
        children: Array.from({ length: items }, (_, i) => ({
          ref: String(i + 1),
          provenance: 'own' as const,
          title: t(`i${i + 1}`),
          answerModel: 'sme4',
          tags: [i % 2 === 0 ? 'part:a' : 'part:b'],
        })),
      },
    ],
  };
}

const choice = (value: string): AnswerValue => ({ kind: 'choice', value });
const rep = (n: number, v: string): string[] => Array.from({ length: n }, () => v);

function answersFrom(values: string[]): Map<string, AnswerValue> {
  return new Map(values.map((v, i) => [String(i + 1), choice(v)]));
}

/**
 * Golden values computed by hand (the arithmetic is in each test's comment) from the pack above, not
 * from scoring.ts: to change one, redo its arithmetic; never copy what the code prints.
 */
describe('scoreAssessment on an SME-like pack (hand-computed golden values)', () => {
  const pack = smeLike(25);
  const nodes = flattenPack(pack.nodes);

  it('all 25 answered 実施している → 100, top band', () => {
    const r = scoreAssessment(pack, nodes, answersFrom(rep(25, 'yes')));
    expect(r.overall.points).toBe(100);
    expect(r.overall.max).toBe(100);
    expect(r.overall.band?.id).toBe('b100');
    expect(r.groups.g1?.percent).toBe(100);
  });

  it('わからない counts −1 and unanswered counts 0 out of its 4', () => {
    // 20 × 4 + 2 × 2 + 1 × 0 + 2 × (−1) = 82
    const values = [...rep(20, 'yes'), 'partial', 'partial', 'no', 'unknown', 'unknown'];
    const r = scoreAssessment(pack, nodes, answersFrom(values));
    expect(r.overall.points).toBe(82);
    expect(r.overall.band?.id).toBe('b70');
    const unanswered = scoreAssessment(pack, nodes, answersFrom(rep(24, 'yes')));
    expect(unanswered.overall.points).toBe(96);
    expect(unanswered.overall.answered).toBe(24);
    expect(unanswered.overall.max).toBe(100);
  });

  it.each([
    [49, 'low'],
    [50, 'b50'],
    [69, 'b50'],
    [70, 'b70'],
    [99, 'b70'],
    [100, 'b100'],
  ])('band edge %i → %s', (total, band) => {
    expect(bandFor(pack.scoring?.bands, total)?.id).toBe(band);
  });

  it.each([
    // [yes, partial, no, unknown] → total, band; 99 cannot occur with 25 items (the best below 100 is 98)
    [[13, 0, 9, 3], 49, 'low'],
    [[12, 1, 12, 0], 50, 'b50'],
    [[18, 0, 4, 3], 69, 'b50'],
    [[17, 1, 7, 0], 70, 'b70'],
    [[24, 1, 0, 0], 98, 'b70'],
    [[25, 0, 0, 0], 100, 'b100'],
  ] as const)('answers %j give %i points in band %s', (counts, total, band) => {
    const values = (['yes', 'partial', 'no', 'unknown'] as const).flatMap((v, i) => rep(counts[i] ?? 0, v));
    const r = scoreAssessment(pack, nodes, answersFrom(values));
    expect(r.overall.points).toBe(total);
    expect(r.overall.band?.id).toBe(band);
  });

  it('scores per tag', () => {
    const r = scoreAssessment(
      pack,
      nodes,
      answersFrom(rep(25, 'no').map((v, i) => (i % 2 === 0 ? 'yes' : v))),
    );
    expect(r.tags['part:a']).toMatchObject({ points: 52, max: 52, percent: 100 });
    expect(r.tags['part:b']).toMatchObject({ points: 0, max: 48, percent: 0 });
  });
});

describe('percent scoring, exclusions and tiers', () => {
  const pack: CatalogPack = {
    ...smeLike(0),
    answerModels: {
      mat: {
        kind: 'maturity',
        levels: [0, 1, 2, 3, 4, 5].map((level) => ({ level, label: t(String(level)) })),
      },
      impl: {
        kind: 'choice',
        options: [
          { value: 'yes', label: t('y'), points: 2 },
          { value: 'na', label: t('n/a') },
          { value: 'dk', label: t('?'), points: 0, unknown: true },
        ],
      },
    },
    scoring: { method: 'percent', unknown: 'exclude' },
    tiers: [
      { id: 'basic', label: t('basic') },
      { id: 'adv', label: t('adv'), includes: ['basic'] },
    ],
    nodes: [
      { ref: 'a', provenance: 'own', title: t('a'), answerModel: 'mat', tier: 'basic' },
      { ref: 'b', provenance: 'own', title: t('b'), answerModel: 'impl', tier: 'adv' },
      { ref: 'c', provenance: 'own', title: t('c'), answerModel: 'impl', tier: 'adv' },
    ],
  };
  const nodes = flattenPack(pack.nodes);

  it('leaves out not-applicable, excluded unknowns and unanswered items from the maximum', () => {
    const r = scoreAssessment(
      pack,
      nodes,
      new Map<string, AnswerValue>([
        ['a', { kind: 'maturity', level: 3 }],
        ['b', choice('na')],
      ]),
    );
    expect(r.overall).toMatchObject({ points: 3, max: 5, percent: 60, answered: 2, items: 3 });
    const withUnknown = scoreAssessment(
      pack,
      nodes,
      new Map<string, AnswerValue>([
        ['a', { kind: 'maturity', level: 5 }],
        ['c', choice('dk')],
      ]),
    );
    expect(withUnknown.overall).toMatchObject({ points: 5, max: 5, percent: 100 });
  });

  it('limits to a tier and the tiers it includes', () => {
    const answers = new Map<string, AnswerValue>([
      ['a', { kind: 'maturity', level: 5 }],
      ['b', choice('yes')],
    ]);
    expect(scoreAssessment(pack, nodes, answers, 'basic').overall).toMatchObject({
      items: 1,
      points: 5,
      max: 5,
    });
    expect(scoreAssessment(pack, nodes, answers, 'adv').overall).toMatchObject({
      items: 3,
      points: 7,
      max: 7,
    });
  });
});

describe('date answers', () => {
  const pack: CatalogPack = {
    id: 'urn:shinrai:catalog:dates',
    version: '1.0.0',
    publisher: t('p'),
    title: t('dates'),
    sources: [{ title: 's', url: 'urn:s' }],
    answerModels: {
      yn: {
        kind: 'choice',
        options: [
          { value: 'yes', label: t('yes'), points: 1 },
          { value: 'no', label: t('no'), points: 0 },
        ],
      },
      when: { kind: 'date', notAfter: '2030-12-31' },
    },
    scoring: { method: 'percent' },
    nodes: [
      { ref: 'q', provenance: 'own', title: t('q'), answerModel: 'yn' },
      { ref: 'd', provenance: 'own', title: t('d'), answerModel: 'when' },
    ],
  };
  const nodes = flattenPack(pack.nodes);

  it('counts a date as answered without points: the percent comes from the scored items only', () => {
    const r = scoreAssessment(
      pack,
      nodes,
      new Map<string, AnswerValue>([
        ['q', choice('yes')],
        ['d', { kind: 'date', value: '2026-10-01' }],
      ]),
    );
    expect(r.items.d).toEqual({ ref: 'd', answered: true, points: null, max: 0, unknown: false });
    // q: 1 of 1 point; d adds nothing to points or max → 100 %, 2 of 2 answered.
    expect(r.overall).toMatchObject({ points: 1, max: 1, percent: 100, answered: 2, items: 2 });
  });

  it('checks the bounds are real days in order, located at the model', () => {
    const bad: CatalogPack = {
      ...pack,
      answerModels: {
        ...pack.answerModels,
        when: { kind: 'date', notBefore: '2030-02-30', notAfter: '2031-01-01' },
        late: { kind: 'date', notBefore: '2031-01-01', notAfter: '2030-01-01' },
      },
    };
    expect(checkPackReferences(bad)).toEqual([
      { pointer: '/answerModels/when/notBefore', problem: 'bad_date_bounds', value: '2030-02-30' },
      { pointer: '/answerModels/late/notAfter', problem: 'bad_date_bounds', value: '2030-01-01' },
    ]);
    expect(checkPackReferences(pack)).toEqual([]);
  });
});

describe('how date and file answers print (reports, exports)', () => {
  it('prints a date as the day and a file answer as its count, in the asked language', () => {
    const pack = { answerModels: { when: { kind: 'date' as const }, cert: { kind: 'file' as const } } };
    expect(answerLabel(pack, 'when', { kind: 'date', value: '2026-10-01' }, 'ja')).toBe('2026-10-01');
    expect(answerLabel(pack, 'cert', { kind: 'file', files: 2 }, 'ja')).toBe('ファイル 2 件');
    expect(answerLabel(pack, 'cert', { kind: 'file', files: 1 }, 'en')).toBe('1 file');
    expect(answerLabel(pack, 'cert', { kind: 'file', files: 3 }, 'en')).toBe('3 files');
  });
});
