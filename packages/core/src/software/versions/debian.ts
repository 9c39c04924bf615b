/**
 * Debian (dpkg) version order: [epoch:]upstream[-revision]. Within upstream and revision, runs of
 * non-digits compare character by character ("~" before end of text, letters before other characters)
 * and runs of digits compare numerically. Ubuntu uses the same order.
 */
import { basicCheck, versionFailure, type VersionFailure } from './errors.ts';
import { compareDigits, isDigitCode, isDigits, isLetterCode, stripZeros } from './numeric.ts';

export interface DebianKey {
  readonly epoch: string;
  readonly upstream: string;
  readonly revision: string;
}

export function parseDebian(input: string): DebianKey | VersionFailure {
  const bad = basicCheck(input);
  if (bad) return bad;
  let rest = input;
  let epoch = '0';
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const e = rest.slice(0, colon);
    if (!isDigits(e)) return versionFailure('bad_epoch', input);
    epoch = stripZeros(e);
    rest = rest.slice(colon + 1);
  }
  const dash = rest.lastIndexOf('-');
  const upstream = dash >= 0 ? rest.slice(0, dash) : rest;
  const revision = dash >= 0 ? rest.slice(dash + 1) : '';
  if (upstream.length === 0) return versionFailure('no_number', input);
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    // dpkg allows alphanumerics and . + - ~ (and ":" only with an epoch, which we split off above)
    if (!(isDigitCode(c) || isLetterCode(c) || c === 46 || c === 43 || c === 45 || c === 126 || c === 58)) {
      return versionFailure('bad_character', input);
    }
  }
  return { epoch, upstream, revision };
}

/** dpkg character weight: "~" < end of text < letters < everything else. */
function weight(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c === 126) return -1;
  if (isLetterCode(c)) return c;
  return c + 256;
}

/** dpkg's verrevcmp. */
export function compareDebianPart(a: string, b: string): -1 | 0 | 1 {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (
      (i < a.length && !isDigitCode(a.charCodeAt(i))) ||
      (j < b.length && !isDigitCode(b.charCodeAt(j)))
    ) {
      const ac = i < a.length && !isDigitCode(a.charCodeAt(i)) ? weight(a, i) : 0;
      const bc = j < b.length && !isDigitCode(b.charCodeAt(j)) ? weight(b, j) : 0;
      if (ac !== bc) return ac < bc ? -1 : 1;
      i++;
      j++;
    }
    const as = i;
    while (i < a.length && isDigitCode(a.charCodeAt(i))) i++;
    const bs = j;
    while (j < b.length && isDigitCode(b.charCodeAt(j))) j++;
    const c = compareDigits(stripZeros(a.slice(as, i) || '0'), stripZeros(b.slice(bs, j) || '0'));
    if (c !== 0) return c;
  }
  return 0;
}

export function compareDebianKeys(a: DebianKey, b: DebianKey): -1 | 0 | 1 {
  return (
    compareDigits(a.epoch, b.epoch) ||
    compareDebianPart(a.upstream, b.upstream) ||
    compareDebianPart(a.revision, b.revision)
  );
}
