/** vers scheme names ↔ our version schemes and OSV ecosystems. */
import { baseEcosystem, type VersionScheme } from '../versions/index.ts';

const VERS_TO_SCHEME: Readonly<Record<string, VersionScheme>> = {
  npm: 'semver',
  golang: 'semver',
  cargo: 'semver',
  hex: 'semver',
  semver: 'semver',
  pypi: 'pypi',
  maven: 'maven',
  nuget: 'nuget',
  gem: 'rubygems',
  composer: 'packagist',
  deb: 'debian',
  apk: 'alpine',
};

const ECOSYSTEM_TO_VERS: Readonly<Record<string, string>> = {
  npm: 'npm',
  Go: 'golang',
  'crates.io': 'cargo',
  Hex: 'hex',
  PyPI: 'pypi',
  Maven: 'maven',
  NuGet: 'nuget',
  RubyGems: 'gem',
  Packagist: 'composer',
  Debian: 'deb',
  Ubuntu: 'deb',
  Alpine: 'apk',
};

/** Ordering used by a vers scheme: a version scheme, "datetime", or undefined when unknown. */
export function versOrdering(versScheme: string): VersionScheme | 'datetime' | undefined {
  if (versScheme === 'datetime') return 'datetime';
  return VERS_TO_SCHEME[versScheme];
}

/** The vers scheme for an OSV ecosystem ("PyPI" → "pypi", "Debian:12" → "deb"). */
export function versSchemeOfEcosystem(ecosystem: string): string | undefined {
  return ECOSYSTEM_TO_VERS[baseEcosystem(ecosystem)];
}
