import { describe, expect, it } from 'vitest';
import { starResultExpired, starResultProblems, type StarResultInput } from './star-result.ts';

const ok: StarResultInput = {
  level: 3,
  kind: 'self',
  obtainedOn: '2027-03-01',
  validUntil: '2028-02-29',
  bodyName: null,
  registrationNo: null,
};

describe('★ results a supplier records', () => {
  it('takes a ★3 self-assessment and a ★4 third-party assessment with its body', () => {
    expect(starResultProblems(ok)).toEqual([]);
    expect(starResultProblems({ ...ok, level: 4, kind: 'third_party', bodyName: '評価機関' })).toEqual([]);
    // Any number is free text: nothing is checked about it.
    expect(starResultProblems({ ...ok, registrationNo: '??-自由記述-1' })).toEqual([]);
  });

  it('locates every problem: kind against level, validity before the date obtained, ★4 without body', () => {
    expect(
      starResultProblems({ ...ok, level: 4, kind: 'self', validUntil: '2027-02-28', bodyName: ' ' }),
    ).toEqual([
      { pointer: '/kind', reason: 'kind_level' },
      { pointer: '/validUntil', reason: 'before_obtained' },
      { pointer: '/bodyName', reason: 'body_required' },
    ]);
    expect(starResultProblems({ ...ok, kind: 'third_party' })).toEqual([
      { pointer: '/kind', reason: 'kind_level' },
    ]);
    // Valid on the day it was obtained only: allowed.
    expect(starResultProblems({ ...ok, validUntil: ok.obtainedOn })).toEqual([]);
  });

  it('is expired from the day after its last valid day', () => {
    expect(starResultExpired('2027-04-05', '2027-04-05')).toBe(false);
    expect(starResultExpired('2027-04-04', '2027-04-05')).toBe(true);
  });
});
