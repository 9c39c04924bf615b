/**
 * Generator conventions (issue 12): the same package written as syft, trivy, cyclonedx-gomod, the
 * CycloneDX Maven and npm plugins and cdxgen write it must reach the same advisory-database package
 * and the same findings. The documents are written for the test in each tool's published shape.
 */
import { AdvisoryMatcher, osvPackageOf } from '@shinrai/core/software/match';
import type { OsvRecord } from '@shinrai/core/software/osv';
import { parsePurl } from '@shinrai/core/software/purl';
import { describe, expect, it } from 'vitest';
import { parseSbom } from './index.ts';

const component = (ref: string, name: string, version: string, purl: string) => ({
  type: 'library',
  'bom-ref': ref,
  name,
  version,
  purl,
});

function bom(components: Record<string, unknown>[]) {
  const doc = { bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, components };
  const r = parseSbom(Buffer.from(JSON.stringify(doc)), 'bom.json');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
}

function packageOf(purl: string | null) {
  const p = purl === null ? null : parsePurl(purl);
  return p?.ok ? osvPackageOf(p.purl) : undefined;
}

const advisory = (ecosystem: string, name: string, fixed: string, type = 'ECOSYSTEM') =>
  ({
    id: `TEST-${name}`,
    modified: '2024-01-01T00:00:00Z',
    affected: [
      { package: { ecosystem, name }, ranges: [{ type, events: [{ introduced: '0' }, { fixed }] }] },
    ],
  }) as unknown as OsvRecord;

const matcher = new AdvisoryMatcher(new Date('2024-06-01T00:00:00Z'));
function hits(purl: string | null, version: string | null, record: OsvRecord): number {
  const pkg = packageOf(purl);
  if (!pkg || version === null) return 0;
  return matcher.match(pkg, version, [{ record, malicious: false }]).length;
}

describe('the Go standard library as each generator names it', () => {
  const stdlib = advisory('Go', 'stdlib', '1.20.6', 'SEMVER');
  const spellings = [
    ['syft', 'stdlib', 'go1.20.5', 'pkg:golang/stdlib@1.20.5'],
    ['trivy', 'stdlib', 'v1.20.5', 'pkg:golang/stdlib@v1.20.5'],
    ['cyclonedx-gomod', 'std', 'go1.20.5', 'pkg:golang/std@go1.20.5?type=module&goos=linux&goarch=amd64'],
  ] as const;

  it.each(spellings)('%s: reaches Go/stdlib and finds the advisory', (_tool, name, version, purl) => {
    const c = bom([component('go', name, version, purl)]).sbom.components[0];
    expect(packageOf(c?.purl ?? null)).toEqual({ ecosystem: 'Go', name: 'stdlib' });
    expect(hits(c?.purl ?? null, c?.version ?? null, stdlib)).toBe(1);
  });

  it('a fixed toolchain version gets no finding, whatever the spelling', () => {
    const c = bom([component('go', 'std', 'go1.20.6', 'pkg:golang/std@go1.20.6?type=module')]).sbom
      .components[0];
    expect(hits(c?.purl ?? null, c?.version ?? null, stdlib)).toBe(0);
  });
});

describe('plugin and cdxgen package spellings', () => {
  it('CycloneDX Maven plugin: qualifiers (?type=jar) do not change the package', () => {
    const c = bom([
      component(
        'log4j',
        'log4j-core',
        '2.14.1',
        'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar',
      ),
    ]).sbom.components[0];
    const log4j = advisory('Maven', 'org.apache.logging.log4j:log4j-core', '2.15.0');
    expect(hits(c?.purl ?? null, c?.version ?? null, log4j)).toBe(1);
  });

  it('CycloneDX npm plugin: scoped names with %40 reach @scope/name', () => {
    const c = bom([component('types', 'node', '14.0.27', 'pkg:npm/%40types/node@14.0.27')]).sbom
      .components[0];
    expect(packageOf(c?.purl ?? null)).toEqual({ ecosystem: 'npm', name: '@types/node' });
  });

  it('cdxgen: PyPI names in any case and separator reach the PEP 503 name', () => {
    const c = bom([component('dj', 'Django_Rest', '3.0.0', 'pkg:pypi/Django_Rest@3.0.0')]).sbom.components[0];
    expect(hits(c?.purl ?? null, c?.version ?? null, advisory('PyPI', 'django-rest', '3.1.0'))).toBe(1);
  });
});
