import { IMPORT_LEASE_MS, JobWorker, type AdvisoryImportProgress } from '@shinrai/server';
import {
  ADVISORIES_FEED_JOB,
  advisoriesFeedJob,
  ensureFeedScheduled,
  runFeedSource,
  type FeedRunResult,
} from '@shinrai/server/modules/advisories';
import { auditChainBatch } from '@shinrai/store';
import type { LightMyRequestResponse } from 'fastify';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/stores.ts';
import { RECORDS_DIR, zipBuffer } from './advisories-fixtures.ts';

function must(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res;
}

/** Real OSV records kept in the repository (ossf/osv-schema examples). */
const REAL = ['GHSA-9v2f-6vcg-3hgv.json', 'GO-2020-0001.json', 'PYSEC-2023-74.json'];
const realRecord = (name: string) =>
  JSON.parse(readFileSync(path.join(RECORDS_DIR, name), 'utf8')) as Record<string, unknown>;

/** A small OSV record of our own for the resume test (one per batch). */
const own = (id: string) => ({
  name: `${id}.json`,
  data: {
    schema_version: '1.6.0',
    id,
    modified: '2026-01-01T00:00:00Z',
    summary: `feed test ${id}`,
    affected: [
      {
        package: { ecosystem: 'PyPI', name: `feed-${id.toLowerCase()}` },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0' }] }],
      },
    ],
  },
});

interface Served {
  body: Buffer;
  status?: number;
  /** false: no ETag / Last-Modified (a mirror that sends none). */
  validators?: boolean;
  /** false: chunked, no Content-Length (the limit is found while streaming). */
  length?: boolean;
  /** Never answers (the timeout test). */
  hang?: boolean;
}

interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
  bytes: number;
}

type SourceView = {
  id: string;
  name: string;
  location: string | null;
  nextRunAt: string | null;
  lastResult: string | null;
  lastSuccessAt: string | null;
  ageSeconds: number | null;
  stale: boolean;
  failures: number;
  running: boolean;
  counts: { seen: number; added: number; updated: number; unchanged: number };
  lastError: { code: string; detail: string; message: { ja: string; en: string } } | null;
};

describe.each(testDialects())('the scheduled advisory feed on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let member: Client;
  let orgId: string;
  let server: Server;
  let origin: string;
  let clock = new Date('2026-12-01T00:00:00.000Z');
  const routes = new Map<string, Served>();
  const seen: Seen[] = [];
  const hanging: (() => void)[] = [];
  const ids: Record<string, string> = {};
  const feed = () => `/api/orgs/${orgId}/software/advisories/feed`;

  beforeAll(async () => {
    t = await makeApp(dialect, { packs: false, now: () => clock });
    ({ admin, orgId } = await setupInstance(t));
    member = await addMember(t, admin, orgId, 'member@example.jp', 'admin');
    server = createServer((req, res) => {
      const r = routes.get(req.url ?? '');
      if (!r) return void res.writeHead(404).end();
      if (r.hang) return void hanging.push(() => res.destroy());
      const etag = `"${createHash('sha256').update(r.body).digest('hex').slice(0, 16)}"`;
      const note = (status: number, bytes: number) =>
        seen.push({ path: req.url ?? '', headers: req.headers, status, bytes });
      if (r.validators !== false && req.headers['if-none-match'] === etag) {
        note(304, 0);
        return void res.writeHead(304, { etag }).end();
      }
      const status = r.status ?? 200;
      const headers: Record<string, string> = { 'content-type': 'application/zip' };
      if (r.validators !== false) {
        headers.etag = etag;
        headers['last-modified'] = 'Tue, 01 Dec 2026 00:00:00 GMT';
      }
      if (r.length !== false) headers['content-length'] = String(r.body.length);
      note(status, r.body.length);
      res.writeHead(status, headers);
      res.end(r.body);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    routes.set('/PyPI/all.zip', {
      body: await zipBuffer(REAL.map((name) => ({ name, data: realRecord(name) }))),
    });
  });
  afterAll(async () => {
    for (const h of hanging) h();
    await new Promise((ok) => server.close(ok));
    await t.close();
  });

  const addSource = async (body: Record<string, unknown>) =>
    json<{ source: SourceView }>(must(await admin.post(`${feed()}/sources`, body), 201)).source;
  const status = async (c: Client = admin) =>
    json<{ sources: SourceView[]; canManage: boolean }>(must(await c.get(feed()), 200));
  const sourceNamed = async (name: string, c: Client = admin) => {
    const s = (await status(c)).sources.find((x) => x.name === name);
    if (!s) throw new Error(`no source ${name}`);
    return s;
  };
  const run = (id: string, extra: Partial<Parameters<typeof runFeedSource>[2]> = {}) =>
    runFeedSource(t.deps, id, { jobId: `job-${Math.random()}`, trigger: 'manual', ...extra });
  const imports = () => t.deps.store.db.selectFrom('advisory_imports').selectAll().execute();
  const advisories = () =>
    t.deps.store.db
      .selectFrom('advisories')
      .select(['id', 'imported_at', 'import_id'])
      .orderBy('id')
      .execute();
  const files = () => t.deps.store.db.selectFrom('files').select('key').execute();
  const instanceAudit = () => auditChainBatch(t.deps.store.db, null, 0, 10_000);
  const outcome = (r: FeedRunResult) => r.outcome;

  it('lets only instance administrators configure sources; others read the status without locations', async () => {
    const body = { name: 'osv-pypi', kind: 'http', location: `${origin}/PyPI/all.zip`, ecosystem: 'PyPI' };
    // an organization admin who is not an instance administrator
    expect((await member.post(`${feed()}/sources`, body)).statusCode).toBe(403);
    const s = await addSource(body);
    ids.pypi = s.id;
    expect(s).toMatchObject({
      name: 'osv-pypi',
      location: `${origin}/PyPI/all.zip`,
      lastResult: null,
      stale: true,
    });
    // first run at the instance's default schedule (daily 04:00 Japan time = 19:00 UTC)
    expect(s.nextRunAt).toBe('2026-12-01T19:00:00.000Z');
    expect((await member.req('PATCH', `${feed()}/sources/${s.id}`, body)).statusCode).toBe(403);
    expect((await member.post(`${feed()}/sources/${s.id}/run`)).statusCode).toBe(403);
    const seenByMember = await status(member);
    expect(seenByMember.canManage).toBe(false);
    expect(seenByMember.sources[0]).toMatchObject({ name: 'osv-pypi', location: null });
    // located refusals
    const bad = await admin.post(`${feed()}/sources`, {
      ...body,
      name: 'x',
      location: 'ftp://example.jp/all.zip',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('/location');
    const badSchedule = await admin.post(`${feed()}/sources`, { ...body, name: 'y', schedule: 'hourly' });
    expect(badSchedule.statusCode).toBe(400);
    expect(badSchedule.body).toContain('/schedule');
    expect((await admin.post(`${feed()}/sources`, body)).statusCode).toBe(409);

    const entry = (await instanceAudit()).find((e) => e.action === 'advisories.feed_source_created');
    expect(entry).toMatchObject({ targetType: 'advisory_feed_source', targetId: s.id });
  });

  it('imports on the first run, then downloads and writes nothing while the ETag holds', async () => {
    const first = await run(ids.pypi!);
    expect(first).toMatchObject({ outcome: 'imported', counts: { processed: 3, added: 3 } });
    expect(seen.at(-1)).toMatchObject({ status: 200 });
    expect(seen.at(-1)?.headers['if-none-match']).toBeUndefined();
    const s1 = await sourceNamed('osv-pypi');
    expect(s1).toMatchObject({
      lastResult: 'imported',
      ageSeconds: 0,
      stale: false,
      failures: 0,
      lastError: null,
    });
    expect(s1.counts).toEqual({ seen: 3, added: 3, updated: 0, unchanged: 0 });
    const before = await advisories();
    const runsBefore = (await imports()).length;
    expect(before.map((a) => a.id)).toEqual(['GHSA-9v2f-6vcg-3hgv', 'GO-2020-0001', 'PYSEC-2023-74']);
    expect(await files()).toEqual([]);

    clock = new Date(clock.getTime() + 3_600_000);
    const second = await run(ids.pypi!);
    expect(outcome(second)).toBe('not_modified');
    expect(seen.at(-1)).toMatchObject({ status: 304, bytes: 0 });
    expect(seen.at(-1)?.headers['if-none-match']).toMatch(/^"/);
    expect(seen.at(-1)?.headers['if-modified-since']).toBe('Tue, 01 Dec 2026 00:00:00 GMT');
    expect(await advisories()).toEqual(before);
    expect((await imports()).length).toBe(runsBefore);
    expect(await files()).toEqual([]);
    expect(await sourceNamed('osv-pypi')).toMatchObject({ lastResult: 'not_modified', ageSeconds: 0 });
  });

  it('re-imports changed content: only the changed record is written', async () => {
    const changed = REAL.map((name) => {
      const r = realRecord(name);
      return { name, data: name.startsWith('GO-') ? { ...r, summary: 'changed upstream' } : r };
    });
    routes.set('/PyPI/all.zip', { body: await zipBuffer(changed) });
    const before = await advisories();
    const r = await run(ids.pypi!);
    expect(r).toMatchObject({ outcome: 'imported', counts: { processed: 3, updated: 1, unchanged: 2 } });
    const after = await advisories();
    const rewritten = after.filter((a, i) => a.import_id !== before[i]?.import_id).map((a) => a.id);
    expect(rewritten).toEqual(['GO-2020-0001']);
    expect((await sourceNamed('osv-pypi')).counts).toEqual({ seen: 3, added: 0, updated: 1, unchanged: 2 });
  });

  it('does not re-read the same bytes from a mirror that sends no ETag', async () => {
    const body = routes.get('/PyPI/all.zip')!.body;
    routes.set('/mirror/all.zip', { body, validators: false });
    const s = await addSource({
      name: 'mirror',
      kind: 'http',
      location: `${origin}/mirror/all.zip`,
      ecosystem: 'PyPI',
    });
    expect(outcome(await run(s.id))).toBe('imported');
    const runs = (await imports()).length;
    expect(outcome(await run(s.id))).toBe('unchanged');
    expect((await imports()).length).toBe(runs);
    expect(await files()).toEqual([]);
  });

  it('shows a server error with its ja/en message and backs off', async () => {
    routes.set('/broken/all.zip', { body: Buffer.from('down'), status: 503 });
    const s = await addSource({
      name: 'broken',
      kind: 'http',
      location: `${origin}/broken/all.zip`,
      ecosystem: 'npm',
      schedule: 'every:1h',
    });
    const r1 = await run(s.id);
    expect(r1).toMatchObject({ outcome: 'failed', error: { code: 'http_status' } });
    const v1 = await sourceNamed('broken');
    expect(v1).toMatchObject({ lastResult: 'failed', failures: 1, lastSuccessAt: null, stale: true });
    expect(v1.lastError?.detail).toContain('HTTP 503');
    expect(v1.lastError?.message.ja).toContain('エラー');
    expect(v1.lastError?.message.en).toContain('error');
    // the hourly schedule, then backoff: 15 min, 30 min, 1 h, 2 h after consecutive failures
    expect(v1.nextRunAt).toBe(new Date(clock.getTime() + 3_600_000).toISOString());
    for (let i = 0; i < 3; i++) await run(s.id);
    const v4 = await sourceNamed('broken');
    expect(v4.failures).toBe(4);
    expect(v4.nextRunAt).toBe(new Date(clock.getTime() + 2 * 3_600_000).toISOString());
    // the detail (the URL) is for instance administrators
    expect((await sourceNamed('broken', member)).lastError).toMatchObject({
      code: 'http_status',
      detail: '',
    });
    // the scheduled run is queued once per time, in the jobs table
    const queued = await t.deps.store.db
      .selectFrom('jobs')
      .select('id')
      .where('id', '=', `${ADVISORIES_FEED_JOB}:${s.id}:${v4.nextRunAt}`)
      .execute();
    expect(queued.length).toBe(1);

    routes.set('/broken/all.zip', { body: routes.get('/PyPI/all.zip')!.body });
    expect(outcome(await run(s.id))).toBe('imported');
    expect(await sourceNamed('broken')).toMatchObject({
      failures: 0,
      lastError: null,
      lastResult: 'imported',
    });
  });

  it('refuses an oversized download with a clear error and writes nothing', async () => {
    const big = await zipBuffer([own('BIG-0001'), own('BIG-0002')]);
    routes.set('/big/all.zip', { body: big });
    routes.set('/big-chunked/all.zip', { body: big, length: false });
    const runs = (await imports()).length;
    const records = (await advisories()).length;
    for (const p of ['/big/all.zip', '/big-chunked/all.zip']) {
      const s = await addSource({ name: p, kind: 'http', location: `${origin}${p}`, ecosystem: 'PyPI' });
      const r = await run(s.id, { maxBytes: 100 });
      expect(r).toMatchObject({ outcome: 'failed', error: { code: 'download_too_large' } });
      const v = await sourceNamed(p);
      expect(v.lastError?.message.en).toContain('size limit');
      expect(v.lastError?.detail).toContain('100 bytes');
    }
    expect((await imports()).length).toBe(runs);
    expect((await advisories()).length).toBe(records);
    expect(await files()).toEqual([]);
  });

  it('gives up on a server that never answers (timeout), with the error shown', async () => {
    routes.set('/hang/all.zip', { body: Buffer.alloc(0), hang: true });
    const s = await addSource({
      name: 'hang',
      kind: 'http',
      location: `${origin}/hang/all.zip`,
      ecosystem: 'npm',
    });
    const r = await run(s.id, { timeoutMs: 200 });
    expect(r).toMatchObject({ outcome: 'failed', error: { code: 'timeout' } });
    expect((await sourceNamed('hang')).lastError?.message.ja).toContain('時間内');
    // disabled: its scheduled runs do nothing (no 30-minute wait in the job test below)
    const off = await admin.req('PATCH', `${feed()}/sources/${s.id}`, {
      name: 'hang',
      kind: 'http',
      location: `${origin}/hang/all.zip`,
      ecosystem: 'npm',
      enabled: false,
    });
    expect(json<{ source: SourceView }>(must(off, 200)).source.nextRunAt).toBeNull();
  });

  it('resumes a run whose process died: one run at a time, no duplicates, the dead import abandoned', async () => {
    routes.set('/resume/all.zip', {
      body: await zipBuffer([own('RES-0001'), own('RES-0002'), own('RES-0003')]),
    });
    const s = await addSource({
      name: 'resume',
      kind: 'http',
      location: `${origin}/resume/all.zip`,
      ecosystem: 'PyPI',
    });
    // The first run's process "dies" after its first batch: it never goes on (nor ends, nor frees the source).
    let died!: () => void;
    const dead = new Promise<void>((ok) => (died = ok));
    void run(s.id, {
      jobId: 'job-dead',
      batchSize: 1,
      onProgress: async (p: AdvisoryImportProgress) => {
        if (p.added !== 1) return;
        died();
        await new Promise(() => {});
      },
    });
    await dead;
    const deadRun = (await imports()).find((i) => i.source === 'resume');
    expect(deadRun).toMatchObject({ status: 'running', added: 1, via: 'feed' });
    // Another instance's run does not start while the lease holds.
    expect(outcome(await run(s.id, { jobId: 'job-other' }))).toBe('busy');
    expect((await sourceNamed('resume')).running).toBe(true);

    // The lease runs out: the next scheduled run takes the source and finishes the work.
    clock = new Date(clock.getTime() + IMPORT_LEASE_MS + 60_000);
    const r = await run(s.id, { jobId: 'job-other', batchSize: 1 });
    expect(r).toMatchObject({ outcome: 'imported', counts: { processed: 3, added: 2, unchanged: 1 } });
    const ours = (await advisories()).filter((a) => a.id.startsWith('RES-')).map((a) => a.id);
    expect(ours).toEqual(['RES-0001', 'RES-0002', 'RES-0003']);
    const runs = (await imports()).filter((i) => i.source === 'resume');
    expect(runs.map((i) => i.status).sort()).toEqual(['abandoned', 'done']);
    const actions = (await instanceAudit()).filter((e) => e.targetId === deadRun?.id).map((e) => e.action);
    expect(actions).toContain('advisories.import_abandoned');
  });

  it('the same job, taken over after its process died, continues at once', async () => {
    routes.set('/takeover/all.zip', { body: await zipBuffer([own('TAK-0001'), own('TAK-0002')]) });
    const s = await addSource({
      name: 'takeover',
      kind: 'http',
      location: `${origin}/takeover/all.zip`,
      ecosystem: 'PyPI',
    });
    let died!: () => void;
    const dead = new Promise<void>((ok) => (died = ok));
    void run(s.id, {
      jobId: 'job-taken-over',
      batchSize: 1,
      onProgress: async (p: AdvisoryImportProgress) => {
        if (p.added !== 1) return;
        died();
        await new Promise(() => {});
      },
    });
    await dead;
    const r = await run(s.id, { jobId: 'job-taken-over', batchSize: 1 });
    expect(r).toMatchObject({ outcome: 'imported', counts: { added: 1, unchanged: 1 } });
    const runs = (await imports()).filter((i) => i.source === 'takeover');
    expect(runs.map((i) => i.status).sort()).toEqual(['abandoned', 'done']);
  });

  it('reads a folder source under the feed folder, and refuses one outside it', async () => {
    const dir = path.join(t.deps.config.advisoryFeedDir, 'osv-go');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'GO-2024-2963.json'),
      readFileSync(path.join(RECORDS_DIR, 'GO-2024-2963.json')),
    );
    const outside = await admin.post(`${feed()}/sources`, {
      name: 'outside',
      kind: 'folder',
      location: '../../etc',
      ecosystem: 'Go',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain('/location');
    const s = await addSource({ name: 'go-folder', kind: 'folder', location: 'osv-go', ecosystem: 'Go' });
    expect(await run(s.id)).toMatchObject({ outcome: 'imported', counts: { added: 1 } });
    rmSync(dir, { recursive: true });
    const gone = await run(s.id);
    expect(gone).toMatchObject({ outcome: 'failed', error: { code: 'folder_missing' } });
  });

  it('runs through the platform jobs: "run now", the schedule (once per time) and the instance audit chain', async () => {
    const worker = new JobWorker(t.deps, { [ADVISORIES_FEED_JOB]: advisoriesFeedJob(t.deps) });
    try {
      const res = must(await admin.post(`${feed()}/sources/${ids.pypi}/run`), 202);
      const { job } = json<{ job: { id: string } }>(res);
      await worker.tick();
      await worker.idle();
      const done = json<{ job: { status: string; result: { outcome: string } } }>(
        await admin.get(`/api/orgs/${orgId}/jobs/${job.id}`),
      ).job;
      expect(done).toMatchObject({ status: 'succeeded', result: { outcome: 'not_modified' } });

      // disabled: its queued scheduled run does nothing
      const body = { name: 'osv-pypi', kind: 'http', location: `${origin}/PyPI/all.zip`, ecosystem: 'PyPI' };
      const off = json<{ source: SourceView }>(
        must(await admin.req('PATCH', `${feed()}/sources/${ids.pypi}`, { ...body, enabled: false }), 200),
      ).source;
      expect(off.nextRunAt).toBeNull();
      const on = json<{ source: SourceView }>(
        must(
          await admin.req('PATCH', `${feed()}/sources/${ids.pypi}`, { ...body, schedule: 'every:6h' }),
          200,
        ),
      ).source;
      const at = on.nextRunAt!;
      // at start and daily: enqueued once however often asked
      await ensureFeedScheduled(t.deps);
      await ensureFeedScheduled(t.deps);
      const jobs = await t.deps.store.db
        .selectFrom('jobs')
        .select(['id', 'run_at'])
        .where('id', '=', `${ADVISORIES_FEED_JOB}:${ids.pypi}:${at}`)
        .execute();
      expect(jobs).toEqual([{ id: `${ADVISORIES_FEED_JOB}:${ids.pypi}:${at}`, run_at: at }]);
      clock = new Date(Date.parse(at) + 1000);
      // every due run goes (the other sources' too), two at a time
      const scheduled = () =>
        t.deps.store.db
          .selectFrom('jobs')
          .select(['status', 'result'])
          .where('id', '=', `${ADVISORIES_FEED_JOB}:${ids.pypi}:${at}`)
          .executeTakeFirstOrThrow();
      for (let i = 0; i < 30 && (await scheduled()).status === 'queued'; i++) {
        await worker.tick();
        await worker.idle();
      }
      const ran = await scheduled();
      expect(ran.status).toBe('succeeded');
      expect(JSON.parse(ran.result ?? '{}')).toMatchObject({ outcome: 'not_modified' });

      const entries = await instanceAudit();
      const mine = entries.filter((e) => e.targetId === ids.pypi).map((e) => e.action);
      expect(mine).toEqual(
        expect.arrayContaining([
          'advisories.feed_source_created',
          'advisories.feed_source_updated',
          'advisories.feed_run_requested',
          'advisories.feed_run',
        ]),
      );
      const runEntry = entries.find((e) => e.action === 'advisories.feed_run' && e.targetId === ids.pypi);
      expect(JSON.parse(runEntry?.details ?? '{}')).toMatchObject({ name: 'osv-pypi', kind: 'http' });
      // the imports the feed made are in the chain too, marked as the feed's
      const start = entries.find(
        (e) =>
          e.action === 'advisories.import_start' &&
          (JSON.parse(e.details ?? '{}') as { via?: string }).via === 'feed',
      );
      expect(start).toBeDefined();
    } finally {
      await worker.stop(1000);
    }
  });
});
