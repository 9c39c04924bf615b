/** Version schemes (how versions order) and the OSV ecosystems that use each one. */
import { versionFailure, type VersionFailure } from './errors.ts';

export const VERSION_SCHEMES = [
  'semver',
  'pypi',
  'maven',
  'nuget',
  'rubygems',
  'packagist',
  'debian',
  'alpine',
] as const;
export type VersionScheme = (typeof VERSION_SCHEMES)[number];

/** OSV ecosystem name (the part before any ":suffix") → version scheme. */
const BY_ECOSYSTEM: Readonly<Record<string, VersionScheme>> = {
  npm: 'semver',
  Go: 'semver',
  'crates.io': 'semver',
  Hex: 'semver',
  SwiftURL: 'semver',
  PyPI: 'pypi',
  Maven: 'maven',
  NuGet: 'nuget',
  RubyGems: 'rubygems',
  Packagist: 'packagist',
  Debian: 'debian',
  Ubuntu: 'debian',
  Alpine: 'alpine',
  Wolfi: 'alpine',
  Chainguard: 'alpine',
};

/** "Debian:12" → "Debian"; "Alpine:v3.18" → "Alpine". */
export function baseEcosystem(ecosystem: string): string {
  const i = ecosystem.indexOf(':');
  return i < 0 ? ecosystem : ecosystem.slice(0, i);
}

/** The version scheme of an OSV ecosystem string, or a failure for ecosystems we cannot order. */
export function schemeOf(ecosystem: string): VersionScheme | VersionFailure {
  const scheme = BY_ECOSYSTEM[baseEcosystem(ecosystem)];
  return scheme ?? versionFailure('unknown_ecosystem', ecosystem);
}

export function isVersionScheme(value: string): value is VersionScheme {
  return (VERSION_SCHEMES as readonly string[]).includes(value);
}
