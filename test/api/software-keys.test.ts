import type { LightMyRequestResponse } from 'fastify';
import { releasesWithPackages, writeReleaseKeysStep } from '@shinrai/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOFTWARE_KEYS_JOB, softwareKeysJob, writeReleaseKeys } from '@shinrai/server/modules/software';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';

// The package keys of an upload are written by a job after it answers (store migration 0037). These tests
// hold where-used and re-match to the same answers before, during and after that job, on every dialect.

function must(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res;
}

/** A CycloneDX 1.6 BOM of npm packages `names` (each at 1.0.0) and `extra` more generated ones. */
function bom(names: string[], extra = 0): Buffer {
  const all = [...names, ...Array.from({ length: extra }, (_v, i) => `gen-${i}`)];
  return Buffer.from(
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: all.map((n, i) => ({
        type: 'library',
        'bom-ref': `c${i}`,
        name: n,
        version: '1.0.0',
        purl: `pkg:npm/${n}@1.0.0`,
      })),
    }),
  );
}

describe('package keys written after the upload (where-used, re-match)', () => {
  let t: TestApp;
  let owner: Client;
  let base: string;
  let productId: string;

  const upload = async (releaseId: string, data: Buffer) => {
    const { payload, headers } = multipart({ name: 'bom.json', data }, {});
    must(
      await owner.app.inject({
        method: 'POST',
        url: `${base}/releases/${releaseId}/sbom`,
        payload,
        headers: { ...headers, cookie: owner.cookie ?? '', 'x-csrf-token': owner.csrf ?? '' },
      }),
      200,
    );
  };
  const newRelease = async (version: string) =>
    json<{ release: { id: string } }>(
      must(await owner.post(`${base}/products/${productId}/releases`, { version }), 201),
    ).release.id;
  const whereUsed = async (name: string) =>
    json<{ items: { releaseId: string }[] }>(
      must(await owner.get(`${base}/where-used?purl=${encodeURIComponent(`pkg:npm/${name}`)}`), 200),
    )
      .items.map((i) => i.releaseId)
      .sort();
  const release = (id: string) =>
    t.deps.store.db
      .selectFrom('software_releases')
      .select(['sbom_uploaded_at', 'keys_indexed_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const keys = async (id: string) =>
    (
      await t.deps.store.db
        .selectFrom('software_component_keys')
        .select('name')
        .where('release_id', '=', id)
        .execute()
    )
      .map((r) => r.name)
      .sort();

  beforeAll(async () => {
    t = await makeApp();
    const s = await setupInstance(t);
    owner = s.admin;
    base = `/api/orgs/${s.orgId}/software`;
    productId = json<{ product: { id: string } }>(
      must(await owner.post(`${base}/products`, { name: '制御盤', kind: 'application' }), 201),
    ).product.id;
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  it('answers the same before and after the job, and never from keys of a replaced SBOM', async () => {
    const r1 = await newRelease('1.0.0');
    await upload(r1, bom(['lodash', 'left-pad']));
    // The upload queued the job in its own transaction, and answered before it ran.
    const queued = await t.deps.store.db
      .selectFrom('jobs')
      .select(['kind', 'payload'])
      .where('kind', '=', SOFTWARE_KEYS_JOB)
      .execute();
    expect(queued.map((j) => JSON.parse(j.payload) as unknown)).toContainEqual({ releaseId: r1 });
    expect((await release(r1)).keys_indexed_at).toBeNull();
    expect(await whereUsed('left-pad')).toEqual([r1]);
    expect(
      (await releasesWithPackages(t.deps.store.db, [{ ecosystem: 'npm', name: 'lodash' }])).map(
        (r) => r.release_id,
      ),
    ).toEqual([r1]);

    await softwareKeysJob(t.deps)({
      job: {} as never,
      payload: { releaseId: r1 },
      progress: async () => {},
      stopping: false,
    });
    const done = await release(r1);
    expect(done.keys_indexed_at).toBe(done.sbom_uploaded_at);
    expect(await keys(r1)).toEqual(['left-pad', 'lodash']);
    // From now on the keys answer: with the component rows' own key blanked, where-used still finds it.
    await t.deps.store.db
      .updateTable('software_components')
      .set({ purl_key: null, osv_name: null })
      .where('release_id', '=', r1)
      .execute();
    expect(await whereUsed('left-pad')).toEqual([r1]);
    expect(
      (await releasesWithPackages(t.deps.store.db, [{ ecosystem: 'npm', name: 'left-pad' }])).map(
        (r) => r.release_id,
      ),
    ).toEqual([r1]);

    // A new SBOM without left-pad: its old key is still there, but where-used must not answer from it.
    await upload(r1, bom(['lodash']));
    expect((await release(r1)).keys_indexed_at).toBeNull();
    expect(await keys(r1)).toEqual(['left-pad', 'lodash']);
    expect(await whereUsed('left-pad')).toEqual([]);
    expect(await whereUsed('lodash')).toEqual([r1]);
    expect(await writeReleaseKeys(t.deps, r1)).toBe(true);
    expect(await keys(r1)).toEqual(['lodash']);
    expect(await whereUsed('left-pad')).toEqual([]);
    expect(await whereUsed('lodash')).toEqual([r1]);
  });

  it('resumes after a stop, tolerates two jobs at once, and leaves a changed SBOM to the next job', async () => {
    const r2 = await newRelease('2.0.0');
    await upload(r2, bom(['express'], 4_999));
    const db = t.deps.store.db;
    // A job that stopped after its first chunk (2,000 rows): a new one carries on without duplicates.
    const stopped = {};
    expect(await writeReleaseKeysStep(db, r2, 2000, stopped)).toEqual({ done: false, added: 0 });
    expect(await writeReleaseKeysStep(db, r2, 2000, stopped)).toEqual({ done: false, added: 2000 });
    expect(await writeReleaseKeys(t.deps, r2)).toBe(true);
    expect((await keys(r2)).length).toBe(5000);

    await upload(r2, bom(['express', 'koa'], 4_998));
    // Two jobs reach the same chunk at once: the one whose rows were all taken must not call it complete.
    const a = {};
    const b = {};
    await writeReleaseKeysStep(db, r2, 2000, a);
    await writeReleaseKeysStep(db, r2, 2000, b);
    const steps = await Promise.all([
      writeReleaseKeysStep(db, r2, 2000, a),
      writeReleaseKeysStep(db, r2, 2000, b),
    ]);
    expect(steps.map((x) => x.done)).toEqual([false, false]);
    expect((await release(r2)).keys_indexed_at).toBeNull();
    const both = await Promise.all([writeReleaseKeys(t.deps, r2), writeReleaseKeys(t.deps, r2)]);
    expect(both).toContain(true);
    expect((await keys(r2)).length).toBe(5000);
    expect(await keys(r2)).toContain('koa');
    expect((await release(r2)).keys_indexed_at).toBe((await release(r2)).sbom_uploaded_at);

    // An upload between two steps: the running job must not mark the release complete.
    await upload(r2, bom(['express', 'hapi'], 2_998));
    const running = {};
    await writeReleaseKeysStep(db, r2, 2000, running);
    await writeReleaseKeysStep(db, r2, 2000, running);
    await upload(r2, bom(['fastify'], 9));
    let step;
    do step = await writeReleaseKeysStep(db, r2, 2000, running);
    while (!step.done);
    expect(step).toEqual({ done: true, indexed: false });
    expect((await release(r2)).keys_indexed_at).toBeNull();
    expect(await whereUsed('hapi')).toEqual([]);
    expect(await whereUsed('fastify')).toEqual([r2]);
    expect(await writeReleaseKeys(t.deps, r2)).toBe(true);
    expect((await keys(r2)).length).toBe(10);
    expect(await whereUsed('fastify')).toEqual([r2]);
    expect(await whereUsed('hapi')).toEqual([]);
  }, 60_000);

  it('the daily run writes the keys of any release left without them and queues the next day', async () => {
    const r3 = await newRelease('3.0.0');
    await upload(r3, bom(['zod']));
    expect((await release(r3)).keys_indexed_at).toBeNull();
    // As if the upload's own job had failed for good: only the daily sweep is left to write them.
    await t.deps.store.db.deleteFrom('jobs').where('kind', '=', SOFTWARE_KEYS_JOB).execute();
    const result = await softwareKeysJob(t.deps)({
      job: {} as never,
      payload: { day: '2026-12-04' },
      progress: async () => {},
      stopping: false,
    });
    expect(result).toMatchObject({ indexed: 1 });
    expect((await release(r3)).keys_indexed_at).toBe((await release(r3)).sbom_uploaded_at);
    const next = await t.deps.store.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', SOFTWARE_KEYS_JOB)
      .execute();
    expect(next.map((j) => j.id)).toEqual([expect.stringMatching(/^software\.keys:\d{4}-\d{2}-\d{2}$/)]);
  });
});
