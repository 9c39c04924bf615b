/**
 * Packagist (Composer) order, i.e. PHP's version_compare after Composer-style canonicalisation:
 * a leading "v" is ignored, "-", "_" and "+" act as ".", and a "." is implied between digits and letters.
 * Special labels order dev < alpha = a < beta = b < RC = rc < (number) < pl = p; other words sort first.
 */
import { basicCheck, type VersionFailure } from './errors.ts';
import { compareDigits, isDigitCode, isDigits, stripZeros } from './numeric.ts';

export interface PackagistKey {
  /** Parts: digit strings (leading zeros stripped) or labels. */
  readonly parts: readonly string[];
  readonly numeric: readonly boolean[];
}

export function parsePackagist(input: string): PackagistKey | VersionFailure {
  const bad = basicCheck(input);
  if (bad) return bad;
  let s = input;
  if (s.charCodeAt(0) === 118 || s.charCodeAt(0) === 86) s = s.slice(1);
  const parts: string[] = [];
  let cur = '';
  let prevDigit: boolean | null = null;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? '';
    if (ch === '.' || ch === '-' || ch === '_' || ch === '+') {
      parts.push(cur);
      cur = '';
      prevDigit = null;
      continue;
    }
    const d = isDigitCode(ch.charCodeAt(0));
    if (prevDigit !== null && d !== prevDigit) {
      parts.push(cur);
      cur = '';
    }
    cur += ch;
    prevDigit = d;
  }
  parts.push(cur);
  const numeric = parts.map(isDigits);
  return { parts: parts.map((p, i) => (numeric[i] ? stripZeros(p) : p)), numeric };
}

/** PHP's special-form rank; "#" stands for a number. */
function rank(label: string): number {
  if (label.startsWith('dev')) return 0;
  if (label.startsWith('alpha') || label.startsWith('a')) return 1;
  if (label.startsWith('beta') || label.startsWith('b')) return 2;
  if (label.startsWith('RC') || label.startsWith('rc')) return 3;
  if (label.startsWith('#')) return 4;
  if (label.startsWith('pl') || label.startsWith('p')) return 5;
  return -6;
}

const NUMBER_RANK = 4;

function sign(n: number): -1 | 0 | 1 {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

function comparePart(x: string, xn: boolean, y: string, yn: boolean): -1 | 0 | 1 {
  if (xn && yn) return compareDigits(x, y);
  return sign((xn ? NUMBER_RANK : rank(x)) - (yn ? NUMBER_RANK : rank(y)));
}

/** Compares the extra parts of the longer version with PHP's implicit "#" (number) part. */
function compareTail(parts: readonly string[], numeric: readonly boolean[], from: number): -1 | 0 | 1 {
  for (let j = from; j < parts.length; j++) {
    if (numeric[j] === true) return 1;
    const c = comparePart(parts[j] ?? '', false, '#', false);
    if (c !== 0) return c;
  }
  return 0;
}

export function comparePackagistKeys(a: PackagistKey, b: PackagistKey): -1 | 0 | 1 {
  const n = Math.min(a.parts.length, b.parts.length);
  for (let i = 0; i < n; i++) {
    const c = comparePart(a.parts[i] ?? '', a.numeric[i] === true, b.parts[i] ?? '', b.numeric[i] === true);
    if (c !== 0) return c;
  }
  if (a.parts.length > n) return compareTail(a.parts, a.numeric, n);
  if (b.parts.length > n) return -compareTail(b.parts, b.numeric, n) as -1 | 0 | 1;
  return 0;
}
