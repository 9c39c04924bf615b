/**
 * Issue 12 through the API: VEX import (versions, BOM links, product statements, precedence and
 * history) and lenient SBOM upload (warnings located on components; `strict=true` refuses).
 */
import type { LightMyRequestResponse } from 'fastify';
import { writeAdvisories, type AdvisoryWrite } from '@shinrai/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';
import { keycloakStyle } from '@shinrai/formats/sbom/real-world';

function must(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res;
}

async function upload(c: Client, url: string, name: string, doc: unknown) {
  const { payload, headers } = multipart({ name, data: Buffer.from(JSON.stringify(doc)) }, {});
  return c.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...headers, cookie: c.cookie ?? '', 'x-csrf-token': c.csrf ?? '', 'accept-language': 'en' },
  });
}

const LOG4J_RECORD = {
  id: 'GHSA-jfh8-c2jp-5v3q',
  modified: '2025-01-01T00:00:00Z',
  aliases: ['CVE-2021-44228'],
  summary: 'Log4Shell',
  affected: [
    {
      package: { ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '2.0-beta9' }, { fixed: '2.15.0' }] }],
    },
  ],
};
const LOG4J: AdvisoryWrite = {
  advisory: {
    id: LOG4J_RECORD.id,
    modified: LOG4J_RECORD.modified,
    published: null,
    withdrawn: null,
    malicious: 0,
    summary: LOG4J_RECORD.summary,
    aliases: JSON.stringify(LOG4J_RECORD.aliases),
    severity: 'critical',
    score: 10,
    vector: null,
    record: JSON.stringify(LOG4J_RECORD),
    imported_at: '2025-01-01T00:00:00Z',
  },
  packages: [{ ecosystem: 'Maven', base_ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core' }],
};
const SERIAL = '3e671687-395b-41f5-a30f-a58921a69b79';
const SBOM = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  serialNumber: `urn:uuid:${SERIAL}`,
  version: 1,
  metadata: {
    component: {
      type: 'application',
      name: 'portal',
      version: '3.0',
      'bom-ref': 'portal',
      purl: 'pkg:generic/acme/portal@3.0',
    },
  },
  components: [
    {
      type: 'library',
      'bom-ref': 'log4j',
      group: 'org.apache.logging.log4j',
      name: 'log4j-core',
      version: '2.14.1',
      purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
    },
  ],
};
const vex = (vulns: unknown[]) => ({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  vulnerabilities: vulns,
});

describe('VEX import through the API', () => {
  let t: TestApp;
  let owner: Client;
  let base: string;
  let releaseId: string;

  beforeAll(async () => {
    t = await makeApp();
    const s = await setupInstance(t);
    owner = s.admin;
    base = `/api/orgs/${s.orgId}/software`;
    await t.deps.store.db.transaction().execute((trx) => writeAdvisories(trx, [LOG4J]));
    const productId = json<{ product: { id: string } }>(
      must(await owner.post(`${base}/products`, { name: 'Portal', kind: 'application' }), 201),
    ).product.id;
    releaseId = json<{ release: { id: string } }>(
      must(await owner.post(`${base}/products/${productId}/releases`, { version: '3.0' }), 201),
    ).release.id;
    must(await upload(owner, `${base}/releases/${releaseId}/sbom`, 'bom.json', SBOM), 200);
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  const findings = async () =>
    json<{
      items: { id: string; suppressed: boolean; vex: { status: string; response: string[] } | null }[];
    }>(must(await owner.get(`${base}/releases/${releaseId}/findings`), 200)).items;

  it('a statement about 2.17.1 and a range from 2.17.0 leave the finding on 2.14.1 open', async () => {
    expect(await findings()).toHaveLength(1);
    for (const v of [
      { version: '2.17.1', status: 'unaffected' },
      { range: 'vers:maven/>=2.17.0|<3', status: 'unaffected' },
    ]) {
      const doc = vex([
        {
          id: 'CVE-2021-44228',
          analysis: { state: 'not_affected', justification: 'code_not_reachable' },
          affects: [{ ref: 'log4j', versions: [v] }],
        },
      ]);
      const res = json<{ applied: number; unmatched: string[] }>(
        must(await upload(owner, `${base}/releases/${releaseId}/vex`, 'v.json', doc), 200),
      );
      expect(res).toMatchObject({ applied: 0, unmatched: ['/vulnerabilities/0'] });
      expect((await findings())[0]).toMatchObject({ suppressed: false, vex: null });
    }
    const other = vex([
      {
        id: 'CVE-2021-44228',
        analysis: { state: 'not_affected', justification: 'code_not_reachable' },
        affects: [{ ref: `urn:cdx:11111111-2222-3333-4444-555555555555/1#log4j` }],
      },
    ]);
    must(await upload(owner, `${base}/releases/${releaseId}/vex`, 'other.json', other), 200);
    expect((await findings())[0]).toMatchObject({ suppressed: false, vex: null });
  });

  it('an exploitable statement on the component stands against a later product-wide not_affected; the history shows both', async () => {
    const exploitable = vex([
      {
        id: 'CVE-2021-44228',
        analysis: {
          state: 'exploitable',
          response: ['update', 'workaround_available'],
          detail: 'upgrade to 2.17.1',
        },
        affects: [{ ref: `urn:cdx:${SERIAL}/1#log4j` }],
        updated: '2025-01-01T00:00:00Z',
      },
    ]);
    must(await upload(owner, `${base}/releases/${releaseId}/vex`, 'a.json', exploitable), 200);
    expect((await findings())[0]).toMatchObject({
      suppressed: false,
      vex: { status: 'affected', response: ['update', 'workaround_available'] },
    });
    const broad = vex([
      {
        id: 'CVE-2021-44228',
        analysis: { state: 'not_affected', justification: 'requires_environment' },
        affects: [{ ref: 'portal' }],
        updated: '2025-06-01T00:00:00Z',
      },
    ]);
    const res = json<{ applied: number; kept: number }>(
      must(await upload(owner, `${base}/releases/${releaseId}/vex`, 'b.json', broad), 200),
    );
    expect(res).toMatchObject({ applied: 0, kept: 1 });
    const [f] = await findings();
    expect(f).toMatchObject({ suppressed: false, vex: { status: 'affected' } });
    const history = json<{
      items: { status: string; applied: boolean; source: string; specificity: number }[];
    }>(must(await owner.get(`${base}/releases/${releaseId}/vex/history?findingId=${f?.id}`), 200)).items;
    expect(history.map((h) => [h.status, h.applied, h.source])).toEqual([
      ['affected', true, 'file:a.json'],
      ['not_affected', false, 'file:b.json'],
    ]);
    // Exported again with its response and detail; OpenVEX names the product with the component under it.
    const cdx = json<{ vulnerabilities: { analysis: Record<string, unknown> }[] }>(
      must(await owner.get(`${base}/releases/${releaseId}/vex?format=cyclonedx`), 200),
    );
    expect(cdx.vulnerabilities[0]?.analysis).toMatchObject({
      state: 'exploitable',
      response: ['update', 'workaround_available'],
      detail: 'upgrade to 2.17.1',
    });
    const ov = json<{ statements: { products: unknown[] }[] }>(
      must(await owner.get(`${base}/releases/${releaseId}/vex?format=openvex`), 200),
    );
    expect(ov.statements[0]?.products).toEqual([
      {
        '@id': 'pkg:generic/acme/portal@3.0',
        subcomponents: [{ '@id': 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1' }],
      },
    ]);
    // A statement set by hand always stands and is in the history.
    must(
      await owner.req('PUT', `${base}/findings/${f?.id}/vex`, { status: 'fixed', detail: 'patched' }),
      200,
    );
    const after = json<{ items: { source: string }[] }>(
      must(await owner.get(`${base}/releases/${releaseId}/vex/history?findingId=${f?.id}`), 200),
    ).items;
    expect(after.map((h) => h.source)).toEqual(['file:a.json', 'file:b.json', 'manual']);
    // A statement that gives no time is dated when it is imported: later than the analysis above.
    const undated = vex([
      { id: 'CVE-2021-44228', analysis: { state: 'in_triage' }, affects: [{ ref: 'log4j' }] },
    ]);
    expect(
      json<{ applied: number }>(
        must(await upload(owner, `${base}/releases/${releaseId}/vex`, 'c.json', undated), 200),
      ).applied,
    ).toBe(1);
    expect((await findings())[0]).toMatchObject({ vex: { status: 'under_investigation' } });
  });

  it('reads a keycloak-style SBOM with odd license fields, with located warnings; strict=true refuses it', async () => {
    const productId = json<{ product: { id: string } }>(
      must(await owner.post(`${base}/products`, { name: 'Keycloak', kind: 'application' }), 201),
    ).product.id;
    const rel = json<{ release: { id: string } }>(
      must(await owner.post(`${base}/products/${productId}/releases`, { version: '10.0.2' }), 201),
    ).release.id;
    const strict = must(
      await upload(owner, `${base}/releases/${rel}/sbom?strict=true`, 'bom.json', keycloakStyle()),
      422,
    );
    expect(strict.body).toContain('/components/1/licenses/0/license/url');
    const res = json<{
      release: { sbom: { componentCount: number } };
      warnings: { code: string; component?: string; pointer?: string; message: string }[];
    }>(must(await upload(owner, `${base}/releases/${rel}/sbom`, 'bom.json', keycloakStyle()), 200));
    expect(res.release.sbom.componentCount).toBe(3);
    expect(res.warnings).toContainEqual(
      expect.objectContaining({
        code: 'schema_format',
        component: 'jboss-logging@3.4.1.Final',
        pointer: '/components/1/licenses/0/license/url',
      }),
    );
    // Kept with the SBOM: the components answer lists them, in the caller's language.
    const listed = json<{ warnings: { code: string; component?: string; message: string }[] }>(
      must(await owner.get(`${base}/releases/${rel}/components?lang=ja`), 200),
    ).warnings;
    expect(listed).toContainEqual(
      expect.objectContaining({ code: 'schema_format', component: 'jboss-logging@3.4.1.Final' }),
    );
  });
});
