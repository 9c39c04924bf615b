import { describe, expect, it } from 'vitest';
import {
  isPrefectureCode,
  isValidCorporateNumber,
  PREFECTURE_CODES,
  SLUG_PATTERN,
  slugify,
} from './organization.ts';

/**
 * Check digit of a 法人番号 computed independently of the implementation, from the NTA rule:
 * 9 − (Σ Pn·Qn mod 9), Pn the n-th of the 12 base digits counted from the right, Qn = 1 (n odd) / 2 (n even).
 */
function ntaCheckDigit(base12: string): number {
  const digits = [...base12].map(Number).reverse(); // digits[0] is P1
  const sum = digits.reduce((acc, p, i) => acc + p * ((i + 1) % 2 === 1 ? 1 : 2), 0);
  return 9 - (sum % 9);
}

/** Deterministic pseudo-random digits (no flaky tests). */
function* lcg(seed: number) {
  let s = seed;
  for (;;) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    yield s;
  }
}

describe('isValidCorporateNumber', () => {
  it.each([
    ['7000012050002', '国税庁'],
    ['1180301018771', 'トヨタ自動車株式会社'],
    ['5010401067252', 'ソニーグループ株式会社'],
  ])('accepts the published number %s (%s)', (n) => {
    expect(isValidCorporateNumber(n)).toBe(true);
    expect(ntaCheckDigit(n.slice(1))).toBe(Number(n[0]));
  });

  it('accepts numbers whose check digit is computed by the NTA rule, and no other leading digit', () => {
    const rnd = lcg(42);
    for (let i = 0; i < 300; i++) {
      const base = Array.from({ length: 12 }, () => String(rnd.next().value! % 10)).join('');
      const check = ntaCheckDigit(base);
      for (let d = 0; d <= 9; d++) {
        expect(isValidCorporateNumber(`${d}${base}`), `${d}${base}`).toBe(d === check);
      }
    }
  });

  it('handles a sum divisible by 9 (check digit 9)', () => {
    expect(ntaCheckDigit('000000000000')).toBe(9);
    expect(isValidCorporateNumber('9000000000000')).toBe(true);
    expect(ntaCheckDigit('000000000009')).toBe(9);
    expect(isValidCorporateNumber('9000000000009')).toBe(true);
  });

  it.each([
    '1234567890123',
    '2234567890123',
    '7000012050003',
    '8000012050002',
    '0000012050002',
    '700001205000',
    '70000120500020',
    '7000-0120-5000',
    ' 7000012050002',
    '7000012050002 ',
    '７００００１２０５０００２',
    '7e12',
    '',
  ])('rejects %j', (n) => {
    expect(isValidCorporateNumber(n)).toBe(false);
  });

  it('detects any changed single base digit except a 0↔9 swap (the rule works mod 9)', () => {
    const valid = '7000012050002';
    for (let pos = 1; pos < 13; pos++) {
      for (let d = 0; d <= 9; d++) {
        const changed = valid.slice(0, pos) + String(d) + valid.slice(pos + 1);
        if (changed === valid) continue;
        if (Math.abs(d - Number(valid[pos])) === 9) {
          expect(isValidCorporateNumber(changed), changed).toBe(true);
          continue;
        }
        expect(isValidCorporateNumber(changed), changed).toBe(false);
      }
    }
  });
});

describe('prefecture codes (JIS X 0401)', () => {
  it('are 01..47', () => {
    expect(PREFECTURE_CODES).toHaveLength(47);
    expect(PREFECTURE_CODES[0]).toBe('01');
    expect(PREFECTURE_CODES[46]).toBe('47');
    expect(isPrefectureCode('13')).toBe(true);
    for (const bad of ['00', '48', '1', '013', 'tokyo', '']) expect(isPrefectureCode(bad)).toBe(false);
  });
});

describe('slugify', () => {
  it.each([
    ['Shinrai Seisakusho', 'shinrai-seisakusho'],
    ['  ACME  Corp.  ', 'acme-corp'],
    ['ＡＢＣ株式会社', 'abc'],
    ['信頼製作所 Shinrai Works', 'shinrai-works'],
    ['Ｔｏｙｏｔａ　Ｍｏｔｏｒ', 'toyota-motor'],
    ['K2 Systems', 'k2-systems'],
    ['Café & Co', 'caf-co'],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name, 'zzzz')).toBe(slug);
  });

  it('falls back to the random suffix for names without enough ASCII', () => {
    expect(slugify('信頼製作所', 'a1b2')).toBe('org-a1b2');
    expect(slugify('株式会社 X', 'a1b2')).toBe('org-a1b2');
    expect(slugify('---', 'a1b2')).toBe('org-a1b2');
    expect(slugify('', 'a1b2')).toBe('org-a1b2');
  });

  it('always yields a slug that SLUG_PATTERN accepts, also when truncation lands on a separator', () => {
    const names = [
      `${'a'.repeat(39)} bcd`,
      `${'a'.repeat(39)}--bcd`,
      `${'x'.repeat(38)} yz tail`,
      `${'abc '.repeat(20)}`,
      'Nippon Denki Kabushiki Kaisha Semiconductor Division',
      'ab',
      'a b c',
      'Tokyo-Electric--Power---Company',
    ];
    for (const n of names) {
      const s = slugify(n, 'q9r8');
      expect(s, n).toMatch(SLUG_PATTERN);
      expect(s.length, n).toBeLessThanOrEqual(40);
    }
  });

  it('SLUG_PATTERN refuses malformed slugs', () => {
    for (const bad of ['ab', '-abc', 'abc-', 'Abc', 'ab_c', 'a'.repeat(49), 'あいう']) {
      expect(SLUG_PATTERN.test(bad), bad).toBe(false);
    }
    for (const good of ['abc', 'a-b', 'org-1234', 'a'.repeat(48)])
      expect(SLUG_PATTERN.test(good), good).toBe(true);
  });
});
