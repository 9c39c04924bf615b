/**
 * SemVer 2.0 precedence as OSV tools apply it (npm, Go, crates.io, Hex and every `SEMVER` range).
 * Lenient like the OSV reference tooling: an optional leading "v", any number of numeric parts
 * (parts beyond the third are treated as build text), numeric parts of any size.
 */
import { basicCheck, versionFailure, type VersionFailure } from './errors.ts';
import {
  compareDigitLists,
  compareDigits,
  compareText,
  isDigitCode,
  isDigits,
  stripZeros,
} from './numeric.ts';

export interface SemverKey {
  /** Numeric release parts, leading zeros stripped. */
  readonly nums: readonly string[];
  /** Pre-release identifiers, or null for a release. */
  readonly pre: readonly string[] | null;
  /** Per identifier: true when numeric (then stored without leading zeros). */
  readonly preNumeric: readonly boolean[] | null;
}

/** Splits "v1.2.3-rc.1+b" into numeric parts and the rest ("-rc.1+b"). Shared with NuGet. */
export function splitNumericPrefix(input: string): { nums: string[]; rest: string } {
  const s = input.charCodeAt(0) === 118 /* v */ ? input.slice(1) : input;
  const nums: string[] = [];
  let start = -1;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigitCode(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      nums.push(stripZeros(s.slice(start, i)));
      start = -1;
    }
    if (c !== 46 /* . */) break;
  }
  if (start >= 0) nums.push(stripZeros(s.slice(start, i)));
  return { nums, rest: s.slice(i) };
}

/** Builds the comparison key from numeric parts and the trailing text. */
export function semverLikeKey(input: string, maxParts: number, lowerCase: boolean): SemverKey {
  const { nums, rest } = splitNumericPrefix(input);
  let build = rest;
  // Parts beyond the limit count as build text, as the OSV reference does.
  for (let i = maxParts; i < nums.length; i++) build += '.' + nums[i];
  const plus = build.indexOf('+');
  let pre = plus >= 0 ? build.slice(0, plus) : build;
  if (pre.charCodeAt(0) === 45 /* - */) pre = pre.slice(1);
  if (lowerCase) pre = pre.toLowerCase();
  const kept = nums.length > maxParts ? nums.slice(0, maxParts) : nums;
  if (pre.length === 0) return { nums: kept, pre: null, preNumeric: null };
  const ids = pre.split('.');
  const numeric = ids.map((id) => isDigits(id));
  for (let i = 0; i < ids.length; i++) if (numeric[i]) ids[i] = stripZeros(ids[i] ?? '');
  return { nums: kept, pre: ids, preNumeric: numeric };
}

/** Validity shared by SemVer-like schemes: must start with a number (after an optional "v"). */
export function checkSemverLike(input: string): VersionFailure | null {
  const basic = basicCheck(input);
  if (basic) return basic;
  const first = input.charCodeAt(0) === 118 ? input.charCodeAt(1) : input.charCodeAt(0);
  if (!isDigitCode(first)) return versionFailure('no_number', input);
  return null;
}

export function parseSemver(input: string): SemverKey | VersionFailure {
  return checkSemverLike(input) ?? semverLikeKey(input, 3, false);
}

export function compareSemverKeys(a: SemverKey, b: SemverKey): -1 | 0 | 1 {
  const d = compareDigitLists(a.nums, b.nums);
  if (d !== 0) return d;
  const ap = a.pre;
  const bp = b.pre;
  if (ap === null || bp === null) {
    if (ap === bp) return 0;
    return ap === null ? 1 : -1;
  }
  const an = a.preNumeric ?? [];
  const bn = b.preNumeric ?? [];
  const n = Math.min(ap.length, bp.length);
  for (let i = 0; i < n; i++) {
    const x = ap[i] ?? '';
    const y = bp[i] ?? '';
    const xn = an[i] === true;
    const yn = bn[i] === true;
    let c: -1 | 0 | 1;
    if (xn && yn) c = compareDigits(x, y);
    else if (xn) c = -1;
    else if (yn) c = 1;
    else c = compareText(x, y);
    if (c !== 0) return c;
  }
  return ap.length === bp.length ? 0 : ap.length < bp.length ? -1 : 1;
}
