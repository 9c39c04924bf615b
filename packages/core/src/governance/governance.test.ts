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
  distinctPeers,
  PEER_BUCKET_POINTS,
  PEER_MIN_CONTRIBUTORS,
  peerBenchmark,
  toBucket,
  percentToLevel,
  tokyoDate,
  topGaps,
  directiveGap,
  type PeerCandidate,
} from './index.ts';

let n = 0;
const peer = (
  orgId: string,
  values: Record<string, number | null>,
  people: string[] = [`u-${orgId}`],
  corporateNumber: string | null = `cn-${++n}`,
): PeerCandidate => ({ orgId, values, people, corporateNumber });
const ten = (values: (v: number, i: number) => Record<string, number | null>) =>
  Array.from({ length: 10 }, (_, i) => peer(`o${String(i).padStart(2, '0')}`, values(i * 10, i)));

describe('peer benchmark (verified, distinct, k = 10, bucketed)', () => {
  it('needs ten distinct organizations and rounds to 10-point buckets', () => {
    expect(PEER_MIN_CONTRIBUTORS).toBe(10);
    expect(PEER_BUCKET_POINTS).toBe(10);
    const nine = ten((v) => ({ a: v })).slice(0, 9);
    const r = peerBenchmark(nine, ['a']);
    expect(r).toEqual({ available: false, contributors: 9 });
    expect(Object.keys(r).sort()).toEqual(['available', 'contributors']);
    // 0, 10, …, 90 → 45 → bucket 50 (not 45).
    expect(
      peerBenchmark(
        ten((v) => ({ a: v, b: v + 3 })),
        ['a', 'b'],
      ),
    ).toEqual({
      available: true,
      contributors: 10,
      averages: { a: 50, b: 50 },
    });
    expect(toBucket(44.9)).toBe(40);
    expect(toBucket(45)).toBe(50);
  });

  it('counts organizations linked by a member or a creator once, and unverified ones not at all', () => {
    const base = ten((v) => ({ a: v })).slice(0, 8);
    // Four throwaway organizations of one person: one contributor (the lowest id's).
    const attacker = ['x1', 'x2', 'x3', 'x4'].map((id) => peer(id, { a: 100 }, ['mallory']));
    // Chained through different people: x5 shares bob with x6, x6 shares carol with x7.
    const chain = [
      peer('x5', { a: 0 }, ['bob']),
      peer('x6', { a: 0 }, ['bob', 'carol']),
      peer('x7', { a: 0 }, ['carol']),
    ];
    const unverified = [peer('y1', { a: 0 }, ['y1'], null), peer('y2', { a: 0 }, ['y2'], '')];
    const sameNumber = [peer('z1', { a: 0 }, ['z1'], 'dup'), peer('z2', { a: 0 }, ['z2'], 'dup')];
    expect(
      distinctPeers([...base, ...attacker, ...chain, ...unverified, ...sameNumber]).map((c) => c.orgId),
    ).toEqual([...base.map((c) => c.orgId), 'x1', 'x5', 'z1']);
    expect(peerBenchmark([...base, ...attacker], ['a'])).toEqual({ available: false, contributors: 9 });
  });

  it('hides a key fewer than k organizations answered, and never goes below k even if asked', () => {
    const rows = ten((v, i) => ({ a: v, b: i === 0 ? 77 : null }));
    expect(peerBenchmark(rows, ['a', 'b'])).toEqual({
      available: true,
      contributors: 10,
      averages: { a: 50, b: null },
    });
    expect(peerBenchmark(rows.slice(0, 2), ['a'], { k: 2 })).toEqual({ available: false, contributors: 2 });
  });

  it('does not give the fifth organization away to four throwaway ones (the old k = 5 attack)', () => {
    // Victim plus four organizations of one attacker, as distinct people: five is below k anyway.
    const victim = peer('victim', { a: 37 });
    const four = [0, 1, 2, 3].map((i) => peer(`t${i}`, { a: 0 }, [`throwaway-${i}`]));
    expect(peerBenchmark([victim, ...four], ['a'])).toEqual({ available: false, contributors: 5 });
    // Even with nine controlled organizations and the victim, the bucket leaves at most one coarse bit:
    // every value 0–44 (or 45–100) of the victim gives the same answer.
    const nine = Array.from({ length: 9 }, (_, i) => peer(`t${i}`, { a: 50 }, [`throwaway-${i}`]));
    const answers = new Set(
      [0, 10, 20, 30, 44].map((v) =>
        JSON.stringify(peerBenchmark([peer('victim', { a: v }), ...nine], ['a'])),
      ),
    );
    expect(answers.size).toBe(1);
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
