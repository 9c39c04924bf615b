// The SBOM the software benches ingest: bench/software.ts and bench/software-write-floor.ts use the same one.
import { prng } from './seed.ts';

export const semver = (r: () => number) =>
  `${Math.floor(r() * 10)}.${Math.floor(r() * 20)}.${Math.floor(r() * 30)}`;

/** A CycloneDX 1.6 JSON BOM of `n` npm components with hashes, licences and a binary dependency tree. */
export function generateBom(n: number): string {
  const r = prng(7);
  const used = new Set<number>();
  const components: Record<string, unknown>[] = [];
  while (components.length < n) {
    const k = Math.floor(r() * 200_000);
    if (used.has(k)) continue;
    used.add(k);
    const version = semver(r);
    const i = components.length;
    components.push({
      type: 'library',
      'bom-ref': `c${i}`,
      name: `pkg-${k}`,
      version,
      purl: `pkg:npm/pkg-${k}@${version}`,
      hashes: [{ alg: 'SHA-256', content: (k * 2654435761).toString(16).padStart(64, '0').slice(-64) }],
      licenses: [{ license: { id: r() < 0.8 ? 'MIT' : 'Apache-2.0' } }],
    });
  }
  const dependencies = [
    { ref: 'app', dependsOn: ['c0', 'c1'] },
    ...components.map((_c, i) => ({
      ref: `c${i}`,
      dependsOn: [2 * i + 2, 2 * i + 3].filter((j) => j < n).map((j) => `c${j}`),
    })),
  ];
  return JSON.stringify(
    {
      $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      metadata: { component: { type: 'application', 'bom-ref': 'app', name: 'bench-app', version: '1.0.0' } },
      components,
      dependencies,
    },
    null,
    2,
  );
}
