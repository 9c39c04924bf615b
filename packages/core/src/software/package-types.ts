/**
 * Package ecosystems (purl types) a package can be searched by name in, with a version scheme we can
 * order: the where-used search offers these, on the server and in the web app alike.
 */
export const SEARCHABLE_PACKAGE_TYPES = [
  'npm',
  'pypi',
  'maven',
  'golang',
  'nuget',
  'cargo',
  'gem',
  'composer',
  'hex',
  'deb',
  'apk',
] as const;

export type SearchablePackageType = (typeof SEARCHABLE_PACKAGE_TYPES)[number];
