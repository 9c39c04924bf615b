import {
  abandonStaleImports,
  IMPORT_LEASE_MS,
  importAdvisories,
  importRow,
  type AdvisoryImportProgress,
} from '@shinrai/server';
import { advisoriesDailyJob } from '@shinrai/server/modules/advisories';
import { softwareRematchJob } from '@shinrai/server/modules/software';
import {
  auditChainBatch,
  countPendingRematch,
  findAdvisoryImport,
  insertAdvisoryImport,
  pendingRematch,
  updateAdvisoryImport,
} from '@shinrai/store';
import type { LightMyRequestResponse } from 'fastify';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';
import { testDialects } from '../helpers/stores.ts';
import { osvRecord, tempDir, writeTemp, zipBuffer } from './advisories-fixtures.ts';

function must(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res;
}

/** One record per package: written one per batch (batchSize 1), in this order. */
const advisory = (id: string, name: string) => ({
  name: `${id}.json`,
  data: osvRecord({
    id,
    affected: [
      {
        package: { ecosystem: 'npm', name },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '9.0.0' }] }],
      },
    ],
  }),
});

/** A killed process: the batch before it committed, nothing after it ran (not even its error path). */
class Killed extends Error {}

/**
 * Issue 11 item 5: an import killed past its first batch must not lose the re-match of what it wrote. The
 * pending re-match is written in each batch's transaction; the rerun (or the sweep of abandoned runs)
 * re-matches it.
 */
describe.each(testDialects())('an interrupted advisory import on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let dir: string;
  let releaseId: string;
  const base = () => `/api/orgs/${orgId}/software`;

  beforeAll(async () => {
    t = await makeApp(dialect, { packs: false });
    ({ admin, orgId } = await setupInstance(t));
    dir = tempDir();
    const productId = json<{ product: { id: string } }>(
      must(await admin.post(`${base()}/products`, { name: '制御盤', kind: 'device' }), 201),
    ).product.id;
    releaseId = json<{ release: { id: string } }>(
      must(await admin.post(`${base()}/products/${productId}/releases`, { version: '1.0.0' }), 201),
    ).release.id;
    const bom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: ['kill-one', 'kill-two', 'kill-three', 'kill-four'].map((name) => ({
        type: 'library',
        name,
        version: '1.0.0',
        purl: `pkg:npm/${name}@1.0.0`,
      })),
    };
    // The SBOM is there before any advisory: its release has no finding until a re-match.
    const { payload, headers } = multipart({ name: 'bom.json', data: Buffer.from(JSON.stringify(bom)) }, {});
    must(
      await t.app.inject({
        method: 'POST',
        url: `${base()}/releases/${releaseId}/sbom`,
        payload,
        headers: { ...headers, cookie: admin.cookie ?? '', 'x-csrf-token': admin.csrf ?? '' },
      }),
      200,
    );
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const findings = async () =>
    json<{ items: { advisoryId: string }[] }>(
      must(await admin.get(`${base()}/releases/${releaseId}/findings`), 200),
    )
      .items.map((f) => f.advisoryId)
      .sort();

  const queuedRematch = () =>
    t.deps.store.db
      .selectFrom('jobs')
      .select(['id', 'payload'])
      .where('kind', '=', 'software.rematch')
      .where('status', '=', 'queued')
      .execute();

  /** Runs the queued re-match jobs as the worker would, and marks them done. */
  async function runRematch(): Promise<void> {
    for (const job of await queuedRematch()) {
      await softwareRematchJob(t.deps)({
        job: {} as never,
        payload: JSON.parse(job.payload) as unknown,
        progress: async () => {},
        stopping: false,
      });
      await t.deps.store.db
        .updateTable('jobs')
        .set({ status: 'succeeded' })
        .where('id', '=', job.id)
        .execute();
    }
  }

  it('re-matches the first batch on the rerun: the release gets the findings of both batches', async () => {
    const zip = writeTemp(
      dir,
      'kill.zip',
      await zipBuffer([advisory('GHSA-kill-0001', 'kill-one'), advisory('GHSA-kill-0002', 'kill-two')]),
    );
    const killAfterFirst = (p: AdvisoryImportProgress) => {
      if (p.added === 1) throw new Killed('killed after batch 1');
    };
    await expect(
      importAdvisories(t.deps.store, zip, 'kill.zip', { batchSize: 1, onProgress: killAfterFirst }),
    ).rejects.toBeInstanceOf(Killed);
    // The first batch and its pending re-match committed together; no re-match job was queued.
    expect((await pendingRematch(t.deps.store.db, 100)).advisoryIds).toEqual(['GHSA-kill-0001']);
    expect(await queuedRematch()).toEqual([]);
    expect(await findings()).toEqual([]);

    const rerun = await importAdvisories(t.deps.store, zip, 'kill.zip', { batchSize: 1 });
    if (!rerun.ok) throw new Error(rerun.reason);
    expect(rerun.counts).toMatchObject({ processed: 2, unchanged: 1, added: 1 });
    expect(rerun.rematchJobId).not.toBeNull();
    await runRematch();
    // Before: only GHSA-kill-0002 (the rerun's own change) was re-matched.
    expect(await findings()).toEqual(['GHSA-kill-0001', 'GHSA-kill-0002']);
    expect(await countPendingRematch(t.deps.store.db)).toBe(0);
  });

  it('marks a run whose process died abandoned (instance audit entry with counts) and re-matches what it wrote', async () => {
    const zip = writeTemp(
      dir,
      'dead.zip',
      await zipBuffer([advisory('GHSA-kill-0003', 'kill-three'), advisory('GHSA-kill-0004', 'kill-four')]),
    );
    let runId = '';
    let swept: Awaited<ReturnType<typeof abandonStaleImports>> | undefined;
    const dies = async (p: AdvisoryImportProgress) => {
      if (p.added !== 1) return;
      // The process is gone after its first batch; another instance looks once the lease ran out.
      const run = await t.deps.store.db
        .selectFrom('advisory_imports')
        .selectAll()
        .where('source', '=', 'dead.zip')
        .executeTakeFirstOrThrow();
      runId = run.id;
      expect(run.status).toBe('running');
      // Not yet: the lease still runs.
      expect((await abandonStaleImports(t.deps.store, new Date())).abandoned).toEqual([]);
      swept = await abandonStaleImports(t.deps.store, new Date(Date.now() + IMPORT_LEASE_MS + 60_000));
      throw new Killed('killed after batch 1');
    };
    await expect(
      importAdvisories(t.deps.store, zip, 'dead.zip', { batchSize: 1, onProgress: dies }),
    ).rejects.toBeInstanceOf(Killed);
    expect(swept?.abandoned).toEqual([runId]);
    expect(swept?.rematchJobId).not.toBeNull();
    const run = await findAdvisoryImport(t.deps.store.db, runId);
    expect(run).toMatchObject({ status: 'abandoned', added: 1, lease_until: null });
    expect(JSON.parse(run?.error ?? '{}')).toMatchObject({ code: 'abandoned' });

    const instance = await auditChainBatch(t.deps.store.db, null, 0, 1000);
    const entry = instance.find((e) => e.action === 'advisories.import_abandoned' && e.targetId === runId);
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({
      source: 'dead.zip',
      via: 'cli',
      status: 'abandoned',
      counts: { added: 1, processed: 1 },
    });

    await runRematch();
    expect(await findings()).toContain('GHSA-kill-0003');
    expect(await countPendingRematch(t.deps.store.db)).toBe(0);

    // Every tenant sees the run as abandoned, with its source.
    const status = json<{ recentImports: { id: string; status: string; source: string }[] }>(
      must(await admin.get(`${base()}/advisories/status`), 200),
    );
    expect(status.recentImports.find((r) => r.id === runId)).toMatchObject({
      status: 'abandoned',
      source: 'dead.zip',
    });
  });

  it('gives a taken-over upload job a run of its own, the dead attempt ending abandoned', async () => {
    const db = t.deps.store.db;
    const queued = importRow('00000000-0000-4000-8000-00000000dead', 'retry.zip', new Date().toISOString());
    await insertAdvisoryImport(db, queued);
    // the first attempt started, then its process died (the platform hands the job to another worker)
    await updateAdvisoryImport(db, queued.id, { status: 'running', lease_until: new Date().toISOString() });
    const zip = writeTemp(dir, 'retry.zip', await zipBuffer([advisory('GHSA-kill-0005', 'kill-one')]));
    const r = await importAdvisories(t.deps.store, zip, 'retry.zip', { importId: queued.id, via: 'upload' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.importId).not.toBe(queued.id);
    expect(await findAdvisoryImport(db, queued.id)).toMatchObject({ status: 'abandoned' });
    expect(await findAdvisoryImport(db, r.importId)).toMatchObject({
      status: 'done',
      added: 1,
      via: 'upload',
    });
    const instance = await auditChainBatch(db, null, 0, 1000);
    expect(instance.filter((e) => e.targetId === queued.id).map((e) => e.action)).toEqual([
      'advisories.import_abandoned',
    ]);
    const start = instance.find((e) => e.targetId === r.importId && e.action === 'advisories.import_start');
    expect(JSON.parse(start?.details ?? '{}')).toMatchObject({ retryOf: queued.id, source: 'retry.zip' });
  });

  it('runs the daily safety net: a full re-match is queued and tomorrow is scheduled', async () => {
    const db = t.deps.store.db;
    const result = (await advisoriesDailyJob(t.deps)({
      job: {} as never,
      payload: {},
      progress: async () => {},
      stopping: false,
    })) as { rematchJobId: string };
    const rematch = await db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', result.rematchJobId)
      .executeTakeFirstOrThrow();
    expect(rematch.kind).toBe('software.rematch');
    expect(JSON.parse(rematch.payload)).toEqual({ all: true });
    const next = await db
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', 'advisories.daily')
      .execute();
    expect(next).toHaveLength(1);
    expect(Date.parse(next[0]!.run_at)).toBeGreaterThan(Date.now());
    await runRematch();
    expect(await findings()).toEqual(
      expect.arrayContaining(['GHSA-kill-0001', 'GHSA-kill-0002', 'GHSA-kill-0003']),
    );
  });
});
