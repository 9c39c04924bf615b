import { describe, expect, it } from 'vitest';
import { formatVers } from './parse.ts';
import { readVersionRange } from './plain.ts';
import { versContains } from './contains.ts';

const read = (scheme: string, text: string) => {
  const r = readVersionRange(scheme, text);
  return r.ok ? formatVers(r) : r.reason;
};

describe('readVersionRange (ranges as people type them)', () => {
  it('reads plain notation into the scheme given', () => {
    expect(read('maven', '>=2.0.0 <2.17.1')).toBe('vers:maven/>=2.0.0|<2.17.1');
    expect(read('pypi', '>= 1.2, < 2')).toBe('vers:pypi/>=1.2|<2');
    expect(read('npm', '<3.3.6')).toBe('vers:npm/<3.3.6');
    expect(read('npm', '3.3.6')).toBe('vers:npm/3.3.6');
    expect(read('npm', '==3.3.6')).toBe('vers:npm/3.3.6');
    expect(read('npm', '<2.0.0 >=1.0.0')).toBe('vers:npm/>=1.0.0|<2.0.0');
    expect(read('npm', '*')).toBe('vers:npm/*');
  });

  it('takes vers text as it is, leniently', () => {
    expect(read('npm', 'vers:npm/>=0.1.0 | <0.2.0')).toBe('vers:npm/>=0.1.0|<0.2.0');
  });

  it('refuses what is not a range', () => {
    expect(read('npm', '>=<1')).toBe('bad_version');
    expect(read('npm', 'vers:npm/')).toBe('empty');
  });

  it('means what it says when matched', () => {
    const r = readVersionRange('maven', '>=2.0.0 <2.17.1');
    if (!r.ok) throw new Error(r.reason);
    expect(versContains(r, '2.14.1')).toMatchObject({ ok: true, contains: true });
    expect(versContains(r, '2.17.1')).toMatchObject({ ok: true, contains: false });
  });
});
