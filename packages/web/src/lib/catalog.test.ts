import { describe, expect, it } from 'vitest';
import type { AnswerModel, AnswerValue, CatalogPack, Score } from '../api/types';
import {
  answerLabel,
  assessmentNodes,
  filterNodes,
  flattenNodes,
  itemsToFix,
  quickAnswer,
  radarAxes,
  sameAnswer,
  urnSlug,
  wrapLabel,
} from './catalog';

const t = (ja: string, en = ja) => ({ ja, en });

const pack: CatalogPack = {
  id: 'urn:shinrai:catalog:test',
  version: '1.0.0',
  publisher: t('テスト'),
  title: t('テスト', 'Test'),
  sources: [],
  answerModels: {
    yn: {
      kind: 'choice',
      options: [
        { value: 'yes', label: t('はい', 'Yes'), points: 2 },
        { value: 'partial', label: t('一部', 'Partly'), points: 1 },
        { value: 'no', label: t('いいえ', 'No'), points: 0 },
        { value: 'unknown', label: t('わからない', "Don't know"), points: -1, unknown: true },
        { value: 'na', label: t('該当しない', 'N/A') },
      ],
    },
    mat: { kind: 'maturity', levels: [0, 1, 2, 3].map((level) => ({ level, label: t(`L${level}`) })) },
    many: {
      kind: 'multiple',
      options: [
        { value: 'a', label: t('A'), points: 1 },
        { value: 'b', label: t('B'), points: 1 },
      ],
    },
  },
  tiers: [
    { id: 'basic', label: t('基本') },
    { id: 'full', label: t('全部'), includes: ['basic'] },
  ],
  tags: { part: { '1': t('第1部', 'Part 1'), '2': t('第2部', 'Part 2'), '3': t('第3部', 'Part 3') } },
  nodes: [
    {
      ref: 'G',
      provenance: 'official',
      title: t('グループ', 'Group'),
      children: [
        {
          ref: 'I1',
          provenance: 'official',
          title: t('パスワード', 'Passwords'),
          answerModel: 'yn',
          tier: 'basic',
          tags: ['part:1'],
        },
        {
          ref: 'I2',
          provenance: 'own',
          title: t('更新', 'Updates'),
          answerModel: 'yn',
          tier: 'full',
          tags: ['part:2'],
        },
        {
          ref: 'I3',
          provenance: 'own',
          title: t('成熟度', 'Maturity'),
          answerModel: 'mat',
          tier: 'full',
          tags: ['part:3'],
        },
        { ref: 'note', provenance: 'own', title: t('注記', 'Note') },
      ],
    },
  ],
};

const score = (tags: Record<string, number>): Score => ({
  overall: { points: 0, max: 0, percent: null, answered: 0, items: 3, band: null },
  groups: { G: { points: 1, max: 7, percent: 14.3, answered: 1, items: 3 } },
  tags: Object.fromEntries(
    Object.entries(tags).map(([k, percent]) => [k, { points: 0, max: 1, percent, answered: 0, items: 1 }]),
  ),
  tiers: {},
});

const models = pack.answerModels as Record<'yn' | 'mat' | 'many', AnswerModel>;

describe('catalog helpers', () => {
  it('flattens in document order with depth', () => {
    expect(flattenNodes(pack.nodes).map((n) => `${n.ref}:${n.depth}:${n.kind}`)).toEqual([
      'G:0:group',
      'I1:1:item',
      'I2:1:item',
      'I3:1:item',
      'note:1:info',
    ]);
  });

  it('limits an assessment to a tier and the tiers it includes', () => {
    const refs = (tier: string | null) => flattenNodes(assessmentNodes(pack, tier)).map((n) => n.ref);
    expect(refs('basic')).toEqual(['G', 'I1', 'note']);
    expect(refs('full')).toEqual(['G', 'I1', 'I2', 'I3', 'note']);
    expect(refs(null)).toEqual(['G', 'I1', 'I2', 'I3', 'note']);
  });

  it('searches ref and both titles, width-insensitively', () => {
    const refs = (q: string) => flattenNodes(filterNodes(pack.nodes, q)).map((n) => n.ref);
    expect(refs('パスワード')).toEqual(['G', 'I1']);
    expect(refs('updates')).toEqual(['G', 'I2']);
    expect(refs('Ｉ３')).toEqual(['G', 'I3']);
    expect(refs('group')).toEqual(['G', 'I1', 'I2', 'I3', 'note']);
    expect(refs('nothing')).toEqual([]);
  });

  it('labels answers in the UI language', () => {
    const yn = models.yn;
    expect(answerLabel(yn, { kind: 'choice', value: 'yes' }, 'ja')).toBe('はい');
    expect(answerLabel(yn, { kind: 'choice', value: 'yes' }, 'en')).toBe('Yes');
    expect(answerLabel(models.mat, { kind: 'maturity', level: 2 }, 'en')).toBe('2 L2');
    expect(answerLabel(models.many, { kind: 'multiple', values: ['a', 'b'] }, 'en')).toBe('A, B');
  });

  it('orders items to fix: unknown, no, unanswered, then partial', () => {
    const answers = new Map<string, AnswerValue | null>([
      ['I1', { kind: 'choice', value: 'partial' }],
      ['I2', { kind: 'choice', value: 'unknown' }],
    ]);
    expect(itemsToFix(pack, pack.nodes, answers).map((f) => `${f.ref}:${f.reason}`)).toEqual([
      'I2:unknown',
      'I3:unanswered',
      'I1:low',
    ]);
    answers.set('I1', { kind: 'choice', value: 'na' });
    answers.set('I2', { kind: 'choice', value: 'no' });
    answers.set('I3', { kind: 'maturity', level: 3 });
    expect(itemsToFix(pack, pack.nodes, answers).map((f) => `${f.ref}:${f.reason}`)).toEqual(['I2:no']);
  });

  it('picks radar axes: a facet, or the single group’s items', () => {
    const answers = new Map<string, AnswerValue | null>([['I1', { kind: 'choice', value: 'yes' }]]);
    const byFacet = radarAxes(
      pack,
      pack.nodes,
      score({ 'part:2': 0, 'part:1': 100, 'part:3': 50 }),
      answers,
      'ja',
    );
    expect(byFacet.basis).toBe('facet');
    expect(byFacet.axes.map((a) => `${a.name}=${a.percent}`)).toEqual(['第1部=100', '第2部=0', '第3部=50']);
    const byItems = radarAxes(pack, pack.nodes, score({}), answers, 'en');
    expect(byItems.basis).toBe('children');
    expect(byItems.axes.map((a) => `${a.key}=${a.percent}`)).toEqual(['I1=100', 'I2=0', 'I3=0']);
  });

  it('maps number keys to answers', () => {
    expect(quickAnswer(models.yn, '2', null)).toEqual({ kind: 'choice', value: 'partial' });
    expect(quickAnswer(models.yn, '9', null)).toBeUndefined();
    expect(quickAnswer(models.yn, 'j', null)).toBeUndefined();
    expect(quickAnswer(models.mat, '0', null)).toEqual({ kind: 'maturity', level: 0 });
    expect(quickAnswer(models.many, '2', { kind: 'multiple', values: ['a'] })).toEqual({
      kind: 'multiple',
      values: ['a', 'b'],
    });
    expect(quickAnswer(models.many, '1', { kind: 'multiple', values: ['a', 'b'] })).toEqual({
      kind: 'multiple',
      values: ['b'],
    });
  });

  it('compares answers and makes URN slugs', () => {
    expect(
      sameAnswer({ kind: 'multiple', values: ['a', 'b'] }, { kind: 'multiple', values: ['b', 'a'] }),
    ).toBe(true);
    expect(sameAnswer({ kind: 'choice', value: 'a' }, null)).toBe(false);
    expect(urnSlug(' My Checklist（2025）')).toBe('my-checklist-2025');
  });

  it('wraps chart labels', () => {
    expect(wrapLabel('第1部 基本的対策', 10)).toBe('第1部 基本的対策');
    expect(wrapLabel('制御用パソコンのパスワードを初期設定から変えていますか？', 8)).toBe(
      '制御用パソコンの\nパスワードを初…',
    );
    expect(wrapLabel('Part 2: measures for each employee', 12)).toBe('Part 2:\nmeasures…');
  });
});
