import { describe, expect, it } from 'vitest';
import type { RadarAxis } from '../service.ts';
import { legendEntries } from './board-charts.ts';

const axis = (over: Partial<RadarAxis>): RadarAxis => ({
  ref: 'directive-1',
  title: { ja: '指示1', en: 'Directive 1' },
  current: 60,
  previous: null,
  target: null,
  currentLevel: 3,
  previousLevel: null,
  targetLevel: null,
  actions: { open: 0, done: 0, overdue: 0 },
  ...over,
});

describe('board report radar legend', () => {
  it('has no entry for a series without data (no "previous" on the first assessment)', () => {
    expect(legendEntries([axis({})], 'ja').map((e) => e[0])).toEqual(['今回']);
    expect(legendEntries([axis({ previous: 40, target: 80 })], 'en').map((e) => e[0])).toEqual([
      'Current',
      'Previous',
      'Target',
    ]);
  });
});
