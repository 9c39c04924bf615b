/**
 * Arbitrary-size non-negative integers kept as digit strings (no BigInt, no allocation when comparing).
 * Version parts such as `999999999999999999999999999991` exceed 2^53, so they are never turned into numbers.
 */

/** Digit string without leading zeros ("0" for zero). */
export function stripZeros(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 48) i++;
  return i === 0 ? digits : digits.slice(i);
}

/** Compares two digit strings already passed through {@link stripZeros}. */
export function compareDigits(a: string, b: string): -1 | 0 | 1 {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Compares two strings by UTF-16 code unit (ASCII order for version text). */
export function compareText(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True when the string is one or more ASCII digits. */
export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigitCode(s.charCodeAt(i))) return false;
  return true;
}

export function isLowerLetterCode(c: number): boolean {
  return c >= 97 && c <= 122;
}

export function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Compares digit-string lists, padding the shorter one with zeros. */
export function compareDigitLists(a: readonly string[], b: readonly string[]): -1 | 0 | 1 {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = compareDigits(a[i] ?? '0', b[i] ?? '0');
    if (d !== 0) return d;
  }
  return 0;
}
