import { describe, expect, it } from 'vitest';
import { parseVers, type VersRange } from '../vers/parse.ts';
import {
  ARTIFACT_HASH_ALGORITHMS,
  licenseReport,
  normalizeDigest,
  SHA256_HEX,
  usedAtVersion,
  verifyArtifact,
  type LicensedComponent,
} from './index.ts';

const c = (id: string, licenses: string | null): LicensedComponent => ({
  id,
  name: `pkg-${id}`,
  version: '1.0.0',
  purl: `pkg:npm/pkg-${id}@1.0.0`,
  licenses,
});

describe('license report', () => {
  const policy = { allow: ['MIT', 'Apache-2.0'], deny: ['GPL-3.0-only'] };

  it('counts every component and lists the ones not allowed, denied first, in input order otherwise', () => {
    const r = licenseReport(
      [
        c('a', 'MIT'),
        c('b', null),
        c('c', 'GPL-3.0-only'),
        c('d', 'MIT OR GPL-3.0-only'),
        c('e', 'BSD-3-Clause'),
        c('f', 'MIT AND GPL-3.0-only'),
        c('g', '(('),
      ],
      policy,
    );
    expect(r.counts).toEqual({ allowed: 2, denied: 2, unknown: 3 });
    expect(r.items.map((i) => [i.component.id, i.status, i.reason, i.ids])).toEqual([
      ['c', 'denied', null, ['GPL-3.0-only']],
      ['f', 'denied', null, ['GPL-3.0-only']],
      ['b', 'unknown', 'no_license', []],
      ['e', 'unknown', 'not_listed', ['BSD-3-Clause']],
      ['g', 'unknown', 'invalid_expression', []],
    ]);
    expect(r.items[0]).toEqual({
      component: { id: 'c', name: 'pkg-c', version: '1.0.0', purl: 'pkg:npm/pkg-c@1.0.0' },
      licenses: 'GPL-3.0-only',
      status: 'denied',
      reason: null,
      ids: ['GPL-3.0-only'],
    });
  });

  it('is empty for no components, and lists nothing under an empty policy (no rule, no violation)', () => {
    expect(licenseReport([], policy)).toEqual({
      policySet: true,
      items: [],
      counts: { allowed: 0, denied: 0, unknown: 0 },
    });
    const r = licenseReport([c('a', 'MIT'), c('b', null)], { allow: [], deny: [] });
    expect(r).toEqual({ policySet: false, items: [], counts: { allowed: 0, denied: 0, unknown: 0 } });
    // One listed id is a policy: the unlisted ones are reported again.
    const one = licenseReport([c('a', 'MIT'), c('b', 'BSD-3-Clause')], { allow: [], deny: ['GPL-3.0-only'] });
    expect(one.policySet).toBe(true);
    expect(one.items.map((i) => [i.component.id, i.reason])).toEqual([
      ['a', 'not_listed'],
      ['b', 'not_listed'],
    ]);
  });
});

describe('artifact verification', () => {
  const H1 = 'a'.repeat(64);
  const H2 = 'b'.repeat(64);
  const registered = [
    { filename: 'fw.bin', sha256: H1 },
    { filename: 'tool.exe', sha256: H2 },
  ];

  it('verifies with SHA-256 digests in hex, compared case-insensitively', () => {
    expect(ARTIFACT_HASH_ALGORITHMS).toEqual(['sha-256']);
    expect(SHA256_HEX.test(H1.toUpperCase())).toBe(true);
    expect(SHA256_HEX.test('a'.repeat(63))).toBe(false);
    expect(SHA256_HEX.test('g'.repeat(64))).toBe(false);
    expect(normalizeDigest('ABCdef')).toBe('abcdef');
    expect(verifyArtifact(registered, { filename: 'fw.bin', sha256: H1.toUpperCase() }).result).toBe('match');
  });

  it('matches against the named file only, or any file of the release without a name', () => {
    expect(verifyArtifact(registered, { filename: 'fw.bin', sha256: H1 })).toEqual({
      result: 'match',
      expected: [{ filename: 'fw.bin', sha256: H1 }],
    });
    expect(verifyArtifact(registered, { filename: 'fw.bin', sha256: H2 })).toEqual({
      result: 'mismatch',
      expected: [{ filename: 'fw.bin', sha256: H1 }],
    });
    expect(verifyArtifact(registered, { sha256: H2 })).toEqual({ result: 'match', expected: registered });
    expect(verifyArtifact(registered, { sha256: 'c'.repeat(64) }).result).toBe('mismatch');
  });

  it('is unknown when nothing registered compares', () => {
    expect(verifyArtifact([], { sha256: H1 })).toEqual({ result: 'unknown', expected: [] });
    expect(verifyArtifact(registered, { filename: 'other.bin', sha256: H1 })).toEqual({
      result: 'unknown',
      expected: [],
    });
  });
});

describe('where-used version filter', () => {
  const range = (s: string): VersRange => {
    const r = parseVers(s);
    if (!r.ok) throw new Error(r.reason);
    return r;
  };

  it('takes every version when neither a version nor a range is asked for', () => {
    expect(usedAtVersion('1.2.3', { version: null, range: null })).toBe(true);
    expect(usedAtVersion(null, { version: null, range: null })).toBe(true);
  });

  it('needs the exact version the purl names', () => {
    expect(usedAtVersion('1.2.3', { version: '1.2.3', range: null })).toBe(true);
    expect(usedAtVersion('1.2.4', { version: '1.2.3', range: null })).toBe(false);
    expect(usedAtVersion(null, { version: '1.2.3', range: null })).toBe(false);
  });

  it('needs a version inside the range; none or an incomparable one is outside', () => {
    const r = range('vers:npm/>=1.0.0|<2.0.0');
    expect(usedAtVersion('1.5.0', { version: null, range: r })).toBe(true);
    expect(usedAtVersion('2.0.0', { version: null, range: r })).toBe(false);
    expect(usedAtVersion(null, { version: null, range: r })).toBe(false);
    expect(usedAtVersion('not a version!', { version: null, range: r })).toBe(false);
  });
});
