/** Fixture builders for SBOM tests (hand-made documents, built in code rather than copied blobs). */

export function cdxComponent(i: number, extra: Record<string, unknown> = {}) {
  return {
    type: 'library',
    'bom-ref': `c${i}`,
    name: `pkg-${i}`,
    version: `1.${i % 50}.${i % 7}`,
    purl: `pkg:npm/pkg-${i}@1.${i % 50}.${i % 7}`,
    hashes: [{ alg: 'SHA-256', content: 'a'.repeat(64) }],
    licenses: [{ license: { id: 'MIT' } }],
    ...extra,
  };
}

export function cdxBom(components: unknown[], extra: Record<string, unknown> = {}) {
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: { component: { type: 'application', 'bom-ref': 'app', name: 'wallet-app', version: '2.0.0' } },
    components,
    ...extra,
  };
}

/** A generated BOM with `n` components, each depending on the next few. */
export function largeCdxBom(n: number) {
  const components = Array.from({ length: n }, (_, i) => cdxComponent(i));
  const dependencies = [
    { ref: 'app', dependsOn: ['c0', 'c1'] },
    ...components.map((_, i) => ({
      ref: `c${i}`,
      dependsOn: [i + 1, i + 2].filter((j) => j < n).map((j) => `c${j}`),
    })),
  ];
  return cdxBom(components, { dependencies });
}

type LockEntry = Record<string, unknown>;

/** package-lock.json v3 of a wallet app pulling in event-stream 3.3.6 → flatmap-stream 0.1.1. */
export function eventStreamLock(): {
  lockfileVersion: number;
  name: string;
  packages: Record<string, LockEntry>;
} {
  return {
    name: 'wallet-app',
    lockfileVersion: 3,
    packages: {
      '': {
        name: 'wallet-app',
        version: '1.0.0',
        dependencies: { 'event-stream': '^3.3.4', '@scope/util': '1.0.0' },
        devDependencies: { 'test-runner': '1.0.0' },
      },
      'node_modules/event-stream': {
        version: '3.3.6',
        resolved: 'https://registry.npmjs.org/event-stream/-/event-stream-3.3.6.tgz',
        integrity: 'sha512-dGVzdA==',
        dependencies: { 'flatmap-stream': '^0.1.0', through: '~2.3.1' },
      },
      'node_modules/flatmap-stream': {
        version: '0.1.1',
        integrity: 'sha1-3q2+7w==',
      },
      'node_modules/through': { version: '2.3.8', license: 'MIT' },
      'node_modules/@scope/util': { version: '1.0.0', dependencies: { through: '2.2.0' } },
      'node_modules/@scope/util/node_modules/through': { version: '2.2.0' },
      'node_modules/test-runner': { version: '1.0.0', dev: true, dependencies: { 'test-runner': '1.0.0' } },
    },
  };
}

export function cdxXml(body: string, version = '1.6'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/${version}" version="1">
${body}
</bom>`;
}
