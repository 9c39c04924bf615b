import { describe, expect, it } from 'vitest';
import { cvssSeverity, parseCvss } from './index.ts';

function score(v: string) {
  const r = parseCvss(v);
  if (!r.ok) throw new Error(`${v}: ${r.reason} ${r.detail ?? ''}`);
  return r.cvss;
}

describe('CVSS v3', () => {
  it('scores well-known v3.1 and v3.0 vectors', () => {
    expect(score('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toMatchObject({
      baseScore: 9.8,
      baseSeverity: 'critical',
    });
    // Log4Shell (CVE-2021-44228) as NVD scored it.
    expect(score('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H').baseScore).toBe(10);
    expect(score('CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N')).toMatchObject({
      baseScore: 6.1,
      severity: 'medium',
    });
    expect(score('CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N')).toMatchObject({
      baseScore: 0,
      severity: 'none',
    });
  });

  it('keeps base and temporal scores apart', () => {
    const s = score('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:R');
    expect(s.baseScore).toBe(9.8);
    expect(s.score).toBeLessThan(9.8);
  });
});

describe('CVSS v4.0 (FIRST example vectors)', () => {
  const cases: [string, number][] = [
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N', 5.1],
    ['CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:N/VC:N/VI:N/VA:N/SC:H/SI:N/SA:N', 5.9],
    ['CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:H/SI:N/SA:H', 6.4],
    ['CVSS:4.0/AV:P/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 5.4],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:A', 10],
    [
      'CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/MAC:L/MAT:N/MVC:N/MVI:N/MVA:L',
      5.5,
    ],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:L/SA:N/E:U/CR:L/IR:L/AR:L', 2.7],
    ['CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L/E:U/CR:H/IR:H/AR:H', 1.7],
  ];
  it.each(cases)('%s → %s', (vector, expected) => {
    expect(score(vector).score).toBe(expected);
  });

  it('reports the base-only score of a vector with threat metrics', () => {
    const s = score('CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L/E:U/CR:H/IR:H/AR:H');
    expect(s.severity).toBe('low');
    expect(s.baseScore).toBeGreaterThan(s.score);
  });
});

describe('invalid vectors', () => {
  it.each([
    [42, 'not_a_vector'],
    ['AV:N/AC:L', 'not_a_vector'],
    ['CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P', 'unsupported_version'],
    ['CVSS:3.1/AV:N/AC:L', 'missing_base_metric'],
    ['CVSS:4.0/AV:N', 'missing_base_metric'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L', 'duplicate_metric'],
    ['CVSS:3.1/AV:Z/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'bad_value'],
    ['CVSS:3.1/AV:N//AC:L', 'malformed'],
    ['CVSS:4.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'missing_base_metric'],
  ])('%s → %s', (vector, reason) => {
    expect(parseCvss(vector)).toMatchObject({ ok: false, reason });
  });

  it('maps scores to severity bands', () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(cvssSeverity)).toEqual([
      'none',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });
});
