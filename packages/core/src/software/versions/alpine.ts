/**
 * Alpine (apk) version order: number{.number}[letter]{_suffix[number]}[~hash][-r<build>].
 * Suffixes order alpha < beta < pre < rc < (none) < cvs < svn < git < hg < p. Later numeric parts with
 * a leading zero compare as text (apk's rule for fractional parts). Text that does not fit the grammar
 * is kept and ordered as the OSV reference tooling orders it, so every published version still sorts.
 */
import { basicCheck, type VersionFailure } from './errors.ts';
import { compareDigits, compareText, isDigitCode, isLowerLetterCode, stripZeros } from './numeric.ts';

const SUFFIXES = ['alpha', 'beta', 'pre', 'rc', '', 'cvs', 'svn', 'git', 'hg', 'p'];
const NO_SUFFIX = 4;

export interface AlpineKey {
  readonly original: string;
  /** Raw digit runs of the numeric parts. */
  readonly parts: readonly string[];
  readonly letter: string;
  /** Suffix ranks and numbers, pairwise. */
  readonly suffixRanks: readonly number[];
  readonly suffixNumbers: readonly string[];
  readonly build: string;
  /** Text left over after the grammar; "" when the whole version fits. */
  readonly remainder: string;
  /** True when text after the grammar is not a "-r" build part. */
  readonly invalid: boolean;
}

export function parseAlpine(input: string): AlpineKey | VersionFailure {
  const bad = basicCheck(input);
  if (bad) return bad;
  const s = input;
  let i = 0;
  const parts: string[] = [];
  // number{.number}: digit runs, each optionally followed by one "."
  while (i < s.length && isDigitCode(s.charCodeAt(i))) {
    const start = i;
    while (i < s.length && isDigitCode(s.charCodeAt(i))) i++;
    parts.push(s.slice(start, i));
    if (s.charCodeAt(i) === 46) i++;
    else break;
  }
  let letter = '';
  if (i < s.length && isLowerLetterCode(s.charCodeAt(i))) letter = s[i++] ?? '';
  const suffixRanks: number[] = [];
  const suffixNumbers: string[] = [];
  suffixLoop: while (s.charCodeAt(i) === 95 /* _ */) {
    for (let r = 0; r < SUFFIXES.length; r++) {
      const name = SUFFIXES[r] ?? '';
      if (name.length === 0 || !s.startsWith(name, i + 1)) continue;
      let j = i + 1 + name.length;
      const ns = j;
      while (j < s.length && isDigitCode(s.charCodeAt(j))) j++;
      suffixRanks.push(r);
      suffixNumbers.push(stripZeros(s.slice(ns, j) || '0'));
      i = j;
      continue suffixLoop;
    }
    break;
  }
  if (s.charCodeAt(i) === 126 /* ~ */) {
    let j = i + 1;
    while (j < s.length && /[0-9a-f]/.test(s[j] ?? '')) j++;
    if (j > i + 1) i = j;
  }
  let build = '0';
  let invalid = false;
  if (i < s.length) {
    if (s.startsWith('-r', i)) {
      let j = i + 2;
      while (j < s.length && isDigitCode(s.charCodeAt(j))) j++;
      build = stripZeros(s.slice(i + 2, j) || '0');
      i = j;
    } else {
      invalid = true;
    }
  }
  return { original: s, parts, letter, suffixRanks, suffixNumbers, build, remainder: s.slice(i), invalid };
}

function comparePart(a: string | undefined, ai: number, b: string | undefined): -1 | 0 | 1 {
  const x = a ?? '0';
  const y = b ?? '0';
  // apk compares later parts with a leading zero as text; the first part and padding compare as numbers
  if (ai !== 0 && a !== undefined && b !== undefined && (x.charCodeAt(0) === 48 || y.charCodeAt(0) === 48)) {
    return compareText(x, y);
  }
  return compareDigits(stripZeros(x), stripZeros(y));
}

export function compareAlpineKeys(a: AlpineKey, b: AlpineKey): -1 | 0 | 1 {
  if (a.invalid && b.invalid) return compareText(a.original, b.original);
  const n = Math.max(a.parts.length, b.parts.length);
  for (let i = 0; i < n; i++) {
    const c = comparePart(a.parts[i], i, b.parts[i]);
    if (c !== 0) return c;
  }
  if (a.letter !== b.letter) {
    if (a.letter === '') return -1;
    if (b.letter === '') return 1;
    return compareText(a.letter, b.letter);
  }
  const m = Math.max(a.suffixRanks.length, b.suffixRanks.length);
  for (let i = 0; i < m; i++) {
    const ar = a.suffixRanks[i] ?? NO_SUFFIX;
    const br = b.suffixRanks[i] ?? NO_SUFFIX;
    if (ar !== br) return ar < br ? -1 : 1;
    const c = compareDigits(a.suffixNumbers[i] ?? '0', b.suffixNumbers[i] ?? '0');
    if (c !== 0) return c;
  }
  const c = compareDigits(a.build, b.build);
  if (c !== 0) return c;
  if ((a.remainder === '') !== (b.remainder === '')) return a.remainder === '' ? 1 : -1;
  return 0;
}
