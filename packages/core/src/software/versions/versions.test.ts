import { describe, expect, it } from 'vitest';
import { compareParsed, compareVersions, parseVersion, schemeOf, VERSION_ERROR_MESSAGES } from './index.ts';

describe('parseVersion', () => {
  it('returns a failure value for unparsable input, with ja/en messages', () => {
    for (const [eco, v, reason] of [
      ['npm', '', 'empty'],
      ['npm', '1.0 .0', 'whitespace'],
      ['npm', 'latest', 'no_number'],
      ['Debian', '1.2.3-not-a-debian:version!@#$', 'bad_epoch'],
      ['Debian', '1.2.3-x!', 'bad_character'],
      ['PyPI', '1.0\u0000', 'control_character'],
    ] as const) {
      const r = parseVersion(eco, v);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.reason).toBe(reason);
        expect(VERSION_ERROR_MESSAGES[r.reason].ja.length).toBeGreaterThan(0);
      }
    }
  });

  it('rejects ecosystems it cannot order', () => {
    const r = parseVersion('Hackage', '1.0');
    expect(r).toEqual({ ok: false, reason: 'unknown_ecosystem', input: 'Hackage' });
  });

  it('ignores the release suffix of an ecosystem', () => {
    expect(schemeOf('Debian:12')).toBe('debian');
    expect(schemeOf('Alpine:v3.18')).toBe('alpine');
    expect(schemeOf('Ubuntu:22.04:LTS')).toBe('debian');
    expect(compareVersions('Alpine:v3.18', '1.0.2q-r0', '1.0.2p-r3')).toBe(1);
  });
});

describe('compareVersions', () => {
  it('orders numbers beyond 2^53 exactly', () => {
    expect(compareVersions('npm', '9007199254740993.0.0', '9007199254740992.0.0')).toBe(1);
    expect(compareVersions('PyPI', '1.9007199254740993', '1.9007199254740992')).toBe(1);
    expect(compareVersions('Maven', '1.9007199254740993', '1.9007199254740992')).toBe(1);
  });

  it('propagates a failure for the second version', () => {
    expect(compareVersions('npm', '1.0.0', 'next')).toEqual({
      ok: false,
      reason: 'no_number',
      input: 'next',
    });
  });

  it('orders per ecosystem rules', () => {
    expect(compareVersions('PyPI', '1!0.1', '2.0')).toBe(1);
    expect(compareVersions('PyPI', '1.0.post1', '1.0')).toBe(1);
    expect(compareVersions('PyPI', '1.0.dev1', '1.0a1')).toBe(-1);
    expect(compareVersions('PyPI', '1.0+abc', '1.0')).toBe(1);
    expect(compareVersions('PyPI', '1.0RC1', '1.0rc1')).toBe(0);
    expect(compareVersions('Debian', '1:1.0', '2.0')).toBe(1);
    expect(compareVersions('Debian', '1.0~rc1', '1.0')).toBe(-1);
    expect(compareVersions('RubyGems', '1.0.0-rc1', '1.0.0')).toBe(-1);
    expect(compareVersions('Maven', '1.0-SNAPSHOT', '1.0')).toBe(-1);
    expect(compareVersions('NuGet', '1.0.0-Beta', '1.0.0-beta')).toBe(0);
    expect(compareVersions('Go', 'v1.2.3', '1.2.3')).toBe(0);
    expect(compareVersions('Packagist', '1.0-dev', '1.0-alpha1')).toBe(-1);
  });
});

describe('compareParsed', () => {
  it('compares parsed forms and refuses to mix schemes', () => {
    const a = parseVersion('npm', '1.0.0');
    const b = parseVersion('npm', '1.0.0-rc.1');
    const c = parseVersion('PyPI', '1.0.0');
    if (!a.ok || !b.ok || !c.ok) throw new Error('fixture versions must parse');
    expect(compareParsed(a, b)).toBe(1);
    expect(compareParsed(b, a)).toBe(-1);
    expect(() => compareParsed(a, c)).toThrow(TypeError);
  });
});
