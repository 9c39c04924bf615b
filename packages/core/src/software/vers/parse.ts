/**
 * vers (package-url/vers-spec) version range strings: `vers:<scheme>/<constraint>|<constraint>…`.
 * `parseVers` accepts only canonical text; `parseVersLenient` also takes hand-written ranges
 * (spaces, any order, "vers:" in capitals) and sorts them.
 */
import { compareParsed, parseWithScheme, type Ordering, type ParsedVersion } from '../versions/index.ts';
import { versFailure, type VersFailure } from './errors.ts';
import { versOrdering } from './schemes.ts';

export const VERS_COMPARATORS = ['<', '<=', '>', '>=', '=', '!=', '*'] as const;
export type VersComparator = (typeof VERS_COMPARATORS)[number];

export interface VersConstraint {
  readonly comparator: VersComparator;
  /** Decoded version text ("" for "*"). */
  readonly version: string;
}

export interface VersRange {
  readonly ok: true;
  readonly scheme: string;
  readonly constraints: readonly VersConstraint[];
}

const SCHEME = /^[a-z][a-z0-9.+-]*$/;
const WHITESPACE = /[\t\n\v\f\r ]/;

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9A-Fa-f]$/.test(c);
}

/** Decodes percent-escapes once; refuses broken escapes and, when strict, lower-case hex. */
function decodeVersion(raw: string, strict: boolean, input: string): string | VersFailure {
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '%') continue;
    const h1 = raw[i + 1];
    const h2 = raw[i + 2];
    if (!isHex(h1) || !isHex(h2)) return versFailure('bad_percent', input);
    if (strict && /[a-f]/.test(`${h1}${h2}`)) return versFailure('noncanonical_percent', input);
  }
  try {
    return decodeURIComponent(raw);
  } catch {
    return versFailure('bad_percent', input);
  }
}

function splitComparator(text: string): { comparator: VersComparator; rest: string } {
  for (const op of ['>=', '<=', '!='] as const)
    if (text.startsWith(op)) return { comparator: op, rest: text.slice(2) };
  for (const op of ['<', '>', '='] as const)
    if (text.startsWith(op)) return { comparator: op, rest: text.slice(1) };
  return { comparator: '=', rest: text };
}

/** A comparator for the versions of a vers scheme, parsing each text once. */
export interface VersOrder {
  readonly parse: (version: string) => unknown;
  readonly compare: (a: unknown, b: unknown) => Ordering;
}

export function versOrder(scheme: string): VersOrder | undefined {
  const ordering = versOrdering(scheme);
  if (ordering === undefined) return undefined;
  if (ordering === 'datetime') {
    return {
      parse: (v) => {
        const t = Date.parse(v);
        return Number.isNaN(t) ? undefined : t;
      },
      compare: (a, b) => {
        const x = a as number;
        const y = b as number;
        return x < y ? -1 : x > y ? 1 : 0;
      },
    };
  }
  return {
    parse: (v) => {
      const p = parseWithScheme(ordering, v);
      return p.ok ? p : undefined;
    },
    compare: (a, b) => compareParsed(a as ParsedVersion, b as ParsedVersion),
  };
}

function parseConstraints(
  scheme: string,
  body: string,
  strict: boolean,
  input: string,
): VersConstraint[] | VersFailure {
  if (body.length === 0) return versFailure('empty', input);
  if (strict) {
    if (body.startsWith('|')) return versFailure('leading_pipe', input);
    if (body.endsWith('|')) return versFailure('trailing_pipe', input);
    if (body.includes('||')) return versFailure('consecutive_pipes', input);
  }
  const pieces = body.split('|').filter((p) => !strict || p.length > 0);
  const constraints: VersConstraint[] = [];
  for (const piece of pieces) {
    if (piece.length === 0) continue;
    if (piece === '*') {
      constraints.push({ comparator: '*', version: '' });
      continue;
    }
    const { comparator, rest } = splitComparator(piece);
    if (rest.length === 0) return versFailure('empty_version', input);
    const version = decodeVersion(rest, strict, input);
    if (typeof version !== 'string') return version;
    if (scheme === 'datetime' && strict) {
      if (/[tz]/.test(rest)) return versFailure('datetime_case', input);
      if (/%3A/i.test(rest)) return versFailure('datetime_colons', input);
    }
    constraints.push({ comparator, version });
  }
  if (constraints.length === 0) return versFailure('empty', input);
  if (constraints.some((c) => c.comparator === '*') && constraints.length > 1) {
    return versFailure('star_not_alone', input);
  }
  return constraints;
}

function splitVers(input: string, strict: boolean): { scheme: string; body: string } | VersFailure {
  const prefix = input.slice(0, 5);
  if (strict ? prefix !== 'vers:' : prefix.toLowerCase() !== 'vers:') return versFailure('not_vers', input);
  const slash = input.indexOf('/', 5);
  if (slash < 0) return versFailure('not_vers', input);
  const rawScheme = input.slice(5, slash);
  const scheme = strict ? rawScheme : rawScheme.toLowerCase();
  if (!SCHEME.test(scheme)) return versFailure('bad_scheme', input);
  return { scheme, body: input.slice(slash + 1) };
}

/** Parses canonical vers text. Any deviation from the canonical form is a located reason. */
export function parseVers(input: string): VersRange | VersFailure {
  if (WHITESPACE.test(input)) return versFailure('whitespace', input);
  const head = splitVers(input, true);
  if ('ok' in head) return head;
  const constraints = parseConstraints(head.scheme, head.body, true, input);
  if (!Array.isArray(constraints)) return constraints;
  const order = versOrder(head.scheme);
  if (order && constraints.length > 1) {
    let previous: unknown;
    for (const c of constraints) {
      const key = order.parse(c.version);
      if (key === undefined) return versFailure('bad_version', input);
      if (previous !== undefined) {
        const d = order.compare(previous, key);
        if (d === 0) return versFailure('duplicate_version', input);
        if (d > 0) return versFailure('unsorted', input);
      }
      previous = key;
    }
  }
  return { ok: true, scheme: head.scheme, constraints };
}

/**
 * Parses hand-written vers text: whitespace and empty constraints are dropped and constraints are
 * sorted by version (needs a scheme we can order; otherwise the given order is kept).
 */
export function parseVersLenient(input: string): VersRange | VersFailure {
  const compact = input.replace(/[\t\n\v\f\r ]+/g, '');
  const head = splitVers(compact, false);
  if ('ok' in head) return head;
  const parsed = parseConstraints(head.scheme, head.body, false, input);
  if (!Array.isArray(parsed)) return parsed;
  const order = versOrder(head.scheme);
  if (!order || parsed.length < 2) return { ok: true, scheme: head.scheme, constraints: parsed };
  const keyed: Array<{ c: VersConstraint; key: unknown }> = [];
  for (const c of parsed) {
    const key = order.parse(c.version);
    if (key === undefined) return versFailure('bad_version', input);
    keyed.push({ c, key });
  }
  keyed.sort((x, y) => order.compare(x.key, y.key));
  const constraints: VersConstraint[] = [];
  for (const { c } of keyed) {
    const last = constraints[constraints.length - 1];
    if (last && last.comparator === c.comparator && last.version === c.version) continue;
    constraints.push(c);
  }
  return { ok: true, scheme: head.scheme, constraints };
}

/** Percent-encodes the characters that would break vers syntax. */
function encodeVersion(version: string): string {
  return version.replace(/[%|/?#\s]|[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch).toUpperCase());
}

/** Canonical text of a range ("=" is left out, as the spec's canonical form does). */
export function formatVers(range: Pick<VersRange, 'scheme' | 'constraints'>): string {
  const body = range.constraints
    .map((c) =>
      c.comparator === '*' ? '*' : `${c.comparator === '=' ? '' : c.comparator}${encodeVersion(c.version)}`,
    )
    .join('|');
  return `vers:${range.scheme}/${body}`;
}

/** Lenient parse, then canonical text. */
export function normalizeVers(input: string): string | VersFailure {
  const r = parseVersLenient(input);
  return r.ok ? formatVers(r) : r;
}
