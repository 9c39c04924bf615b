/**
 * Issue 12, "no silent gaps": an advisory that names a component's package but whose range cannot be
 * evaluated for it (an unreadable component version, a range event that is not a version of the
 * ecosystem) gives the component a "cannot evaluate" note in the upload answer and the release's
 * component list, and a re-match keeps the notes in step with the advisory database.
 */
import type { LightMyRequestResponse } from 'fastify';
import { writeAdvisories, type AdvisoryWrite } from '@shinrai/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { softwareRematchJob } from '@shinrai/server/modules/software';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';

/** One npm OSV record as the advisory database stores it. */
function advisoryWrite(record: {
  id: string;
  affected: { package: { ecosystem: string; name: string }; ranges: unknown[] }[];
}): AdvisoryWrite {
  const full = { modified: '2025-01-01T00:00:00Z', ...record };
  return {
    advisory: {
      id: record.id,
      modified: full.modified,
      published: null,
      withdrawn: null,
      malicious: 0,
      summary: null,
      aliases: '[]',
      severity: 'unknown',
      score: null,
      vector: null,
      record: JSON.stringify(full),
      imported_at: '2025-01-01T00:00:00Z',
    },
    packages: record.affected.map((a) => ({
      ecosystem: a.package.ecosystem,
      base_ecosystem: a.package.ecosystem,
      name: a.package.name,
    })),
  };
}

function must(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res;
}

async function upload(c: Client, url: string, data: Buffer) {
  const { payload, headers } = multipart({ name: 'bom.json', data }, {});
  return c.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...headers, cookie: c.cookie ?? '', 'x-csrf-token': c.csrf ?? '', 'accept-language': 'en' },
  });
}

const RANGE = advisoryWrite({
  id: 'GHSA-left-pad-range',
  affected: [
    {
      package: { ecosystem: 'npm', name: 'left-pad' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.3.0' }] }],
    },
  ],
});

const BOM = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [
    { type: 'library', name: 'left-pad', version: 'build-7', purl: 'pkg:npm/left-pad@build-7' },
    { type: 'library', name: 'left-pad', version: '1.2.0', purl: 'pkg:npm/left-pad@1.2.0' },
    { type: 'library', name: 'right-pad', version: '2.0.0', purl: 'pkg:npm/right-pad@2.0.0' },
  ],
};

interface Warning {
  code: string;
  component?: string;
  message: string;
}

describe('"cannot evaluate" notes', () => {
  let t: TestApp;
  let owner: Client;
  let base: string;
  let releaseId: string;

  beforeAll(async () => {
    t = await makeApp();
    const s = await setupInstance(t);
    owner = s.admin;
    base = `/api/orgs/${s.orgId}/software`;
    await t.deps.store.db.transaction().execute((trx) => writeAdvisories(trx, [RANGE]));
    const productId = json<{ product: { id: string } }>(
      must(await owner.post(`${base}/products`, { name: 'パッド', kind: 'application' }), 201),
    ).product.id;
    releaseId = json<{ release: { id: string } }>(
      must(await owner.post(`${base}/products/${productId}/releases`, { version: '1.0.0' }), 201),
    ).release.id;
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  const notes = (ws: Warning[]) => ws.filter((w) => w.code.startsWith('cannot_evaluate'));

  it('notes the component with an unreadable version, not the readable ones, in the upload and the list', async () => {
    const res = json<{ findings: number; warnings: Warning[] }>(
      must(await upload(owner, `${base}/releases/${releaseId}/sbom`, Buffer.from(JSON.stringify(BOM))), 200),
    );
    // left-pad 1.2.0 is in the range (a finding); right-pad has no advisory; build-7 cannot be compared.
    expect(res.findings).toBe(1);
    expect(notes(res.warnings)).toEqual([
      {
        code: 'cannot_evaluate_version',
        component: 'left-pad@build-7',
        message:
          'Cannot evaluate "left-pad@build-7" against 1 advisories: its version "build-7" cannot be read (GHSA-left-pad-range).',
      },
    ]);
    const listed = json<{ warnings: Warning[] }>(
      must(await owner.get(`${base}/releases/${releaseId}/components?lang=ja`), 200),
    );
    expect(notes(listed.warnings)).toEqual([
      expect.objectContaining({
        code: 'cannot_evaluate_version',
        component: 'left-pad@build-7',
        message: expect.stringContaining('1 件の脆弱性情報と照合できません') as string,
      }),
    ]);
  });

  it('follows the advisory database on a re-match: a range event the ecosystem cannot read', async () => {
    await t.deps.store.db.transaction().execute((trx) =>
      writeAdvisories(trx, [
        advisoryWrite({
          id: 'GHSA-right-pad-odd',
          affected: [
            {
              package: { ecosystem: 'npm', name: 'right-pad' },
              ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: 'r2024' }, { fixed: 'r2025' }] }],
            },
          ],
        }),
      ]),
    );
    await softwareRematchJob(t.deps)({
      job: {} as never,
      payload: { advisoryIds: ['GHSA-right-pad-odd'] },
      progress: async () => {},
      stopping: false,
    });
    const listed = json<{ warnings: Warning[] }>(
      must(await owner.get(`${base}/releases/${releaseId}/components?lang=en`), 200),
    );
    expect(notes(listed.warnings).map((w) => [w.code, w.component])).toEqual([
      ['cannot_evaluate_version', 'left-pad@build-7'],
      ['cannot_evaluate_range', 'right-pad@2.0.0'],
    ]);
    expect(notes(listed.warnings)[1]?.message).toBe(
      'Cannot evaluate "right-pad@2.0.0" against 1 advisories: "r2024" in the advisory range is not a version of this ecosystem (GHSA-right-pad-odd).',
    );
  });
});
