import { describe, expect, it } from 'vitest';
import type { GovernanceAction, GovernanceRadar } from '../../../api/types';
import { directiveNumber, gap, isTargetLevel, radarSeries, sortActions } from './governance';

const axis = (n: number, current: number | null, previous: number | null, target: number | null) => ({
  ref: `directive-${n}` as GovernanceRadar['axes'][number]['ref'],
  title: { ja: `指示${n}`, en: `Directive ${n}` },
  current,
  previous,
  target,
  currentLevel: null,
  previousLevel: null,
  targetLevel: null,
  actions: { open: 0, done: 0, overdue: 0 },
});

describe('governance helpers', () => {
  it('reads the directive number', () => {
    expect(directiveNumber('directive-10')).toBe(10);
    expect(directiveNumber('directive-3')).toBe(3);
  });

  it('leaves out radar series without any value', () => {
    const radar: GovernanceRadar = {
      assessment: null,
      previous: null,
      axes: [axis(1, 60, null, 80), axis(2, null, null, null)],
    };
    const rule = { minContributors: 10, bucketPoints: 10 };
    const computedAt = '2030-04-01T00:00:00.000Z';
    expect(
      radarSeries(radar, { available: false, contributors: 2, reason: 'too_few', rule, computedAt }),
    ).toEqual([
      { key: 'current', values: [60, null] },
      { key: 'target', values: [80, null] },
    ]);
    const withPeers = radarSeries(radar, {
      available: true,
      contributors: 12,
      rule,
      computedAt,
      averages: [
        { ref: 'directive-1', average: 55 },
        { ref: 'directive-2', average: 40 },
      ],
    });
    expect(withPeers.map((s) => s.key)).toEqual(['current', 'target', 'peers']);
    expect(withPeers[2]?.values).toEqual([55, 40]);
  });

  it('computes the gap to the target', () => {
    expect(gap(60, 80)).toBe(20);
    expect(gap(90, 80)).toBe(-10);
    expect(gap(null, 80)).toBeNull();
  });

  it('accepts target levels 0–5 in steps of 0.5', () => {
    expect(isTargetLevel(3.5)).toBe(true);
    expect(isTargetLevel(0)).toBe(true);
    expect(isTargetLevel(5.5)).toBe(false);
    expect(isTargetLevel(3.2)).toBe(false);
  });

  it('sorts overdue actions first, then open ones by due date, then closed ones', () => {
    const action = (id: string, dueDate: string, status: GovernanceAction['status'], overdue = false) =>
      ({ id, title: id, dueDate, status, overdue }) as GovernanceAction;
    const sorted = sortActions([
      action('done', '2020-01-01', 'done'),
      action('later', '2030-01-01', 'planned'),
      action('late', '2024-01-01', 'in_progress', true),
      action('sooner', '2029-01-01', 'in_progress'),
    ]);
    expect(sorted.map((a) => a.id)).toEqual(['late', 'sooner', 'later', 'done']);
  });
});
