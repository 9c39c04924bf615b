import { readFileSync } from 'node:fs';
import path from 'node:path';
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

/** The "Error codes" table of docs/api.md: code → HTTP status, in document order. */
function documentedCodes(): Array<[code: string, status: number]> {
  const doc = readFileSync(path.resolve(import.meta.dirname, '../../../docs/api.md'), 'utf8');
  const section = /^## Error codes\n([\s\S]*?)(?=^## )/m.exec(doc)?.[1];
  if (section === undefined) throw new Error('docs/api.md has no "## Error codes" section');
  return [...section.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|$/gm)].map((m) => [m[1]!, Number(m[2])]);
}

describe('error codes', () => {
  // The server modules' own codes are documented in the same table; test/api/error-codes.test.ts
  // checks that the table holds exactly the platform's and the modules' codes.
  it('are each documented once in docs/api.md with a 4xx/5xx status', () => {
    const documented = documentedCodes();
    const names = documented.map(([code]) => code);
    expect(
      names.filter((c, i) => names.indexOf(c) !== i),
      'documented twice',
    ).toEqual([]);
    expect(
      ERROR_CODES.filter((c) => !names.includes(c)),
      'in ERROR_CODES, missing from docs/api.md',
    ).toEqual([]);
    for (const [code, status] of documented) expect(status, code).toBeGreaterThanOrEqual(400);
    for (const [code, status] of documented) expect(status, code).toBeLessThan(600);
  });

  it('have a Japanese and an English message each, non-empty and told apart from every other code', () => {
    for (const locale of ['ja', 'en'] as const) {
      const seen = new Map<string, string>();
      for (const code of ERROR_CODES) {
        const text = ERROR_MESSAGES[code][locale].trim();
        expect(text.length, `${code} ${locale}`).toBeGreaterThan(0);
        const other = seen.get(text);
        expect(other, `${code} and ${other} share the ${locale} message "${text}"`).toBeUndefined();
        seen.set(text, code);
      }
    }
    for (const code of ERROR_CODES) {
      const { ja, en } = ERROR_MESSAGES[code];
      expect(ja, code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(en, code).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(ja, code).not.toBe(en);
    }
  });

  it('has messages for exactly the listed codes', () => {
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('DomainError carries its code and details', () => {
    const e = new DomainError('last_owner', { orgId: 'o1' });
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('last_owner');
    expect(e.details).toEqual({ orgId: 'o1' });
    expect(e.name).toBe('DomainError');
  });
});
