/**
 * One entry point for every scheme: parse once (`parseVersion`), compare parsed forms many times
 * (`compareParsed`) — the matcher's hot path never re-parses a version string.
 */
import type { VersionFailure } from './errors.ts';
import { compareAlpineKeys, parseAlpine, type AlpineKey } from './alpine.ts';
import { compareDebianKeys, parseDebian, type DebianKey } from './debian.ts';
import { compareMavenKeys, parseMaven, type MavenKey } from './maven.ts';
import { compareNugetKeys, parseNuget, type NugetKey } from './nuget.ts';
import { comparePackagistKeys, parsePackagist, type PackagistKey } from './packagist.ts';
import { comparePypiKeys, parsePypi, type PypiKey } from './pypi.ts';
import { compareRubygemsKeys, parseRubygems, type RubygemsKey } from './rubygems.ts';
import { isVersionScheme, schemeOf, type VersionScheme } from './schemes.ts';
import { compareSemverKeys, parseSemver, type SemverKey } from './semver.ts';

export type Ordering = -1 | 0 | 1;

interface Parsed<S extends VersionScheme, K> {
  readonly ok: true;
  readonly scheme: S;
  /** The version as given. */
  readonly text: string;
  readonly key: K;
}

export type ParsedVersion =
  | Parsed<'semver', SemverKey>
  | Parsed<'pypi', PypiKey>
  | Parsed<'maven', MavenKey>
  | Parsed<'nuget', NugetKey>
  | Parsed<'rubygems', RubygemsKey>
  | Parsed<'packagist', PackagistKey>
  | Parsed<'debian', DebianKey>
  | Parsed<'alpine', AlpineKey>;

function wrap<S extends VersionScheme, K>(
  scheme: S,
  text: string,
  key: K | VersionFailure,
): Parsed<S, K> | VersionFailure {
  if (typeof key === 'object' && key !== null && 'ok' in key && key.ok === false) return key;
  return { ok: true, scheme, text, key: key as K };
}

/** Parses a version under a scheme (not an ecosystem name). */
export function parseWithScheme(scheme: VersionScheme, version: string): ParsedVersion | VersionFailure {
  switch (scheme) {
    case 'semver':
      return wrap(scheme, version, parseSemver(version));
    case 'pypi':
      return wrap(scheme, version, parsePypi(version));
    case 'maven':
      return wrap(scheme, version, parseMaven(version));
    case 'nuget':
      return wrap(scheme, version, parseNuget(version));
    case 'rubygems':
      return wrap(scheme, version, parseRubygems(version));
    case 'packagist':
      return wrap(scheme, version, parsePackagist(version));
    case 'debian':
      return wrap(scheme, version, parseDebian(version));
    case 'alpine':
      return wrap(scheme, version, parseAlpine(version));
  }
}

/**
 * Parses a version of an OSV ecosystem ("npm", "PyPI", "Debian:12", …) or a scheme name ("semver").
 * Unparsable input and unknown ecosystems come back as `{ ok: false, reason }`.
 * @example parseVersion('PyPI', '1.0rc1')
 */
export function parseVersion(ecosystem: string, version: string): ParsedVersion | VersionFailure {
  const scheme = isVersionScheme(ecosystem) ? ecosystem : schemeOf(ecosystem);
  if (typeof scheme !== 'string') return scheme;
  return parseWithScheme(scheme, version);
}

/** Orders two versions parsed under the same scheme. Mixing schemes is a programming error and throws. */
export function compareParsed(a: ParsedVersion, b: ParsedVersion): Ordering {
  if (a.scheme !== b.scheme) throw new TypeError(`cannot compare ${a.scheme} with ${b.scheme} versions`);
  switch (a.scheme) {
    case 'semver':
      return compareSemverKeys(a.key, (b as typeof a).key);
    case 'pypi':
      return comparePypiKeys(a.key, (b as typeof a).key);
    case 'maven':
      return compareMavenKeys(a.key, (b as typeof a).key);
    case 'nuget':
      return compareNugetKeys(a.key, (b as typeof a).key);
    case 'rubygems':
      return compareRubygemsKeys(a.key, (b as typeof a).key);
    case 'packagist':
      return comparePackagistKeys(a.key, (b as typeof a).key);
    case 'debian':
      return compareDebianKeys(a.key, (b as typeof a).key);
    case 'alpine':
      return compareAlpineKeys(a.key, (b as typeof a).key);
  }
}

/**
 * Orders two version strings of an ecosystem: -1, 0 or 1, or a failure value when either does not parse.
 * For many comparisons parse once with {@link parseVersion} and use {@link compareParsed}.
 * @example compareVersions('Debian', '1.2.3-1~deb7u1', '1.2.3-1') // -1
 */
export function compareVersions(ecosystem: string, a: string, b: string): Ordering | VersionFailure {
  const pa = parseVersion(ecosystem, a);
  if (!pa.ok) return pa;
  const pb = parseWithScheme(pa.scheme, b);
  if (!pb.ok) return pb;
  return compareParsed(pa, pb);
}
