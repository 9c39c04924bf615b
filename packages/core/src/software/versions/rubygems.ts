/**
 * RubyGems (Gem::Version) order: "-" means ".pre."; the version splits into runs of digits and
 * runs of letters; trailing zeros are dropped from the release part and from the pre-release part;
 * a letter segment sorts before a number (so any letter makes a pre-release).
 */
import { basicCheck, type VersionFailure } from './errors.ts';
import { compareDigits, compareText, isDigitCode, isLetterCode, stripZeros } from './numeric.ts';

export interface RubygemsKey {
  readonly segments: readonly string[];
  readonly numeric: readonly boolean[];
}

function dropTrailingZeros(segs: string[]): string[] {
  let end = segs.length;
  while (end > 0 && segs[end - 1] === '0') end--;
  return end === segs.length ? segs : segs.slice(0, end);
}

export function parseRubygems(input: string): RubygemsKey | VersionFailure {
  const bad = basicCheck(input);
  if (bad) return bad;
  const s = input.replaceAll('-', '.pre.');
  const release: string[] = [];
  const pre: string[] = [];
  let inPre = false;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    let j = i + 1;
    if (isDigitCode(c)) {
      while (j < s.length && isDigitCode(s.charCodeAt(j))) j++;
      const seg = stripZeros(s.slice(i, j));
      (inPre ? pre : release).push(seg);
    } else if (isLetterCode(c)) {
      while (j < s.length && isLetterCode(s.charCodeAt(j))) j++;
      inPre = true;
      pre.push(s.slice(i, j));
    }
    i = j;
  }
  const segments = [...dropTrailingZeros(release), ...dropTrailingZeros(pre)];
  return { segments, numeric: segments.map((x) => isDigitCode(x.charCodeAt(0))) };
}

export function compareRubygemsKeys(a: RubygemsKey, b: RubygemsKey): -1 | 0 | 1 {
  const n = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const x = a.segments[i] ?? '0';
    const y = b.segments[i] ?? '0';
    const xn = a.numeric[i] ?? true;
    const yn = b.numeric[i] ?? true;
    if (xn && yn) {
      const c = compareDigits(x, y);
      if (c !== 0) return c;
    } else if (xn) return 1;
    else if (yn) return -1;
    else {
      const c = compareText(x, y);
      if (c !== 0) return c;
    }
  }
  return 0;
}
