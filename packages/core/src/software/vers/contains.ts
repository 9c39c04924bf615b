/** Whether a version lies in a vers range, following the vers-spec containment algorithm. */
import { versFailure, type VersFailure } from './errors.ts';
import { parseVersLenient, versOrder, type VersComparator, type VersRange } from './parse.ts';

export type VersContainment = { readonly ok: true; readonly contains: boolean } | VersFailure;

function satisfies(d: number, comparator: VersComparator): boolean {
  switch (comparator) {
    case '<':
      return d < 0;
    case '<=':
      return d <= 0;
    case '>':
      return d > 0;
    case '>=':
      return d >= 0;
    case '=':
      return d === 0;
    case '!=':
      return d !== 0;
    case '*':
      return true;
  }
}

const isLower = (c: VersComparator): boolean => c === '<' || c === '<=';
const isUpper = (c: VersComparator): boolean => c === '>' || c === '>=';

/**
 * Tests a version against a vers range (text, parsed leniently, or an already parsed range).
 * @example versContains('vers:pypi/>=1.0.0|<=2.0.0', '1.5') // { ok: true, contains: true }
 */
export function versContains(vers: string | VersRange, version: string): VersContainment {
  const range = typeof vers === 'string' ? parseVersLenient(vers) : vers;
  if (!range.ok) return range;
  const { constraints } = range;
  if (constraints.some((c) => c.comparator === '*')) return { ok: true, contains: true };
  const order = versOrder(range.scheme);
  if (!order) return versFailure('unknown_scheme', range.scheme);
  const tested = order.parse(version);
  if (tested === undefined) return versFailure('bad_version', version);
  const keyed: Array<{ comparator: VersComparator; d: number }> = [];
  for (const c of constraints) {
    const key = order.parse(c.version);
    if (key === undefined) return versFailure('bad_version', c.version);
    keyed.push({ comparator: c.comparator, d: order.compare(tested, key) });
  }
  // 1. equality constraints decide at once
  for (const k of keyed) {
    if (k.d === 0 && k.comparator === '=') return { ok: true, contains: true };
    if (k.d === 0 && k.comparator === '!=') return { ok: true, contains: false };
  }
  const ranges = keyed.filter((k) => k.comparator !== '=' && k.comparator !== '!=');
  if (ranges.length === 0) {
    // only "!=" constraints (and the version matched none of them) means "anything else"
    const onlyExclusions = keyed.length > 0 && keyed.every((k) => k.comparator === '!=');
    return { ok: true, contains: onlyExclusions };
  }
  if (ranges.length === 1) {
    const only = ranges[0];
    return { ok: true, contains: only !== undefined && satisfies(only.d, only.comparator) };
  }
  // 2. walk consecutive pairs (constraints are sorted by version)
  for (let i = 0; i + 1 < ranges.length; i++) {
    const cur = ranges[i];
    const next = ranges[i + 1];
    if (!cur || !next) break;
    if (i === 0 && isLower(cur.comparator) && satisfies(cur.d, cur.comparator))
      return { ok: true, contains: true };
    if (i + 2 === ranges.length && isUpper(next.comparator) && satisfies(next.d, next.comparator)) {
      return { ok: true, contains: true };
    }
    if (isUpper(cur.comparator) && isLower(next.comparator)) {
      if (satisfies(cur.d, cur.comparator) && satisfies(next.d, next.comparator))
        return { ok: true, contains: true };
    }
  }
  return { ok: true, contains: false };
}
