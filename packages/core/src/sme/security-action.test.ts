import { describe, expect, it } from 'vitest';
import { securityActionEligibility, selfCheckDue, type SmeProgress } from './security-action.ts';

const base: SmeProgress = {
  fiveRules: { declared: 0, total: 5 },
  selfCheck: { answered: 0, total: 25 },
  policy: { set: false, published: false },
};

/**
 * Golden cases written by hand from IPA's SECURITY ACTION rules (★: all five rules declared; ★★: also
 * all 25 self-check items answered and a basic policy set and published). They are not generated and
 * must not be regenerated from the code: when IPA changes the rules, rewrite the affected rows from the
 * rules and let the code follow.
 */
describe('SECURITY ACTION ★ / ★★ (golden cases)', () => {
  it.each([
    ['nothing done', base, 'none', ['five_rules', 'self_check', 'policy_set', 'policy_published']],
    [
      'four of five rules',
      { ...base, fiveRules: { declared: 4, total: 5 } },
      'none',
      ['five_rules', 'self_check', 'policy_set', 'policy_published'],
    ],
    [
      'all five rules → ★',
      { ...base, fiveRules: { declared: 5, total: 5 } },
      'star1',
      ['self_check', 'policy_set', 'policy_published'],
    ],
    [
      'self-check done, policy set but not published → still ★',
      {
        fiveRules: { declared: 5, total: 5 },
        selfCheck: { answered: 25, total: 25 },
        policy: { set: true, published: false },
      },
      'star1',
      ['policy_published'],
    ],
    [
      'self-check 24 of 25 → not ★★',
      {
        fiveRules: { declared: 5, total: 5 },
        selfCheck: { answered: 24, total: 25 },
        policy: { set: true, published: true },
      },
      'star1',
      ['self_check'],
    ],
    [
      'self-check done, policy set and published → ★★',
      {
        fiveRules: { declared: 5, total: 5 },
        selfCheck: { answered: 25, total: 25 },
        policy: { set: true, published: true },
      },
      'star2',
      [],
    ],
    [
      '★★ does not depend on the five rules',
      {
        fiveRules: { declared: 0, total: 5 },
        selfCheck: { answered: 25, total: 25 },
        policy: { set: true, published: true },
      },
      'star2',
      ['five_rules'],
    ],
    [
      'no catalog loaded (0 of 0) is not done',
      { ...base, fiveRules: { declared: 0, total: 0 } },
      'none',
      ['five_rules', 'self_check', 'policy_set', 'policy_published'],
    ],
  ] as const)('%s', (_name, progress, level, missing) => {
    const e = securityActionEligibility(progress);
    expect(e.level).toBe(level);
    expect(e.missing).toEqual(missing);
  });

  it('asks for a new self-check after about eleven months', () => {
    const now = new Date('2026-11-25T00:00:00Z');
    expect(selfCheckDue(null, now)).toBe(true);
    expect(selfCheckDue('2026-01-01T00:00:00Z', now)).toBe(false);
    expect(selfCheckDue('2025-12-25T00:00:00Z', now)).toBe(true);
  });
});
