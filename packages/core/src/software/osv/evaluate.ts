/**
 * OSV `affected` evaluation, following the schema's "Evaluation" pseudocode: a version is affected when
 * it is listed in `versions` or falls in any SEMVER/ECOSYSTEM range (GIT ranges need a commit graph and
 * are skipped for package versions). Events are sorted by version ("0" first); introduced turns the
 * range on, fixed (v ≥ fixed) and last_affected (v > last_affected) turn it off; limit events bound it.
 *
 * For bulk matching, compile each `affected` once (`compileAffected`) and prepare each component version
 * once (`prepareVersion`); `matchAffected` then only compares already parsed forms.
 */
import {
  compareParsed,
  parseWithScheme,
  schemeOf,
  type ParsedVersion,
  type VersionFailure,
  type VersionScheme,
} from '../versions/index.ts';
import { notEvaluable, type OsvNotEvaluable } from './errors.ts';
import { eventOf, type OsvAffected } from './types.ts';

type Bound = ParsedVersion | 'zero' | 'infinity';

interface CompiledEvent {
  readonly kind: 'introduced' | 'fixed' | 'last_affected';
  readonly text: string;
  readonly at: Bound;
}

interface CompiledRange {
  readonly scheme: VersionScheme;
  /** Sorted by version, limits removed. */
  readonly events: readonly CompiledEvent[];
  /** null: no limit events (an implicit "*"). */
  readonly limits: readonly Bound[] | null;
}

export interface CompiledAffected {
  readonly versions: ReadonlySet<string>;
  /** Scheme of the ecosystem, when we can order it. */
  readonly scheme: VersionScheme | null;
  /** `versions` parsed under `scheme` (entries that do not parse are matched by text only). */
  readonly versionKeys: readonly ParsedVersion[];
  readonly ranges: readonly CompiledRange[];
  /** Ranges that could not be compiled; the entry cannot rule a version out while any exist. */
  readonly problems: readonly OsvNotEvaluable[];
}

export type AffectedEvaluation =
  | { readonly ok: true; readonly affected: boolean; readonly via: 'versions' | 'range' | null }
  | OsvNotEvaluable;

function compareBound(a: Bound, b: Bound): number {
  if (a === b) return 0;
  if (a === 'zero' || b === 'infinity') return -1;
  if (a === 'infinity' || b === 'zero') return 1;
  return compareParsed(a, b);
}

function parseBound(scheme: VersionScheme, kind: string, text: string): Bound | VersionFailure {
  if (kind === 'introduced' && text === '0') return 'zero';
  if (kind === 'limit' && text.includes('*')) return 'infinity';
  return parseWithScheme(scheme, text);
}

/** Parses everything in an `affected` entry once. `ecosystem` chooses the order of ECOSYSTEM ranges. */
export function compileAffected(affected: OsvAffected, ecosystem: string): CompiledAffected {
  const found = schemeOf(ecosystem);
  const scheme = typeof found === 'string' ? found : null;
  const versions = new Set(affected.versions ?? []);
  const versionKeys: ParsedVersion[] = [];
  if (scheme) {
    for (const v of versions) {
      const p = parseWithScheme(scheme, v);
      if (p.ok) versionKeys.push(p);
    }
  }
  const ranges: CompiledRange[] = [];
  const problems: OsvNotEvaluable[] = [];
  for (const range of affected.ranges ?? []) {
    if (range.type === 'GIT') continue;
    const rangeScheme = range.type === 'SEMVER' ? 'semver' : scheme;
    if (rangeScheme === null) {
      problems.push(notEvaluable('unknown_ecosystem', ecosystem));
      continue;
    }
    const events: CompiledEvent[] = [];
    let limits: Bound[] | null = null;
    let broken = false;
    for (const e of range.events) {
      const { kind, version } = eventOf(e);
      const at = parseBound(rangeScheme, kind, version);
      if (typeof at === 'object' && !at.ok) {
        problems.push(notEvaluable('bad_event_version', version));
        broken = true;
        break;
      }
      if (kind === 'limit') (limits ??= []).push(at);
      else events.push({ kind, text: version, at });
    }
    if (broken) continue;
    // stable sort keeps the record's order for events at the same version
    events.sort((x, y) => compareBound(x.at, y.at));
    ranges.push({ scheme: rangeScheme, events, limits });
  }
  return { versions, scheme, versionKeys, ranges, problems };
}

/** A component version, parsed lazily once per scheme it is compared under. */
export interface PreparedVersion {
  readonly text: string;
  readonly parsed: Map<VersionScheme, ParsedVersion | VersionFailure>;
}

export function prepareVersion(version: string): PreparedVersion {
  return { text: version, parsed: new Map() };
}

function parsedIn(v: PreparedVersion, scheme: VersionScheme): ParsedVersion | VersionFailure {
  let p = v.parsed.get(scheme);
  if (p === undefined) {
    p = parseWithScheme(scheme, v.text);
    v.parsed.set(scheme, p);
  }
  return p;
}

function inRange(v: ParsedVersion, range: CompiledRange): boolean {
  if (range.limits !== null && !range.limits.some((l) => compareBound(v, l) < 0)) return false;
  let affected = false;
  for (const e of range.events) {
    const d = compareBound(v, e.at);
    if (e.kind === 'introduced') {
      if (d >= 0) affected = true;
    } else if (e.kind === 'fixed') {
      if (d >= 0) affected = false;
    } else if (d > 0) affected = false;
  }
  return affected;
}

/** Evaluates a compiled entry for a prepared version. */
export function matchAffected(c: CompiledAffected, v: PreparedVersion): AffectedEvaluation {
  if (c.versions.has(v.text)) return { ok: true, affected: true, via: 'versions' };
  let problem: OsvNotEvaluable | null = c.problems[0] ?? null;
  if (c.scheme && c.versionKeys.length > 0) {
    const p = parsedIn(v, c.scheme);
    if (p.ok && c.versionKeys.some((k) => compareParsed(p, k) === 0))
      return { ok: true, affected: true, via: 'versions' };
  }
  for (const range of c.ranges) {
    const p = parsedIn(v, range.scheme);
    if (!p.ok) {
      problem ??= notEvaluable('bad_version', v.text);
      continue;
    }
    if (inRange(p, range)) return { ok: true, affected: true, via: 'range' };
  }
  return problem ?? { ok: true, affected: false, via: null };
}

/** Evaluates one `affected` entry for a version of a package in `ecosystem` (e.g. "npm", "Debian:12"). */
export function evaluateAffected(
  affected: OsvAffected,
  ecosystem: string,
  version: string,
): AffectedEvaluation {
  return matchAffected(compileAffected(affected, ecosystem), prepareVersion(version));
}

/**
 * true / false, or the reason the entry cannot be evaluated (unknown ecosystem, unreadable version).
 * The reason object is truthy on purpose: a careless `if (isAffected(…))` flags rather than misses.
 * @example isAffected(entry, 'npm', '3.3.6') === true
 */
export function isAffected(
  affected: OsvAffected,
  ecosystem: string,
  version: string,
): boolean | OsvNotEvaluable {
  const r = evaluateAffected(affected, ecosystem, version);
  return r.ok ? r.affected : r;
}

/**
 * The versions that fix `version`: per range that affects it, the smallest `fixed` above it.
 * Empty when nothing is fixed yet (or only last_affected is known), or when the version is not affected.
 */
export function fixedVersions(
  affected: OsvAffected,
  version: string,
  ecosystem: string = affected.package?.ecosystem ?? '',
): string[] {
  const c = compileAffected(affected, ecosystem);
  const v = prepareVersion(version);
  const out: string[] = [];
  for (const range of c.ranges) {
    const p = parsedIn(v, range.scheme);
    if (!p.ok) continue;
    const listed = c.versions.has(version);
    if (!listed && !inRange(p, range)) continue;
    const next = range.events.find((e) => e.kind === 'fixed' && compareBound(p, e.at) < 0);
    if (next && !out.includes(next.text)) out.push(next.text);
  }
  return out;
}
