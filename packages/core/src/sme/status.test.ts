import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../catalog/scoring.ts';
import { smeStatus, type SmeStatusInput } from './status.ts';

const declared: AnswerValue = { kind: 'choice', value: 'declared' };
const nothing: SmeStatusInput = { fiveRules: null, selfCheck: null, policy: null, publicUrl: null };
const overall = (answered: number, items = 25) => ({
  points: answered * 4,
  max: items * 4,
  percent: null,
  answered,
  items,
  band: { id: 'b', min: 0, label: { ja: '帯', en: 'Band' } },
});

describe('SME status (★ / ★★ summary)', () => {
  it('starts empty: nothing declared, a 25-item self-check not begun, no policy', () => {
    expect(smeStatus(nothing)).toEqual({
      fiveRules: { assessmentId: null, declared: 0, total: 5 },
      selfCheck: { assessmentId: null, answered: 0, total: 25, points: null, band: null, doneAt: null },
      policy: { set: false, published: false, publicUrl: null },
      eligibility: {
        star1: false,
        star2: false,
        level: 'none',
        missing: ['five_rules', 'self_check', 'policy_set', 'policy_published'],
      },
    });
  });

  it('counts only rules answered "declared" and reaches ★ with all five', () => {
    const four = smeStatus({
      ...nothing,
      fiveRules: {
        assessmentId: 'a',
        answers: [declared, declared, declared, declared, { kind: 'choice', value: 'not_yet' }],
      },
    });
    expect(four.fiveRules).toEqual({ assessmentId: 'a', declared: 4, total: 5 });
    expect(four.eligibility.level).toBe('none');
    const five = smeStatus({
      ...nothing,
      fiveRules: { assessmentId: 'a', answers: Array(5).fill(declared) },
    });
    expect(five.eligibility.level).toBe('star1');
  });

  it('dates a self-check only when every item is answered, and needs a published policy for ★★', () => {
    const partial = smeStatus({
      ...nothing,
      selfCheck: { assessmentId: 's', updatedAt: '2030-01-02T00:00:00Z', overall: overall(24) },
    });
    expect(partial.selfCheck).toMatchObject({ answered: 24, total: 25, points: 96, doneAt: null });
    expect(partial.selfCheck.band).toEqual({ id: 'b', label: { ja: '帯', en: 'Band' } });

    const all: SmeStatusInput = {
      fiveRules: { assessmentId: 'a', answers: Array(5).fill(declared) },
      selfCheck: { assessmentId: 's', updatedAt: '2030-01-02T00:00:00Z', overall: overall(25) },
      policy: { published: false },
      publicUrl: 'https://x/p/acme/policy',
    };
    const unpublished = smeStatus(all);
    expect(unpublished.selfCheck.doneAt).toBe('2030-01-02T00:00:00Z');
    expect(unpublished.policy).toEqual({ set: true, published: false, publicUrl: null });
    expect(unpublished.eligibility).toMatchObject({ level: 'star1', missing: ['policy_published'] });

    const published = smeStatus({ ...all, policy: { published: true } });
    expect(published.policy).toEqual({ set: true, published: true, publicUrl: 'https://x/p/acme/policy' });
    expect(published.eligibility).toMatchObject({ star2: true, level: 'star2', missing: [] });
  });
});
