import { describe, expect, it } from 'vitest';
import { DomainError, ERROR_CODES, ERROR_MESSAGES, localeFrom } from './errors.ts';

describe('localeFrom (Accept-Language)', () => {
  it.each([
    [undefined, 'ja'],
    ['', 'ja'],
    ['ja', 'ja'],
    ['en', 'en'],
    ['EN-us', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7', 'ja'],
    ['en-US,en;q=0.9,ja;q=0.8', 'en'],
    ['ja;q=0.5, en;q=0.8', 'en'],
    ['en;q=0.5, ja;q=0.8', 'ja'],
    ['en; q=0.9, ja; q=0.3', 'en'],
    ['fr-FR, de;q=0.9, en;q=0.5', 'en'],
    ['fr-FR, de;q=0.9', 'ja'],
    ['*', 'ja'],
    ['en;q=abc, ja;q=0.1', 'ja'],
    ['zh-CN,zh;q=0.9,en;q=0.8,ja;q=0.7', 'en'],
  ] as const)('%j → %s', (header, locale) => {
    expect(localeFrom(header)).toBe(locale);
  });

  it('treats q=0 as "not acceptable" (RFC 9110 §12.4.2)', () => {
    expect(localeFrom('en;q=0')).toBe('ja');
    expect(localeFrom('en;q=0, fr')).toBe('ja');
    expect(localeFrom('ja;q=0, en;q=0.1')).toBe('en');
    expect(localeFrom('en;q=0.0, ja;q=0.000')).toBe('ja');
  });

  it('keeps header order for equal q-values', () => {
    expect(localeFrom('en, ja')).toBe('en');
    expect(localeFrom('ja, en')).toBe('ja');
    expect(localeFrom('en;q=0.5, ja;q=0.5')).toBe('en');
  });
});

describe('error messages', () => {
  it('have a Japanese and an English text for every code', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_MESSAGES[code].ja.length, code).toBeGreaterThan(0);
      expect(ERROR_MESSAGES[code].en.length, code).toBeGreaterThan(0);
      expect(ERROR_MESSAGES[code].ja, code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('include every code used by docs/api.md', () => {
    for (const c of [
      'bad_request',
      'validation_failed',
      'unauthenticated',
      'forbidden',
      'not_found',
      'conflict',
      'rate_limited',
      'locked',
      'mfa_required',
      'invalid_credentials',
      'invalid_token',
      'expired',
      'setup_done',
      'payload_too_large',
      'internal',
    ]) {
      expect(ERROR_CODES).toContain(c);
    }
  });

  it('DomainError carries its code and details', () => {
    const e = new DomainError('last_owner', { orgId: 'o1' });
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('last_owner');
    expect(e.details).toEqual({ orgId: 'o1' });
    expect(e.name).toBe('DomainError');
  });
});
