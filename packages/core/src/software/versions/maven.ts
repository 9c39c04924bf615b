/**
 * Maven version order, as the Maven POM reference specifies it (the rules ComparableVersion implements):
 * tokens split at ".", "-" and digit/letter changes; trailing null values trimmed; the shorter version
 * padded with nulls; well-known qualifiers ordered alpha < beta < milestone < rc < snapshot < release < sp.
 */
import { basicCheck, type VersionFailure } from './errors.ts';
import { compareDigits, compareText, isDigitCode, stripZeros } from './numeric.ts';

type Sep = '' | '.' | '-';

interface MavenToken {
  readonly sep: Sep;
  readonly value: string;
  readonly numeric: boolean;
  /** Padding value standing in for a missing token. */
  readonly padding: boolean;
}

export interface MavenKey {
  readonly tokens: readonly MavenToken[];
}

const KEYWORDS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const UNKNOWN = KEYWORDS.length;

function keywordRank(value: string): number {
  const i = KEYWORDS.indexOf(value);
  return i < 0 ? UNKNOWN : i;
}

function token(sep: Sep, piece: string, beforeDigit: boolean): MavenToken {
  if (piece.length === 0) return { sep, value: '0', numeric: true, padding: false };
  if (isDigitCode(piece.charCodeAt(0)))
    return { sep, value: stripZeros(piece), numeric: true, padding: false };
  let value = piece.toLowerCase();
  if (value === 'cr') value = 'rc';
  else if (value === 'ga' || value === 'final' || value === 'release') value = '';
  else if (beforeDigit && value === 'a') value = 'alpha';
  else if (beforeDigit && value === 'b') value = 'beta';
  else if (beforeDigit && value === 'm') value = 'milestone';
  return { sep, value, numeric: false, padding: false };
}

function isNullToken(t: MavenToken): boolean {
  return t.value === '0' || t.value === '';
}

export function parseMaven(input: string): MavenKey | VersionFailure {
  const bad = basicCheck(input);
  if (bad) return bad;
  const tokens: MavenToken[] = [];
  let sep: Sep = '';
  let start = 0;
  const flush = (end: number): void => {
    const raw = input.slice(start, end);
    if (raw.length === 0) {
      tokens.push(token(sep, '', false));
      return;
    }
    // split at digit/non-digit changes; each later piece counts as hyphen-separated
    let pieceStart = 0;
    let pieceSep = sep;
    for (let i = 1; i <= raw.length; i++) {
      const atEnd = i === raw.length;
      if (atEnd || isDigitCode(raw.charCodeAt(i)) !== isDigitCode(raw.charCodeAt(i - 1))) {
        tokens.push(token(pieceSep, raw.slice(pieceStart, i), !atEnd));
        pieceStart = i;
        pieceSep = '-';
      }
    }
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === '.' || c === '-') {
      flush(i);
      sep = c;
      start = i + 1;
    }
  }
  flush(input.length);
  // Trim trailing nulls, then again before each remaining hyphen, from the end to the start.
  let i = tokens.length - 1;
  while (i > 0) {
    const t = tokens[i];
    if (t && isNullToken(t)) {
      tokens.splice(i, 1);
      i--;
      continue;
    }
    while (i >= 0 && tokens[i]?.sep !== '-') i--;
    i--;
  }
  return { tokens };
}

const PAD_DOT_ZERO: MavenToken = { sep: '.', value: '0', numeric: true, padding: true };
const PAD_DOT_EMPTY: MavenToken = { sep: '.', value: '', numeric: false, padding: true };
const PAD_DASH: MavenToken = { sep: '-', value: '', numeric: false, padding: true };

function padFor(other: MavenToken): MavenToken {
  if (other.sep === '-') return PAD_DASH;
  // "sp" is the one qualifier that sorts after a release, so a missing ".x" is compared as "" there.
  return other.value === 'sp' ? PAD_DOT_EMPTY : PAD_DOT_ZERO;
}

function sepRank(t: MavenToken): number {
  // .qualifier < -qualifier < -number < .number
  if (t.numeric) return t.sep === '-' ? 2 : 3;
  return t.sep === '-' ? 1 : 0;
}

function lessThan(l: MavenToken, r: MavenToken): boolean {
  if (l.sep !== r.sep) return sepRank(l) < sepRank(r);
  if (l.numeric && r.numeric) return compareDigits(l.value, r.value) < 0;
  if (l.numeric && !l.padding) return false;
  if (r.numeric && !r.padding) return true;
  const lr = keywordRank(l.value);
  const rr = keywordRank(r.value);
  if (lr === UNKNOWN && rr === UNKNOWN) return compareText(l.value, r.value) < 0;
  return lr < rr;
}

export function compareMavenKeys(a: MavenKey, b: MavenKey): -1 | 0 | 1 {
  const at = a.tokens;
  const bt = b.tokens;
  const n = Math.max(at.length, bt.length);
  for (let i = 0; i < n; i++) {
    const x = at[i];
    const y = bt[i];
    const l = x ?? padFor(y as MavenToken);
    const r = y ?? padFor(x as MavenToken);
    if (l.sep === r.sep && l.value === r.value) continue;
    return lessThan(l, r) ? -1 : 1;
  }
  return 0;
}
