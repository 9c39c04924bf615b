/** purl type (+ namespace and distribution release) → OSV ecosystem string. */

const BY_TYPE: Readonly<Record<string, string>> = {
  npm: 'npm',
  pypi: 'PyPI',
  maven: 'Maven',
  nuget: 'NuGet',
  gem: 'RubyGems',
  composer: 'Packagist',
  golang: 'Go',
  cargo: 'crates.io',
  hex: 'Hex',
  pub: 'Pub',
  swift: 'SwiftURL',
  deb: 'Debian',
  apk: 'Alpine',
};

const APK_NAMESPACES: Readonly<Record<string, string>> = {
  alpine: 'Alpine',
  wolfi: 'Wolfi',
  chainguard: 'Chainguard',
};

const DEBIAN_CODENAMES: Readonly<Record<string, string>> = {
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
};

export interface OsvEcosystemOptions {
  /** purl namespace, e.g. "debian", "ubuntu", "alpine". */
  readonly namespace?: string;
  /** Distribution release, e.g. "12", "bookworm", "debian-12", "3.18", "v3.18", "22.04". */
  readonly release?: string;
}

function releaseSuffix(ecosystem: string, release: string): string | undefined {
  const r = release.toLowerCase().replace(/^(debian|ubuntu|alpine)-/, '');
  switch (ecosystem) {
    case 'Debian': {
      // trivy writes the point release ("debian-12.4"); OSV names the major release ("Debian:12").
      const n = DEBIAN_CODENAMES[r] ?? r.replace(/^(\d+)(?:\.\d+)+$/u, '$1');
      return /^\d+$/.test(n) || n === 'sid' ? n : undefined;
    }
    case 'Alpine': {
      const m = /^v?(\d+\.\d+)/.exec(r);
      return m ? `v${m[1]}` : undefined;
    }
    case 'Ubuntu': {
      const m = /^(\d\d)\.(\d\d)$/.exec(r);
      if (!m) return undefined;
      const lts = Number(m[1]) % 2 === 0 && m[2] === '04';
      return lts ? `${r}:LTS` : r;
    }
    default:
      return undefined;
  }
}

/**
 * The OSV ecosystem for a purl type: npm→npm, pypi→PyPI, maven→Maven, nuget→NuGet, gem→RubyGems,
 * composer→Packagist, golang→Go, cargo→crates.io, deb→Debian (Ubuntu for the "ubuntu" namespace),
 * apk→Alpine. A known distribution release adds the suffix OSV uses ("Debian:12", "Alpine:v3.18").
 * @example osvEcosystemOf('deb', { namespace: 'debian', release: 'bookworm' }) // "Debian:12"
 */
export function osvEcosystemOf(purlType: string, options: OsvEcosystemOptions = {}): string | undefined {
  const type = purlType.toLowerCase();
  let ecosystem = BY_TYPE[type];
  if (ecosystem === undefined) return undefined;
  const ns = options.namespace?.toLowerCase();
  if (type === 'deb' && ns === 'ubuntu') ecosystem = 'Ubuntu';
  if (type === 'apk' && ns !== undefined) ecosystem = APK_NAMESPACES[ns] ?? ecosystem;
  if (options.release) {
    const suffix = releaseSuffix(ecosystem, options.release);
    if (suffix !== undefined) return `${ecosystem}:${suffix}`;
  }
  return ecosystem;
}
