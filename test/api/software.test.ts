import type { LightMyRequestResponse } from 'fastify';
import { writeAdvisories, type AdvisoryWrite } from '@shinrai/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventStreamLock } from '@shinrai/formats/sbom/fixtures';
import { softwareRematchJob } from '@shinrai/server/modules/software';
import { validatorFor } from '@shinrai/formats/sbom';
import { addMember, json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';
import type { Client } from '../helpers/app.ts';

function must(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res;
}

/** One OSV record as the advisory database stores it. */
export function advisoryWrite(record: {
  id: string;
  summary?: string;
  aliases?: string[];
  severity?: { type: string; score: string }[];
  affected: { package: { ecosystem: string; name: string }; versions?: string[]; ranges?: unknown[] }[];
}): AdvisoryWrite {
  const full = { modified: '2025-01-01T00:00:00Z', ...record };
  return {
    advisory: {
      id: record.id,
      modified: full.modified,
      published: null,
      withdrawn: null,
      malicious: record.id.startsWith('MAL-') ? 1 : 0,
      summary: record.summary ?? null,
      aliases: JSON.stringify(record.aliases ?? []),
      severity: 'unknown',
      score: null,
      vector: null,
      record: JSON.stringify(full),
      imported_at: '2025-01-01T00:00:00Z',
    },
    packages: record.affected.map((a) => ({
      ecosystem: a.package.ecosystem,
      base_ecosystem: a.package.ecosystem.split(':')[0] ?? '',
      name: a.package.name,
    })),
  };
}

const MAL = advisoryWrite({
  id: 'MAL-2018-0001',
  summary: 'Malicious code in flatmap-stream (npm)',
  affected: [{ package: { ecosystem: 'npm', name: 'flatmap-stream' }, versions: ['0.1.1'] }],
});

async function upload(c: Client, url: string, name: string, data: Buffer) {
  const { payload, headers } = multipart({ name, data }, {});
  return c.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...headers, cookie: c.cookie ?? '', 'x-csrf-token': c.csrf ?? '', 'accept-language': 'en' },
  });
}

describe('software inventory API', () => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let base: string;
  let productId: string;
  let releaseId: string;

  beforeAll(async () => {
    t = await makeApp();
    const s = await setupInstance(t);
    owner = s.admin;
    orgId = s.orgId;
    base = `/api/orgs/${orgId}/software`;
    await t.deps.store.db.transaction().execute((trx) => writeAdvisories(trx, [MAL]));
    productId = json<{ product: { id: string } }>(
      must(await owner.post(`${base}/products`, { name: 'ウォレット', kind: 'application' }), 201),
    ).product.id;
    releaseId = json<{ release: { id: string } }>(
      must(
        await owner.post(`${base}/products/${productId}/releases`, {
          version: '1.0.0',
          supportEnds: '2020-03-31',
        }),
        201,
      ),
    ).release.id;
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  it('catches event-stream → flatmap-stream from a lockfile: critical, malicious, with its path, and alerts at once', async () => {
    const lock = Buffer.from(JSON.stringify(eventStreamLock()));
    const res = json<{ findings: number; malicious: number; release: { risk: { malicious: number } } }>(
      must(await upload(owner, `${base}/releases/${releaseId}/sbom`, 'package-lock.json', lock), 200),
    );
    expect(res.findings).toBe(1);
    expect(res.malicious).toBe(1);
    expect(res.release.risk.malicious).toBe(1);
    const findings = json<{ items: Record<string, unknown>[] }>(
      must(await owner.get(`${base}/releases/${releaseId}/findings`), 200),
    ).items;
    expect(findings[0]?.component).toMatchObject({ name: 'flatmap-stream', version: '0.1.1' });
    expect(findings).toEqual([
      expect.objectContaining({
        advisoryId: 'MAL-2018-0001',
        severity: 'critical',
        malicious: true,
        path: ['wallet-app', 'event-stream', 'flatmap-stream'],
        suppressed: false,
      }),
    ]);
    expect(t.mails.some((m) => /flatmap-stream/.test(m.text) && /悪意/.test(m.subject))).toBe(true);
    const incidents = json<{ items: { kind: string; release: unknown }[] }>(
      must(await owner.get(`${base}/incidents`), 200),
    );
    expect(incidents.items).toContainEqual(
      expect.objectContaining({
        kind: 'malicious_package',
        release: { id: releaseId, version: '1.0.0', productId, productName: 'ウォレット' },
      }),
    );
    const components = json<{ items: { name: string; purl: string | null }[] }>(
      must(await owner.get(`${base}/releases/${releaseId}/components`), 200),
    ).items;
    expect(components.map((c) => c.name)).toContain('event-stream');
    const release = json<{ release: { supportEnded: boolean; sbom: { format: string } } }>(
      must(await owner.get(`${base}/releases/${releaseId}`), 200),
    ).release;
    expect(release.supportEnded).toBe(true);
    expect(release.sbom.format).toBe('npm-lock');
  });

  it('refuses a bad SBOM with located problems and keeps the previous one', async () => {
    const count = async () =>
      json<{ release: { sbom: { componentCount: number; uploadedAt: string } } }>(
        must(await owner.get(`${base}/releases/${releaseId}`), 200),
      ).release.sbom;
    const before = await count();
    expect(before.componentCount).toBeGreaterThan(3);
    for (const [name, data, query] of [
      // A field-level schema problem refuses the file only in strict mode (lenient reads it with warnings).
      [
        'bom.json',
        Buffer.from('{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"nope"}]}'),
        '?strict=true',
      ],
      ['bom.json', Buffer.from('{"bomFormat":"CycloneDX",'), ''],
      ['bom.json', Buffer.from('{"bomFormat":"CycloneDX","specVersion":"1.8"}'), ''],
      ['bom.json', Buffer.from('{"bomFormat":"CycloneDX","specVersion":"1.6","components":{}}'), ''],
    ] as const) {
      const res = must(await upload(owner, `${base}/releases/${releaseId}/sbom${query}`, name, data), 422);
      const body = json<{ error: { code: string; details: { message: string }[] } }>(res);
      expect(body.error.code).toBe('import_invalid');
      expect(body.error.details.length).toBeGreaterThan(0);
    }
    expect(await count()).toEqual(before);
    const rows = await t.deps.store.db
      .selectFrom('software_components')
      .select('id')
      .where('release_id', '=', releaseId)
      .execute();
    expect(rows.length).toBe(before.componentCount);
  });

  it('keeps a component with an invalid purl, listed as a warning and not matched', async () => {
    const bom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: [
        { type: 'library', name: 'bad', version: '1', purl: 'pkg:/nope' },
        { type: 'library', name: 'flatmap-stream', version: '0.1.1', purl: 'pkg:npm/flatmap-stream@0.1.1' },
      ],
    };
    const r2 = json<{ release: { id: string } }>(
      must(await owner.post(`${base}/products/${productId}/releases`, { version: '1.0.1' }), 201),
    ).release.id;
    const res = json<{ findings: number; warnings: { code: string }[] }>(
      must(
        await upload(owner, `${base}/releases/${r2}/sbom`, 'bom.json', Buffer.from(JSON.stringify(bom))),
        200,
      ),
    );
    expect(res.findings).toBe(1);
    expect(res.warnings.map((w) => w.code)).toContain('invalid_purl');
    const components = json<{ items: { name: string; matchable: boolean }[] }>(
      must(await owner.get(`${base}/releases/${r2}/components`), 200),
    ).items;
    expect(components.find((c) => c.name === 'bad')?.matchable).toBe(false);
  });

  it('honours VEX: not_affected suppresses; export validates as CycloneDX; OpenVEX import applies', async () => {
    const [finding] = json<{ items: { id: string }[] }>(
      must(await owner.get(`${base}/releases/${releaseId}/findings`), 200),
    ).items;
    // not_affected without a reason is refused
    must(await owner.req('PUT', `${base}/findings/${finding?.id}/vex`, { status: 'not_affected' }), 400);
    const put = json<{ finding: { suppressed: boolean; vex: { status: string } } }>(
      must(
        await owner.req('PUT', `${base}/findings/${finding?.id}/vex`, {
          status: 'not_affected',
          justification: 'vulnerable_code_not_in_execute_path',
        }),
        200,
      ),
    );
    expect(put.finding.suppressed).toBe(true);
    const release = json<{ release: { risk: { malicious: number; critical: number } } }>(
      must(await owner.get(`${base}/releases/${releaseId}`), 200),
    ).release;
    expect(release.risk).toMatchObject({ malicious: 0, critical: 0 });

    const cdx = json(must(await owner.get(`${base}/releases/${releaseId}/vex?format=cyclonedx`), 200));
    expect(validatorFor('cyclonedx-1.6')(cdx)).toBe(true);
    expect(JSON.stringify(cdx)).toContain('code_not_reachable');
    const ov = json<{ statements: { status: string }[] }>(
      must(await owner.get(`${base}/releases/${releaseId}/vex?format=openvex`), 200),
    );
    expect(ov.statements.map((s) => s.status)).toEqual(['not_affected']);

    const openvex = {
      '@context': 'https://openvex.dev/ns/v0.2.0',
      '@id': 'https://example.jp/vex/1',
      author: 'test',
      // Made after the analysis set by hand above: the later statement stands.
      timestamp: new Date(Date.now() + 60_000).toISOString(),
      version: 1,
      statements: [
        {
          vulnerability: { name: 'MAL-2018-0001' },
          products: [{ '@id': 'pkg:npm/flatmap-stream@0.1.1' }],
          status: 'affected',
          action_statement: 'remove it',
        },
        { vulnerability: { name: 'CVE-0000-0000' }, products: ['pkg:npm/x@1'], status: 'fixed' },
      ],
    };
    const imported = json<{ applied: number; unmatched: string[] }>(
      must(
        await upload(
          owner,
          `${base}/releases/${releaseId}/vex`,
          'x.openvex.json',
          Buffer.from(JSON.stringify(openvex)),
        ),
        200,
      ),
    );
    expect(imported).toMatchObject({ applied: 1, unmatched: ['/statements/1'] });
    const after = json<{ items: { suppressed: boolean; vex: { status: string } }[] }>(
      must(await owner.get(`${base}/releases/${releaseId}/findings`), 200),
    ).items;
    expect(after[0]).toMatchObject({ suppressed: false, vex: { status: 'affected' } });
    // A CycloneDX VEX that breaks the schema is refused with located problems.
    const broken = { bomFormat: 'CycloneDX', specVersion: '1.6', vulnerabilities: [{ id: 1 }] };
    must(
      await upload(owner, `${base}/releases/${releaseId}/vex`, 'v.json', Buffer.from(JSON.stringify(broken))),
      422,
    );
  });

  it('lists license violations against the organization policy, and none while there is no policy', async () => {
    const none = json<{ policySet: boolean; items: unknown[] }>(
      must(await owner.get(`${base}/releases/${releaseId}/licenses`), 200),
    );
    expect(none).toMatchObject({ policySet: false, items: [] });
    must(await owner.req('PUT', `${base}/license-policy`, { allow: ['Apache-2.0'], deny: ['MIT'] }), 200);
    const res = json<{
      policySet: boolean;
      items: { component: { name: string }; status: string }[];
      counts: { denied: number };
    }>(must(await owner.get(`${base}/releases/${releaseId}/licenses`), 200));
    expect(res.policySet).toBe(true);
    expect(res.items.find((i) => i.component.name === 'through' && i.status === 'denied')).toBeDefined();
    expect(res.counts.denied).toBeGreaterThanOrEqual(1);
  });

  it('verifies artifacts: match, and a mismatch opens an audited incident', async () => {
    const sha = 'a'.repeat(64);
    must(
      await owner.post(`${base}/releases/${releaseId}/artifacts`, {
        filename: 'wallet-1.0.0.zip',
        sha256: sha,
        signature: { algorithm: 'ecdsa-p256', keyId: 'release-key-1' },
      }),
      201,
    );
    const ok = json<{ result: string }>(
      must(
        await owner.post(`${base}/artifacts/verify`, {
          productName: 'ウォレット',
          releaseVersion: '1.0.0',
          filename: 'wallet-1.0.0.zip',
          sha256: sha.toUpperCase(),
        }),
        200,
      ),
    );
    expect(ok.result).toBe('match');
    const bad = json<{ result: string; incidentId: string }>(
      must(await owner.post(`${base}/artifacts/verify`, { releaseId, sha256: 'b'.repeat(64) }), 200),
    );
    expect(bad.result).toBe('mismatch');
    const incidents = json<{ items: { id: string; kind: string }[] }>(
      must(await owner.get(`${base}/incidents`), 200),
    );
    expect(incidents.items.find((i) => i.id === bad.incidentId)?.kind).toBe('artifact_mismatch');
    const auditLog = json<{ items: { action: string }[] }>(
      must(await owner.get(`/api/orgs/${orgId}/audit?limit=50`), 200),
    );
    expect(auditLog.items.map((a) => a.action)).toContain('software.artifact.mismatch');
  });

  it('answers where-used with a vers range, isolates tenants, and shows shared releases only while shared and related', async () => {
    const where = (c: Client, org: string, q: string) => c.get(`/api/orgs/${org}/software/where-used?${q}`);
    const hit = json<{ items: { releaseId: string; version: string }[] }>(
      must(
        await where(
          owner,
          orgId,
          `purl=${encodeURIComponent('pkg:npm/flatmap-stream')}&range=${encodeURIComponent('vers:npm/>=0.1.0|<0.2.0')}`,
        ),
        200,
      ),
    ).items;
    expect(hit.map((h) => h.version).sort()).toEqual(['1.0.0', '1.0.1']);
    const none = json<{ items: unknown[] }>(
      must(
        await where(
          owner,
          orgId,
          `purl=${encodeURIComponent('pkg:npm/flatmap-stream')}&range=${encodeURIComponent('vers:npm/>=0.2.0')}`,
        ),
        200,
      ),
    ).items;
    expect(none).toEqual([]);
    must(await where(owner, orgId, 'purl=not-a-purl'), 400);
    // A name with its ecosystem and a range in plain notation find the same releases.
    const byName = json<{ items: { version: string }[] }>(
      must(
        await where(
          owner,
          orgId,
          `name=flatmap-stream&ecosystem=npm&range=${encodeURIComponent('>= 0.1.0, <0.2.0')}`,
        ),
        200,
      ),
    ).items;
    expect(byName.map((h) => h.version).sort()).toEqual(['1.0.0', '1.0.1']);
    const wrongEcosystem = json<{ items: unknown[] }>(
      must(await where(owner, orgId, 'name=flatmap-stream&ecosystem=pypi'), 200),
    ).items;
    expect(wrongEcosystem).toEqual([]);
    const badRange = json<{ error: { details: { pointer: string }[] } }>(
      must(
        await where(owner, orgId, `name=flatmap-stream&ecosystem=npm&range=${encodeURIComponent('>=<1')}`),
        400,
      ),
    );
    expect(badRange.error.details[0]?.pointer).toBe('/range');
    const noEcosystem = json<{ error: { details: { pointer: string }[] } }>(
      must(await where(owner, orgId, 'name=flatmap-stream'), 400),
    );
    expect(noEcosystem.error.details[0]?.pointer).toBe('/ecosystem');

    // Buyer B: its own organization, with a buyer → supplier relationship to A.
    const buyerOrg = json<{ organization: { id: string; slug: string } }>(
      must(await owner.post('/api/orgs', { name: '買い手商事', kind: 'enterprise' }), 201),
    ).organization;
    const buyer = await addMember(t, owner, buyerOrg.id, 'buyer@example.jp', 'owner');
    const otherOwner = buyer;
    // Someone of another organization cannot see A's release.
    const stranger = await addMember(t, owner, buyerOrg.id, 'stranger@example.jp', 'member');
    must(await stranger.get(`/api/orgs/${orgId}/software/releases/${releaseId}`), 404);
    must(await stranger.get(`/api/orgs/${buyerOrg.id}/software/releases/${releaseId}`), 404);

    const q = `purl=${encodeURIComponent('pkg:npm/flatmap-stream')}`;
    const seen = async () =>
      json<{ items: { ownerOrg: { id: string } }[] }>(
        must(await where(otherOwner, buyerOrg.id, q), 200),
      ).items.filter((i) => i.ownerOrg.id === orgId).length;
    // The org's owner is also in buyerOrg (creator); use the buyer relationship from A's side.
    const rel = json<{ relationship: { id: string } }>(
      must(
        await owner.post(`/api/orgs/${orgId}/relationships`, {
          counterpartSlug: buyerOrg.slug,
          type: 'buyer_supplier',
          side: 'to',
        }),
        201,
      ),
    ).relationship.id;
    // Not shared yet (pending relationship): nothing.
    expect(await seen()).toBe(0);
    must(await owner.post(`${base}/shares`, { releaseId, withOrgId: buyerOrg.id }), 403);
    must(await buyer.post(`/api/orgs/${buyerOrg.id}/relationships/${rel}/accept`), 200);
    // Active relationship but no share: nothing.
    expect(await seen()).toBe(0);
    const share = json<{ share: { id: string } }>(
      must(await owner.post(`${base}/shares`, { releaseId, withOrgId: buyerOrg.id }), 201),
    ).share.id;
    expect(await seen()).toBe(1);
    type Listed = {
      id: string;
      state: string;
      product: { name: string };
      release: { version: string };
      withOrg: { id: string; name: string };
    };
    const listed = async (q = '') =>
      json<{ items: Listed[] }>(must(await owner.get(`${base}/shares${q}`), 200)).items;
    expect(await listed()).toEqual([
      expect.objectContaining({
        id: share,
        state: 'active',
        product: { id: productId, name: 'ウォレット' },
        release: { id: releaseId, version: '1.0.0' },
        withOrg: { id: buyerOrg.id, name: '買い手商事' },
      }),
    ]);
    expect(await listed(`?releaseId=${releaseId}`)).toHaveLength(1);
    // The buyer's own list holds only shares the buyer made: none.
    expect(
      json<{ items: unknown[] }>(must(await buyer.get(`/api/orgs/${buyerOrg.id}/software/shares`), 200))
        .items,
    ).toEqual([]);
    const onlyOwn = json<{ items: unknown[] }>(
      must(await where(otherOwner, buyerOrg.id, `${q}&includeShared=false`), 200),
    ).items;
    expect(onlyOwn).toEqual([]);
    must(await owner.del(`${base}/shares/${share}`), 204);
    expect(await seen()).toBe(0);
    expect((await listed()).map((l) => l.state)).toEqual(['revoked']);
    // Shared again, then the relationship ends: gone again.
    must(await owner.post(`${base}/shares`, { releaseId, withOrgId: buyerOrg.id }), 201);
    expect(await seen()).toBe(1);
    must(await buyer.post(`/api/orgs/${buyerOrg.id}/relationships/${rel}/end`), 200);
    expect(await seen()).toBe(0);
    // Ending the relationship revoked the share, audited in both organizations' logs.
    expect((await listed()).map((l) => l.state)).toEqual(['revoked', 'revoked']);
    interface Entry {
      action: string;
      targetId: string | null;
      details: Record<string, unknown>;
    }
    for (const org of [orgId, buyerOrg.id]) {
      const log = json<{ items: Entry[] }>(
        must(await owner.get(`/api/orgs/${org}/audit?limit=100`), 200),
      ).items;
      expect(
        log.filter((e) => e.action === 'software.share.revoke' && e.details.reason === 'relationship_ended'),
        org,
      ).toEqual([
        expect.objectContaining({
          details: { reason: 'relationship_ended', relationship: rel, by: buyerOrg.id },
        }),
      ]);
    }
    // A new relationship is agreed: it starts with no shares, and the old release stays out of where-used.
    const again = json<{ relationship: { id: string } }>(
      must(
        await owner.post(`/api/orgs/${orgId}/relationships`, {
          counterpartSlug: buyerOrg.slug,
          type: 'buyer_supplier',
          side: 'to',
        }),
        201,
      ),
    ).relationship.id;
    must(await buyer.post(`/api/orgs/${buyerOrg.id}/relationships/${again}/accept`), 200);
    expect(await seen()).toBe(0);
    expect((await listed()).map((l) => l.state)).toEqual(['revoked', 'revoked']);
    // Shared under the new one, it is seen again.
    must(await owner.post(`${base}/shares`, { releaseId, withOrgId: buyerOrg.id }), 201);
    expect(await seen()).toBe(1);
  });

  it('keeps notification settings and refuses webhook URLs that reach internal addresses or other schemes', async () => {
    const put = (webhookUrl: string | null, emailEnabled = true) =>
      owner.req('PUT', `${base}/notifications`, { webhookUrl, emailEnabled });
    const refused: [string, string][] = [
      ['http://127.0.0.1:8080/hook', 'private_address'],
      ['http://localhost/hook', 'private_address'],
      ['http://[::1]/hook', 'private_address'],
      ['http://169.254.169.254/latest/meta-data/', 'private_address'],
      ['http://10.0.0.5/hook', 'private_address'],
      ['http://192.168.1.1/hook', 'private_address'],
      ['http://2130706433/hook', 'private_address'],
      ['ftp://93.184.216.34/hook', 'scheme'],
      ['file:///etc/passwd', 'scheme'],
      ['gopher://93.184.216.34/', 'scheme'],
    ];
    for (const [url, code] of refused) {
      const body = json<{
        error: { code: string; details: { pointer: string; code: string; message: string }[] };
      }>(must(await put(url), 400));
      expect(body.error.code, url).toBe('validation_failed');
      expect(body.error.details[0], url).toMatchObject({ pointer: '/webhookUrl', code });
      expect(body.error.details[0]?.message, url).toMatch(/アドレス|URL/);
    }
    // Nothing was stored by the refused attempts.
    expect(json(must(await owner.get(`${base}/notifications`), 200))).toMatchObject({ webhookUrl: null });

    const saved = json<{ webhookUrl: string; emailEnabled: boolean; webhookSecret: string | null }>(
      must(await put('https://93.184.216.34/hooks/shinrai', false), 200),
    );
    expect(saved).toMatchObject({ webhookUrl: 'https://93.184.216.34/hooks/shinrai', emailEnabled: false });
    expect(saved.webhookSecret).toMatch(/^[\w-]{20,}$/);
    expect(json(must(await owner.get(`${base}/notifications`), 200))).toEqual({
      webhookUrl: 'https://93.184.216.34/hooks/shinrai',
      emailEnabled: false,
      hasWebhookSecret: true,
    });
    // Back to e-mail only, so the remaining tests send no webhook.
    must(await put(null, true), 200);
  });

  it('re-matches after new advisories and notifies about new findings', async () => {
    await t.deps.store.db.transaction().execute((trx) =>
      writeAdvisories(trx, [
        advisoryWrite({
          id: 'GHSA-test-0001',
          summary: 'through is slow',
          aliases: ['CVE-2099-0001'],
          severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N' }],
          affected: [
            {
              package: { ecosystem: 'npm', name: 'through' },
              ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.3.9' }] }],
            },
          ],
        }),
      ]),
    );
    const mailsBefore = t.mails.length;
    const handler = softwareRematchJob(t.deps);
    const result = (await handler({
      job: {} as never,
      payload: { advisoryIds: ['GHSA-test-0001'] },
      progress: async () => {},
      stopping: false,
    })) as { releases: number; newFindings: number };
    expect(result.releases).toBe(1);
    expect(result.newFindings).toBe(2); // through 2.3.8 and the nested through 2.2.0
    const findings = json<{
      items: { advisoryId: string; severity: string; fixedVersion: string | null; vex: unknown }[];
    }>(must(await owner.get(`${base}/releases/${releaseId}/findings`), 200)).items;
    const through = findings.filter((f) => f.advisoryId === 'GHSA-test-0001');
    expect(through.map((f) => f.fixedVersion)).toEqual(['2.3.9', '2.3.9']);
    expect(through[0]?.severity).toBe('high');
    // The VEX statement on the malicious finding survived the re-match.
    expect(findings.find((f) => f.advisoryId === 'MAL-2018-0001')?.vex).not.toBeNull();
    expect(t.mails.length).toBeGreaterThan(mailsBefore);
    // Running it again finds nothing new.
    const again = (await handler({
      job: {} as never,
      payload: { all: true },
      progress: async () => {},
      stopping: false,
    })) as { newFindings: number };
    expect(again.newFindings).toBe(0);
  });
});
