import type { Selectable } from 'kysely';
import type { DialectOps } from '../dialect/types.ts';
import type { Database, Executor } from '../database.ts';
import type { JobsTable } from './tables.ts';
import type { Kysely } from 'kysely';

export type JobRow = Selectable<JobsTable>;

export interface NewJob {
  id: string;
  orgId: string | null;
  kind: string;
  payload: unknown;
  maxAttempts?: number;
  now: string;
}

function jobValues(j: NewJob, runAt: string) {
  return {
    id: j.id,
    org_id: j.orgId,
    kind: j.kind,
    payload: JSON.stringify(j.payload ?? null),
    status: 'queued',
    attempts: 0,
    max_attempts: j.maxAttempts ?? 5,
    run_at: runAt,
    locked_by: null,
    locked_until: null,
    progress_current: 0,
    progress_total: 0,
    result: null,
    last_error: null,
    created_at: j.now,
    updated_at: j.now,
  };
}

export async function enqueueJob(ex: Executor, j: NewJob): Promise<void> {
  await ex.insertInto('jobs').values(jobValues(j, j.now)).execute();
}

export async function claimJob(
  db: Kysely<Database>,
  ops: DialectOps,
  workerId: string,
  now: string,
  leaseUntil: string,
): Promise<JobRow | undefined> {
  const id = await ops.claimJob(db, workerId, now, leaseUntil);
  if (id === null) return undefined;
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findJob(ex: Executor, orgId: string, id: string): Promise<JobRow | undefined> {
  return ex
    .selectFrom('jobs')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Progress also renews the lease, so a job that reports progress is not taken over. */
export async function reportJobProgress(
  ex: Executor,
  id: string,
  workerId: string,
  current: number,
  total: number,
  now: string,
  leaseUntil: string,
): Promise<void> {
  await ex
    .updateTable('jobs')
    .set({ progress_current: current, progress_total: total, updated_at: now, locked_until: leaseUntil })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

export async function completeJob(ex: Executor, id: string, workerId: string, result: unknown, now: string) {
  await ex
    .updateTable('jobs')
    .set({
      status: 'succeeded',
      result: JSON.stringify(result ?? null),
      locked_by: null,
      locked_until: null,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

/** A failed attempt goes back to the queue at `retryAt`, or fails for good after the last attempt. */
export async function failJob(
  ex: Executor,
  id: string,
  workerId: string,
  error: string,
  retryAt: string | null,
  now: string,
): Promise<void> {
  await ex
    .updateTable('jobs')
    .set({
      status: retryAt === null ? 'failed' : 'queued',
      run_at: retryAt ?? now,
      last_error: error.slice(0, 2000),
      locked_by: null,
      locked_until: null,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

/** Returns a worker's running jobs to the queue (graceful shutdown); the attempt is not counted. */
export async function releaseJobs(ex: Executor, workerId: string, now: string): Promise<number> {
  const r = await ex
    .updateTable('jobs')
    .set((eb) => ({
      status: 'queued',
      locked_by: null,
      locked_until: null,
      attempts: eb('attempts', '-', 1),
      updated_at: now,
    }))
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Enqueues a job with a fixed id unless it exists: how periodic jobs are scheduled once across instances. */
export async function enqueueJobOnce(ex: Executor, j: NewJob & { runAt: string }): Promise<boolean> {
  const r = await ex
    .insertInto('jobs')
    .values(jobValues(j, j.runAt))
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}
