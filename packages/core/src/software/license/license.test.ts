import { describe, expect, it } from 'vitest';
import { evaluateLicensePolicy, licenseTerms, parseLicenseExpression } from './index.ts';

const policy = {
  allow: ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'GPL-2.0-only WITH Classpath-exception-2.0'],
  deny: ['GPL-3.0-only', 'AGPL-3.0-only', 'GPL-2.0-only'],
};

describe('parseLicenseExpression', () => {
  it('keeps WITH exceptions and + on the terms', () => {
    const r = parseLicenseExpression('(MIT OR GPL-2.0-only WITH Classpath-exception-2.0) AND Apache-2.0+');
    expect(r.ok && licenseTerms(r.tree)).toEqual([
      'MIT',
      'GPL-2.0-only WITH Classpath-exception-2.0',
      'Apache-2.0+',
    ]);
  });

  it('rejects malformed expressions without throwing', () => {
    expect(parseLicenseExpression('MIT OR')).toMatchObject({ ok: false, reason: 'invalid_expression' });
    expect(parseLicenseExpression('  ')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseLicenseExpression('('.repeat(5000))).toMatchObject({ ok: false });
  });
});

describe('evaluateLicensePolicy', () => {
  it('allows when every AND term is allowed', () => {
    expect(evaluateLicensePolicy('MIT AND Apache-2.0', policy)).toEqual({ status: 'allowed' });
  });

  it('allows an OR with one acceptable branch, even if the other is denied', () => {
    expect(evaluateLicensePolicy('GPL-3.0-only OR MIT', policy)).toEqual({ status: 'allowed' });
  });

  it('denies an AND with a denied term and names it', () => {
    expect(evaluateLicensePolicy('MIT AND GPL-3.0-only', policy)).toEqual({
      status: 'denied',
      offending: ['GPL-3.0-only'],
    });
  });

  it('denies an OR whose branches are all denied, naming all of them', () => {
    expect(evaluateLicensePolicy('GPL-3.0-only OR AGPL-3.0-only', policy)).toEqual({
      status: 'denied',
      offending: ['GPL-3.0-only', 'AGPL-3.0-only'],
    });
  });

  it('lets a listed exception override the denied base license', () => {
    expect(evaluateLicensePolicy('GPL-2.0-only WITH Classpath-exception-2.0', policy)).toEqual({
      status: 'allowed',
    });
    expect(evaluateLicensePolicy('GPL-2.0-only WITH Autoconf-exception-2.0', policy)).toMatchObject({
      status: 'denied',
    });
  });

  it('is unknown for unlisted terms, missing or invalid expressions', () => {
    expect(evaluateLicensePolicy('MIT AND LicenseRef-Acme', policy)).toEqual({
      status: 'unknown',
      reason: 'not_listed',
      ids: ['LicenseRef-Acme'],
    });
    expect(evaluateLicensePolicy('GPL-3.0-only AND LicenseRef-Acme', policy)).toMatchObject({
      status: 'denied',
    });
    expect(evaluateLicensePolicy(null, policy)).toMatchObject({ status: 'unknown', reason: 'no_license' });
    expect(evaluateLicensePolicy('NOASSERTION', policy)).toMatchObject({
      status: 'unknown',
      reason: 'no_license',
    });
    expect(evaluateLicensePolicy('MIT AND AND', policy)).toMatchObject({
      status: 'unknown',
      reason: 'invalid_expression',
    });
  });

  it('compares ids case-insensitively', () => {
    expect(evaluateLicensePolicy('MIT', { allow: ['mit'], deny: [] })).toEqual({ status: 'allowed' });
  });
});
