import { osvEcosystemOf } from '../osv/ecosystem.ts';
import type { PackageUrl } from '../purl/purl.ts';
import { baseEcosystem } from '../versions/schemes.ts';

/** The package an OSV record names: ecosystem (with a distribution release where known) and name. */
export interface OsvPackageRef {
  readonly ecosystem: string;
  readonly name: string;
}

/** PEP 503 name normalization: lowercase, runs of `-`, `_`, `.` become one `-`. */
export function pep503(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The key of the advisory prefilter set: `${baseEcosystem}\u0000${name}` (names of PyPI PEP 503-normalized). */
export function advisoryKey(ecosystem: string, name: string): string {
  const base = baseEcosystem(ecosystem);
  return `${base}\u0000${base === 'PyPI' ? pep503(name) : name}`;
}

function distroRelease(purl: PackageUrl): string | undefined {
  const q = purl.qualifiers;
  if (q === null) return undefined;
  return q.distro ?? q.distribution ?? undefined;
}

/**
 * purl → the OSV package it is matched against: npm `@scope/name`, pypi PEP 503 name, maven
 * `group:artifact`, golang and composer `namespace/name`, gem/cargo/nuget/hex/pub the name,
 * deb → Debian/Ubuntu (release from the `distro` qualifier), apk → Alpine. undefined: no OSV ecosystem.
 * @example osvPackageOf(parsePurl('pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1').purl) // Maven org.apache.logging.log4j:log4j-core
 */
export function osvPackageOf(purl: PackageUrl): OsvPackageRef | undefined {
  const release = distroRelease(purl);
  const ecosystem = osvEcosystemOf(purl.type, {
    ...(purl.namespace !== null ? { namespace: purl.namespace } : {}),
    ...(release !== undefined ? { release } : {}),
  });
  if (ecosystem === undefined) return undefined;
  const ns = purl.namespace;
  switch (purl.type) {
    case 'npm':
      return { ecosystem, name: ns ? `${ns}/${purl.name}` : purl.name };
    case 'pypi':
      return { ecosystem, name: pep503(purl.name) };
    case 'maven':
      return ns ? { ecosystem, name: `${ns}:${purl.name}` } : undefined;
    case 'golang':
    case 'composer':
    case 'swift':
      return { ecosystem, name: ns ? `${ns}/${purl.name}` : purl.name };
    default:
      return { ecosystem, name: purl.name };
  }
}
