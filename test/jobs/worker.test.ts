import {
  FILES_SWEEP_JOB,
  filesSweepJob,
  JobWorker,
  loadConfig,
  openFileStore,
  type Deps,
  type JobHandler,
} from '@shinrai/server';
import { claimJob, enqueueJob, type JobRow } from '@shinrai/store';
import type { FastifyBaseLogger } from 'fastify';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JobInterrupted } from '@shinrai/server';
import { makeStore, testDialects, type TestStore } from '../helpers/stores.ts';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const LEASE_MS = 60_000;

interface Deferred<T = void> {
  promise: Promise<T>;
  resolve(v: T): void;
}
function deferred<T = void>(): Deferred<T> {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A logger that records what the worker says, so tests can look at warnings. */
function recordingLogger(lines: { level: string; msg: unknown }[]): FastifyBaseLogger {
  const log: Record<string, unknown> = { level: 'info' };
  for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']) {
    log[level] = (...args: unknown[]) => lines.push({ level, msg: args.at(-1) });
  }
  log.child = () => log;
  return log as unknown as FastifyBaseLogger;
}

describe.each(testDialects())('JobWorker on %s', (dialect) => {
  let t: TestStore;
  let clock = T0;
  const logLines: { level: string; msg: unknown }[] = [];
  let deps: Deps;
  const workers: JobWorker[] = [];

  beforeAll(async () => {
    t = await makeStore(dialect);
    deps = {
      store: t.store,
      files: openFileStore(t.store, t.dataDir),
      config: loadConfig({ SHINRAI_DATA_DIR: t.dataDir }),
      mailer: { send: async () => {} },
      now: () => new Date(clock),
      log: recordingLogger(logLines),
    };
  });
  afterAll(async () => {
    for (const w of workers) await w.stop(0);
    await t?.cleanup();
  });
  beforeEach(async () => {
    clock = T0;
    logLines.length = 0;
    await t.store.db.deleteFrom('jobs').execute();
  });

  const worker = (handlers: Record<string, JobHandler>, concurrency?: number) => {
    const w = new JobWorker(deps, handlers, concurrency);
    workers.push(w);
    return w;
  };
  const enqueue = async (kind: string, payload: unknown = null, maxAttempts?: number) => {
    const id = randomUUID();
    await enqueueJob(t.store.db, {
      id,
      orgId: null,
      kind,
      payload,
      maxAttempts,
      now: new Date(clock).toISOString(),
    });
    return id;
  };
  const row = (id: string): Promise<JobRow> =>
    t.store.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const iso = (ms: number) => new Date(ms).toISOString();
  /** One polling round, then wait until the jobs it started have settled. */
  const round = async (w: JobWorker) => {
    await w.tick();
    await w.idle();
  };

  it('runs a handler that reports progress and renews its lease', async () => {
    const reachedHalf = deferred();
    const resume = deferred();
    let seenPayload: unknown;
    const w = worker({
      'report.build': async (ctx) => {
        seenPayload = ctx.payload;
        await ctx.progress(1, 4);
        await ctx.progress(2, 4);
        reachedHalf.resolve();
        await resume.promise;
        await ctx.progress(3, 4);
        await ctx.progress(4, 4);
        return { pages: 4 };
      },
    });
    const id = await enqueue('report.build', { orgName: '信頼製作所' });
    await w.tick();
    await reachedHalf.promise;
    expect(await row(id)).toMatchObject({
      status: 'running',
      locked_by: w.workerId,
      attempts: 1,
      progress_current: 2,
      progress_total: 4,
      locked_until: iso(T0 + LEASE_MS),
    });
    clock = T0 + 45_000;
    resume.resolve();
    await w.idle();
    const done = await row(id);
    expect(done).toMatchObject({
      status: 'succeeded',
      progress_current: 4,
      progress_total: 4,
      locked_by: null,
      updated_at: iso(T0 + 45_000),
    });
    expect(JSON.parse(done.result!)).toEqual({ pages: 4 });
    expect(seenPayload).toEqual({ orgName: '信頼製作所' });
  });

  it('retries a failing handler with exponential backoff, then fails it after max attempts', async () => {
    let calls = 0;
    const w = worker({
      'mail.send': async () => {
        calls++;
        throw new Error(`SMTP unavailable (${calls})`);
      },
    });
    const id = await enqueue('mail.send', null, 3);

    await round(w);
    expect(calls).toBe(1);
    expect(await row(id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      run_at: iso(T0 + 2000),
      last_error: 'SMTP unavailable (1)',
      locked_by: null,
    });

    clock = T0 + 1999;
    await round(w);
    expect(calls).toBe(1); // not due yet

    clock = T0 + 2000;
    await round(w);
    expect(calls).toBe(2);
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 2, run_at: iso(T0 + 2000 + 4000) });

    clock = T0 + 5999;
    await round(w);
    expect(calls).toBe(2);

    clock = T0 + 6000;
    await round(w);
    expect(calls).toBe(3);
    expect(await row(id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      last_error: 'SMTP unavailable (3)',
    });

    clock = T0 + 86_400_000;
    await round(w);
    expect(calls).toBe(3);
    expect(logLines.filter((l) => l.level === 'warn' && l.msg === 'job failed')).toHaveLength(3);
  });

  it('fails a job of an unknown kind like any other error', async () => {
    const w = worker({});
    const id = await enqueue('no.such.kind', null, 1);
    await round(w);
    expect(await row(id)).toMatchObject({
      status: 'failed',
      last_error: 'no handler for job kind no.such.kind',
    });
  });

  it("removes a job's input files once it has ended, and not while a retry is left", async () => {
    const id = randomUUID();
    const file = await deps.files.put(Buffer.from('input'), { purpose: 'test', jobId: id });
    const other = await deps.files.put(Buffer.from('other'), { purpose: 'test', jobId: randomUUID() });
    await enqueueJob(t.store.db, {
      id,
      orgId: null,
      kind: 'flaky',
      payload: null,
      maxAttempts: 2,
      now: iso(clock),
    });
    let calls = 0;
    const w = worker({
      flaky: async () => {
        calls++;
        throw new Error('not yet');
      },
    });
    await round(w);
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1 });
    expect(await deps.files.stat(file.key)).toBeDefined(); // the retry will need it
    clock = T0 + 86_400_000;
    await round(w);
    expect(calls).toBe(2);
    expect(await row(id)).toMatchObject({ status: 'failed' });
    expect(await deps.files.stat(file.key)).toBeUndefined();
    expect(await deps.files.stat(other.key)).toBeDefined(); // another job's input stays

    const done = randomUUID();
    const input = await deps.files.put(Buffer.from('x'), { purpose: 'test', jobId: done });
    await enqueueJob(t.store.db, { id: done, orgId: null, kind: 'ok', payload: null, now: iso(clock) });
    await round(worker({ ok: async () => 'fine' }));
    expect(await row(done)).toMatchObject({ status: 'succeeded' });
    expect(await deps.files.stat(input.key)).toBeUndefined();
  });

  it('sweeps expired files daily and queues the next sweep', async () => {
    const old = await deps.files.put(Buffer.from('old'), { purpose: 'test', expiresAt: new Date(T0 + 1000) });
    const fresh = await deps.files.put(Buffer.from('new'), {
      purpose: 'test',
      expiresAt: new Date(T0 + 9e9),
    });
    const id = await enqueue(FILES_SWEEP_JOB);
    clock = T0 + 2000;
    await round(worker({ [FILES_SWEEP_JOB]: filesSweepJob(deps) }));
    expect(await row(id)).toMatchObject({ status: 'succeeded', result: JSON.stringify({ removed: 1 }) });
    expect(await deps.files.stat(old.key)).toBeUndefined();
    expect(await deps.files.stat(fresh.key)).toBeDefined();
    const next = await t.store.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', FILES_SWEEP_JOB)
      .where('status', '=', 'queued')
      .execute();
    expect(next).toHaveLength(1);
    expect(Date.parse(next[0]!.run_at)).toBeGreaterThan(clock);
    await deps.files.delete(fresh.key);
  });

  it('runs at most `concurrency` jobs at once', async () => {
    const gate = deferred();
    let active = 0;
    let peak = 0;
    const w = worker(
      {
        slow: async () => {
          active++;
          peak = Math.max(peak, active);
          await gate.promise;
          active--;
          return null;
        },
      },
      2,
    );
    const ids = [await enqueue('slow'), await enqueue('slow'), await enqueue('slow')];
    await w.tick();
    const statuses = await Promise.all(ids.map(async (id) => (await row(id)).status));
    expect(statuses.filter((s) => s === 'running')).toHaveLength(2);
    gate.resolve();
    await w.idle();
    await round(w);
    expect(peak).toBe(2);
    for (const id of ids) expect((await row(id)).status).toBe('succeeded');
  });

  it('survives a restart: a job held by a crashed worker is run by another once the lease passes', async () => {
    // Worker A claims the job and then "crashes": its handler never finishes and nobody stops it.
    const aHang = deferred<unknown>();
    let aStarted = false;
    const a = worker({
      'audit.verify': async () => {
        aStarted = true;
        return aHang.promise;
      },
    });
    const id = await enqueue('audit.verify', { orgId: 'x' });
    await a.tick();
    expect(aStarted).toBe(true);
    expect(await row(id)).toMatchObject({ status: 'running', locked_by: a.workerId, attempts: 1 });

    let bRuns = 0;
    const b = worker({
      'audit.verify': async (ctx) => {
        bRuns++;
        await ctx.progress(1, 1);
        return { ok: true, by: 'B', attempt: ctx.job.attempts };
      },
    });
    clock = T0 + 30_000;
    await round(b);
    expect(bRuns).toBe(0); // A's lease still holds

    clock = T0 + LEASE_MS + 1;
    await round(b);
    expect(bRuns).toBe(1);
    const done = await row(id);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2, locked_by: null });
    expect(JSON.parse(done.result!)).toEqual({ ok: true, by: 'B', attempt: 2 });

    // If A comes back to life and finishes late, it must not overwrite B's result.
    aHang.resolve({ ok: false, by: 'A' });
    await a.idle();
    expect(JSON.parse((await row(id)).result!)).toEqual({ ok: true, by: 'B', attempt: 2 });

    clock = T0 + 10 * LEASE_MS;
    await round(b);
    expect(bRuns).toBe(1);
  });

  it('survives a restart when the crashed worker claimed directly and never completed', async () => {
    const id = await enqueue('audit.verify');
    const claimed = await claimJob(t.store.db, t.store.ops, 'w-crashed', iso(T0), iso(T0 + LEASE_MS));
    expect(claimed?.id).toBe(id);
    const b = worker({ 'audit.verify': async () => 'done' });
    clock = T0 + LEASE_MS - 1;
    await round(b);
    expect((await row(id)).status).toBe('running');
    clock = T0 + LEASE_MS + 1000;
    await round(b);
    expect(await row(id)).toMatchObject({ status: 'succeeded', result: '"done"', attempts: 2 });
  });

  it('stop() returns an interrupted running job to the queue, and the next worker finishes it', async () => {
    const started = deferred();
    let interrupted = 0;
    const a = worker({
      long: async (ctx) => {
        started.resolve();
        while (!ctx.stopping) await new Promise((r) => setTimeout(r, 5));
        interrupted++;
        throw new JobInterrupted();
      },
    });
    const id = await enqueue('long');
    await a.tick();
    await started.promise;
    expect((await row(id)).status).toBe('running');
    await a.stop(5000);
    expect(interrupted).toBe(1);
    expect(await row(id)).toMatchObject({
      status: 'queued',
      attempts: 0,
      locked_by: null,
      locked_until: null,
    });

    await round(a);
    expect((await row(id)).status).toBe('queued'); // a stopped worker claims nothing

    const b = worker({ long: async () => 'finished' });
    await round(b);
    expect(await row(id)).toMatchObject({ status: 'succeeded', result: '"finished"', attempts: 1 });
  });

  it('starts no handler after stop() has returned, even when stop() interrupts a poll that is claiming', async () => {
    for (let i = 0; i < 5; i++) {
      let stopped = false;
      let lateStarts = 0;
      let runs = 0;
      const w = worker({
        quick: async () => {
          runs++;
          if (stopped) lateStarts++;
          return 'ran';
        },
      });
      const id = await enqueue('quick');
      const polling = w.tick();
      await w.stop(1000);
      stopped = true;
      await polling;
      await w.idle();
      expect(lateStarts).toBe(0);
      const r = await row(id);
      // Either the job ran within stop()'s grace period and succeeded, or it never ran and is back in the queue.
      if (runs === 1) expect(r).toMatchObject({ status: 'succeeded', result: '"ran"' });
      else expect(r).toMatchObject({ status: 'queued', attempts: 0, locked_by: null });
      await t.store.db.deleteFrom('jobs').execute();
    }
  });

  it('stop() leaves no timer behind that would keep the process alive', async () => {
    const w = worker({});
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    await w.stop(60_000);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('start() polls on its own until stopped', async () => {
    const w = new JobWorker(
      { ...deps, config: { ...deps.config, jobPollMs: 10 } },
      { auto: async () => 'polled' },
    );
    workers.push(w);
    const id = await enqueue('auto');
    w.start();
    const deadline = Date.now() + 5000;
    while ((await row(id)).status !== 'succeeded' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
    }
    await w.stop();
    expect(await row(id)).toMatchObject({ status: 'succeeded', result: '"polled"' });
    const later = await enqueue('auto');
    await new Promise((r) => setTimeout(r, 50));
    expect((await row(later)).status).toBe('queued');
  });

  it('stop() also returns a job whose handler ignores the shutdown, after the grace period', async () => {
    const started = deferred();
    const gate = deferred();
    const a = worker({
      stubborn: async () => {
        started.resolve();
        await gate.promise;
        return 'late';
      },
    });
    const id = await enqueue('stubborn');
    await a.tick();
    await started.promise;
    await a.stop(20);
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 0, locked_by: null });
    gate.resolve();
    await a.idle();
    expect(await row(id)).toMatchObject({ status: 'queued', result: null }); // the late result is dropped

    const b = worker({ stubborn: async () => 'again' });
    await round(b);
    expect(await row(id)).toMatchObject({ status: 'succeeded', result: '"again"' });
  });
});
