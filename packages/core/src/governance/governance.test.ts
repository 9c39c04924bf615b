import { describe, expect, it } from 'vitest';
import { flattenPack } from '../catalog/pack.ts';
import {
  countActions,
  DIRECTIVE_REFS,
  directivePercents,
  directiveRecord,
  directiveTitles,
  isActionOverdue,
  isDirectiveRef,
  isTargetLevel,
  levelToPercent,
  PEER_MIN_CONTRIBUTORS,
  peerComparison,
  percentToLevel,
  tokyoDate,
  topGaps,
  directiveGap,
  type PeerContribution,
} from './index.ts';

const contribution = (orgId: string, values: Record<string, number | null>): PeerContribution => ({
  orgId,
  values,
});

describe('peer comparison (k-anonymity)', () => {
  it('needs five other organizations by default', () => {
    expect(PEER_MIN_CONTRIBUTORS).toBe(5);
  });

  it('returns only the count, no numbers, below k contributors', () => {
    const four = [10, 20, 30, 40].map((v, i) => contribution(`o${i}`, { a: v }));
    const r = peerComparison(four, ['a']);
    expect(r).toEqual({ available: false, contributors: 4 });
    expect(Object.keys(r).sort()).toEqual(['available', 'contributors']);
  });

  it('averages when k organizations contribute', () => {
    const five = [10, 20, 30, 40, 51].map((v, i) => contribution(`o${i}`, { a: v, b: 100 - v }));
    expect(peerComparison(five, ['a', 'b'])).toEqual({
      available: true,
      contributors: 5,
      averages: { a: 30.2, b: 69.8 },
    });
  });

  it('counts an organization once and never counts the caller', () => {
    const rows = [
      contribution('me', { a: 0 }),
      ...[10, 20, 30, 40].map((v, i) => contribution(`o${i}`, { a: v })),
      contribution('o0', { a: 99 }),
    ];
    expect(peerComparison(rows, ['a'], { excludeOrgId: 'me' })).toEqual({
      available: false,
      contributors: 4,
    });
    const withFifth = [...rows, contribution('o4', { a: 50 })];
    expect(peerComparison(withFifth, ['a'], { excludeOrgId: 'me' })).toEqual({
      available: true,
      contributors: 5,
      averages: { a: 30 },
    });
  });

  it('hides a key that fewer than k organizations answered, so one value cannot leak through it', () => {
    const rows = [
      contribution('o0', { a: 10, b: 77 }),
      ...[20, 30, 40, 50].map((v, i) => contribution(`o${i + 1}`, { a: v, b: null })),
    ];
    const r = peerComparison(rows, ['a', 'b']);
    expect(r).toEqual({ available: true, contributors: 5, averages: { a: 30, b: null } });
  });

  it('never goes below two contributors even if asked to', () => {
    expect(peerComparison([contribution('o0', { a: 1 })], ['a'], { k: 1 })).toEqual({
      available: false,
      contributors: 1,
    });
  });
});

describe('directives', () => {
  it('are the ten directives of the guideline', () => {
    expect(DIRECTIVE_REFS).toHaveLength(10);
    expect(isDirectiveRef('directive-10')).toBe(true);
    expect(isDirectiveRef('directive-11')).toBe(false);
  });

  it('maps target levels to percent on the 0–5 scale', () => {
    expect(levelToPercent(3)).toBe(60);
    expect(levelToPercent(3.5)).toBe(70);
    expect(percentToLevel(70)).toBe(3.5);
    expect(isTargetLevel(3.5)).toBe(true);
    expect(isTargetLevel(3.3)).toBe(false);
    expect(isTargetLevel(5.5)).toBe(false);
    expect(isTargetLevel(-1)).toBe(false);
  });

  it('takes titles from the pack and falls back to a numbered name', () => {
    const nodes = flattenPack([
      {
        ref: 'directive-1',
        provenance: 'official',
        title: { ja: '指示1 方針', en: 'Directive 1: policy' },
        children: [
          {
            ref: 'D1-Q1',
            provenance: 'own',
            title: { ja: 'q', en: 'q' },
            answerModel: 'maturity',
          },
        ],
      },
    ]);
    const titles = directiveTitles(nodes);
    expect(titles['directive-1']).toEqual({ ja: '指示1 方針', en: 'Directive 1: policy' });
    expect(titles['directive-7']).toEqual({ ja: '指示7', en: 'Directive 7' });
  });

  it('reads percents from a score report', () => {
    const p = directivePercents({
      groups: { 'directive-2': { points: 3, max: 5, percent: 60, answered: 1, items: 4 } },
    });
    expect(p['directive-2']).toBe(60);
    expect(p['directive-1']).toBeNull();
  });

  it('orders gaps by size and ignores directives without a value or target', () => {
    const current = directiveRecord<number | null>((_r, i) => (i === 9 ? null : i * 10));
    const target = directiveRecord<number | null>((_r, i) => (i === 8 ? null : 60));
    const gaps = topGaps(current, target, 3);
    expect(gaps).toEqual([
      { ref: 'directive-1', current: 0, target: 60, gap: 60 },
      { ref: 'directive-2', current: 10, target: 60, gap: 50 },
      { ref: 'directive-3', current: 20, target: 60, gap: 40 },
    ]);
    expect(topGaps(current, target, 20).map((g) => g.ref)).not.toContain('directive-7'); // 60 → no gap
    expect(topGaps(current, target, 20).map((g) => g.ref)).not.toContain('directive-10');
  });

  it('states one gap formula: target − current, one decimal, signed, null without both', () => {
    expect(directiveGap(33.33, 60)).toBe(26.7);
    expect(directiveGap(70, 60)).toBe(-10);
    expect(directiveGap(60, 60)).toBe(0);
    expect(directiveGap(null, 60)).toBeNull();
    expect(directiveGap(40, null)).toBeNull();
    // topGaps keeps exactly the directives whose gap is positive, with that same number
    const current = directiveRecord<number | null>((_r, i) => [33.33, 70, 60, null][i % 4] ?? null);
    const target = directiveRecord<number | null>(() => 60);
    const gaps = topGaps(current, target, 10);
    expect(gaps.map((g) => g.gap)).toEqual(gaps.map((g) => directiveGap(g.current, g.target)));
    expect(gaps.map((g) => g.ref)).toEqual(['directive-1', 'directive-5', 'directive-9']);
  });
});

describe('action items', () => {
  it('uses the calendar date in Japan', () => {
    expect(tokyoDate(new Date('2030-03-31T14:59:00Z'))).toBe('2030-03-31');
    expect(tokyoDate(new Date('2030-03-31T15:00:00Z'))).toBe('2030-04-01');
  });

  it('is overdue only when open and past its due date', () => {
    const today = '2030-04-01';
    expect(isActionOverdue({ status: 'planned', dueDate: '2030-03-31' }, today)).toBe(true);
    expect(isActionOverdue({ status: 'in_progress', dueDate: '2030-03-31' }, today)).toBe(true);
    expect(isActionOverdue({ status: 'planned', dueDate: today }, today)).toBe(false);
    expect(isActionOverdue({ status: 'done', dueDate: '2030-03-31' }, today)).toBe(false);
    expect(isActionOverdue({ status: 'cancelled', dueDate: '2030-03-31' }, today)).toBe(false);
    expect(isActionOverdue({ status: 'planned', dueDate: null }, today)).toBe(false);
  });

  it('counts open, done and overdue per directive; cancelled counts nowhere', () => {
    const counts = countActions(
      [
        { directive: 'directive-1', status: 'planned', dueDate: '2030-01-01' },
        { directive: 'directive-1', status: 'done', dueDate: '2030-01-01' },
        { directive: 'directive-1', status: 'cancelled', dueDate: '2030-01-01' },
        { directive: 'directive-2', status: 'in_progress', dueDate: '2031-01-01' },
      ],
      '2030-06-01',
    );
    expect(counts).toEqual({
      'directive-1': { open: 1, done: 1, overdue: 1 },
      'directive-2': { open: 1, done: 0, overdue: 0 },
    });
  });
});

describe('one rounding for levels and percents everywhere', () => {
  it('writes a mean level with one decimal, a percent with at most one, points with a sign', async () => {
    const { formatLevel, formatPercent, formatPoints } = await import('./index.ts');
    expect(formatLevel(3.25)).toBe('3.3');
    expect(formatLevel(4)).toBe('4.0');
    expect(formatLevel(null)).toBe('—');
    expect(formatPercent(62.25)).toBe('62.3%');
    expect(formatPercent(80)).toBe('80%');
    expect(formatPoints(20)).toBe('+20');
    expect(formatPoints(-12.5)).toBe('−12.5');
    expect(formatPoints(0)).toBe('±0');
  });
});
