import { describe, expect, it } from 'vitest';
import { buildPurl, formatPurl, parsePurl, purlKey, purlProblemMessage } from './index.ts';

function parsed(s: string) {
  const r = parsePurl(s);
  if (!r.ok) throw new Error(`${s}: ${r.reason}`);
  return r.purl;
}

describe('parsePurl', () => {
  it('splits and decodes a scoped npm purl', () => {
    expect(parsed('pkg:npm/%40babel/core@7.24.0?foo=a%2Fb#lib/x')).toEqual({
      type: 'npm',
      namespace: '@babel',
      name: 'core',
      version: '7.24.0',
      qualifiers: { foo: 'a/b' },
      subpath: 'lib/x',
    });
  });

  it('accepts an unencoded npm scope and takes the version after the last slash', () => {
    const p = parsed('pkg:npm/@babel/core@7.24.0');
    expect([p.namespace, p.name, p.version]).toEqual(['@babel', 'core', '7.24.0']);
  });

  it('normalizes type, pypi names and qualifier order', () => {
    expect(formatPurl(parsed('pkg:PyPI/Django_Rest@3.0?b=2&a=1'))).toBe('pkg:pypi/django-rest@3.0?a=1&b=2');
  });

  it('rejects upper-case qualifier keys only in strict mode', () => {
    expect(parsePurl('pkg:gem/x@1?Platform=java').ok).toBe(true);
    expect(parsePurl('pkg:gem/x@1?Platform=java', { strict: true })).toMatchObject({
      ok: false,
      reason: 'bad_qualifier',
    });
  });

  it('returns reasons for bad input instead of throwing', () => {
    expect(parsePurl(42)).toMatchObject({ ok: false, reason: 'not_a_string' });
    expect(parsePurl('npm/left-pad@1')).toMatchObject({ ok: false, reason: 'bad_scheme' });
    expect(parsePurl('pkg:npm/%E0%A4%A@1')).toMatchObject({ ok: false, reason: 'bad_encoding' });
    expect(parsePurl('pkg:npm/a@1?x=1&x=2')).toMatchObject({ ok: false, reason: 'bad_qualifier' });
    expect(parsePurl('pkg:1npm/a')).toMatchObject({ ok: false, reason: 'bad_type' });
    expect(parsePurl('pkg:npm/')).toMatchObject({ ok: false, reason: 'missing_name' });
    expect(parsePurl('pkg:julia/Dates')).toMatchObject({ ok: false, reason: 'missing_qualifier' });
    expect(parsePurl(`pkg:npm/${'a'.repeat(5000)}`)).toMatchObject({ ok: false, reason: 'too_long' });
  });

  it('has ja and en messages for each reason', () => {
    expect(purlProblemMessage('bad_scheme', 'ja')).toContain('pkg:');
    expect(purlProblemMessage('bad_scheme', 'en')).toContain('pkg:');
  });
});

describe('formatPurl / buildPurl / purlKey', () => {
  it('round-trips to the canonical form', () => {
    const s = 'pkg:deb/debian/attr@1:2.4.47-2%2Bb1?arch=amd64';
    expect(formatPurl(parsed(s))).toBe(s);
  });

  it('builds from components and refuses missing names', () => {
    const r = buildPurl({ type: 'maven', namespace: 'org.apache', name: 'commons io', version: '1.0' });
    expect(r.ok && formatPurl(r.purl)).toBe('pkg:maven/org.apache/commons%20io@1.0');
    expect(buildPurl({ type: 'npm', name: '' })).toMatchObject({ ok: false, reason: 'missing_name' });
  });

  it('gives one key per package whatever the version, qualifiers or subpath', () => {
    const a = purlKey(parsed('pkg:npm/%40angular/core@17.0.0?x=1#a'));
    const b = purlKey(parsed('pkg:NPM/@angular/core@16.2.0'));
    expect(a).toBe('pkg:npm/%40angular/core');
    expect(b).toBe(a);
    expect(purlKey(parsed('pkg:npm/%40angular/common@17.0.0'))).not.toBe(a);
  });
});
