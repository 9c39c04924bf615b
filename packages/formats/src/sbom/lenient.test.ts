/** Reading the BOMs people have (issue 12): every CycloneDX and SPDX 2.x version, lenient by default. */
import { AdvisoryMatcher } from '@shinrai/core/software/match';
import type { OsvRecord } from '@shinrai/core/software/osv';
import { describe, expect, it } from 'vitest';
import { describeSbomProblems, parseSbom, type ParseSbomResult } from './index.ts';
import { cdxBom, cdxComponent } from './sbom-fixtures.ts';
import {
  juiceShopStyle,
  juiceShopStyleXml,
  keycloakStyle,
  spdx22Json,
  spdx3JsonLd,
  spdxTagValue,
  syftGoBinary,
} from './real-world-fixtures.ts';

const json = (v: unknown) => Buffer.from(JSON.stringify(v));
function ok(r: ParseSbomResult) {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
}

describe('CycloneDX 1.0 to 1.7', () => {
  it('reads the CycloneDX example BOMs in 1.2 (JSON and XML)', () => {
    const r = ok(parseSbom(json(juiceShopStyle()), 'bom.json'));
    expect(r.sbom.specVersion).toBe('1.2');
    expect(r.sbom.components.map((c) => c.purl)).toEqual([
      'pkg:npm/body-parser@1.19.0',
      'pkg:npm/%40types/node@14.0.27',
    ]);
    expect(r.sbom.serialNumber).toBe('urn:uuid:1f860713-54b9-4253-ba5a-9554851904af');
    const x = ok(parseSbom(Buffer.from(juiceShopStyleXml('1.2')), 'bom.xml'));
    expect(x.sbom.components[0]).toMatchObject({ name: 'body-parser', licenses: 'MIT' });
  });

  it('reads 1.0 and 1.1 XML, 1.3 and 1.7 JSON', () => {
    for (const v of ['1.0', '1.1', '1.3'])
      expect(ok(parseSbom(Buffer.from(juiceShopStyleXml(v)), 'bom.xml')).sbom.components).toHaveLength(1);
    for (const v of ['1.3', '1.7']) {
      const r = ok(parseSbom(json({ ...cdxBom([cdxComponent(1)]), specVersion: v }), 'bom.json'));
      expect(r.sbom.specVersion).toBe(v);
      expect(r.warnings).toEqual([]);
    }
  });

  it('a keycloak-style BOM with odd license fields is read, with warnings located on their components', () => {
    const r = ok(parseSbom(json(keycloakStyle()), 'bom.json'));
    expect(r.sbom.components).toHaveLength(3);
    const byComponent = r.warnings.map((w) => [w.code, w.component]);
    expect(byComponent).toContainEqual([
      'schema_format',
      'org.jboss.logging/jboss-logging@3.4.1.Final'.split('/')[1],
    ]);
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'schema_format', pointer: '/components/1/licenses/0/license/url' }),
    );
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        code: 'schema_enum',
        pointer: '/components/2/scope',
        component: 'jackson-databind@2.10.1',
      }),
    );
    // Shown in the user's language with the component named.
    const en = describeSbomProblems(r.warnings, 'en');
    expect(en.find((w) => w.pointer === '/components/2/scope')).toMatchObject({
      component: 'jackson-databind@2.10.1',
    });
  });

  it('--strict keeps the old behaviour: the same BOM is refused', () => {
    const r = parseSbom(json(keycloakStyle()), 'bom.json', { strict: true });
    expect(r.ok).toBe(false);
  });

  it('the same BOM in 1.2 (no URL format there) is read with its enum warnings', () => {
    const r = ok(parseSbom(json(keycloakStyle('1.2')), 'bom.json'));
    expect(r.warnings.map((w) => w.component)).toContain('jackson-databind@2.10.1');
  });

  it('a broken core structure still refuses the file', () => {
    expect(parseSbom(json({ ...cdxBom([]), components: 'none' }), 'bom.json').ok).toBe(false);
    expect(parseSbom(json({ ...cdxBom([]), specVersion: '9.9' }), 'bom.json').ok).toBe(false);
  });
});

describe('SPDX 2.2 and 2.3, JSON and tag-value', () => {
  it('reads SPDX 2.2 JSON', () => {
    const r = ok(parseSbom(json(spdx22Json()), 'app.spdx.json'));
    expect(r.sbom).toMatchObject({ format: 'spdx', specVersion: '2.2' });
    expect(r.sbom.components[0]).toMatchObject({ name: 'lodash', purl: 'pkg:npm/lodash@4.17.20' });
  });

  it('reads tag-value 2.2 and 2.3: packages, checksums, multi-line text and relationships', () => {
    for (const v of ['SPDX-2.2', 'SPDX-2.3']) {
      const r = ok(parseSbom(Buffer.from(spdxTagValue(v)), 'app.spdx'));
      expect(r.sbom.specVersion).toBe(v.slice(5));
      expect(r.sbom.components.find((c) => c.name === 'lodash')).toMatchObject({
        version: '4.17.20',
        purl: 'pkg:npm/lodash@4.17.20',
        licenses: 'MIT',
        supplier: 'OpenJS Foundation',
        hashes: [{ alg: 'SHA1', value: '2a2e4c4b8d3b1bd1e4a4b1d7e5d4c3b2a1f0e9d8' }],
      });
      expect(r.sbom.rootRefs).toEqual(['SPDXRef-Package-app']);
      expect(r.sbom.dependencies).toEqual([{ from: 'SPDXRef-Package-app', to: ['SPDXRef-Package-lodash'] }]);
    }
  });
});

describe('SPDX 3.0 JSON-LD', () => {
  it('reads packages, purls, suppliers, hashes, licenses, the graph, dev scope and the root', () => {
    const r = ok(parseSbom(json(spdx3JsonLd()), 'app.spdx3.json'));
    expect(r.sbom).toMatchObject({
      format: 'spdx',
      specVersion: '3.0.1',
      rootRefs: ['https://example.jp/spdx3/app/pkg-app'],
    });
    expect(r.sbom.components.find((c) => c.name === 'lodash')).toMatchObject({
      purl: 'pkg:npm/lodash@4.17.20',
      supplier: 'OpenJS Foundation',
      licenses: 'MIT',
      hashes: [{ alg: 'SHA256', value: 'a'.repeat(64) }],
      dev: false,
    });
    expect(r.sbom.components.find((c) => c.name === 'jest')).toMatchObject({
      purl: 'pkg:npm/jest@29.0.0',
      dev: true,
    });
    expect(r.sbom.dependencies).toEqual([
      {
        from: 'https://example.jp/spdx3/app/pkg-app',
        to: ['https://example.jp/spdx3/app/pkg-lodash', 'https://example.jp/spdx3/app/pkg-jest'],
      },
    ]);
  });
});

describe('generator conventions and matchability warnings', () => {
  const stdlibAdvisory = {
    id: 'GO-2023-1878',
    modified: '2023-07-01T00:00:00Z',
    affected: [
      {
        package: { ecosystem: 'Go', name: 'stdlib' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.20.6' }] }],
      },
    ],
  } as unknown as OsvRecord;

  it("syft's Go standard library (go1.20.5) matches like v1.20.5", () => {
    const r = ok(parseSbom(json(syftGoBinary()), 'bom.json'));
    const stdlib = r.sbom.components.find((c) => c.name === 'stdlib');
    expect(stdlib).toMatchObject({ version: '1.20.5', purl: 'pkg:golang/stdlib@1.20.5' });
    const m = new AdvisoryMatcher(new Date('2024-01-01T00:00:00Z'));
    const hits = (v: string) =>
      m.match({ ecosystem: 'Go', name: 'stdlib' }, v, [{ record: stdlibAdvisory, malicious: false }]).length;
    expect(hits(stdlib?.version ?? '')).toBe(hits('v1.20.5'));
    expect(hits('v1.20.5')).toBe(1);
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'version_normalized', component: 'stdlib@go1.20.5' }),
    );
  });

  it('says which components cannot be matched and why', () => {
    const r = ok(parseSbom(json(syftGoBinary()), 'bom.json'));
    const codes = r.warnings.map((w) => [w.code, w.component]);
    expect(codes).toContainEqual(['no_purl', 'internal-tool@1.0']);
    expect(codes).toContainEqual(['unreadable_version', 'odd@not a version!']);
    expect(codes.filter(([, c]) => c?.startsWith('golang.org/x/net'))).toEqual([]);
  });

  it('normalises go1.21 and release candidates as the Go vulnerability database writes them', async () => {
    const { goToolchainVersion } = await import('./conventions.ts');
    expect(goToolchainVersion('go1.21')).toBe('1.21.0');
    expect(goToolchainVersion('go1.21rc2')).toBe('1.21.0-rc.2');
    expect(goToolchainVersion('v1.21.0')).toBeNull();
  });
});
