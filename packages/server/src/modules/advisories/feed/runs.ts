import type { Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
// Deep imports, not the server platform: `shinrai advisories import` loads only what an import needs.
import {
  abandonAdvisoryImport,
  appendAudit,
  countPendingRematch,
  enqueueJob,
  staleAdvisoryImports,
  type AdvisoryImportRow,
  type Database,
  type Executor,
  type Store,
} from '@shinrai/store';

/** Job kind the inventory work implements: re-match the portfolio against changed advisories. */
export const SOFTWARE_REMATCH_JOB = 'software.rematch';

/**
 * How long a running import holds its run without writing a batch. Each batch renews it; a run whose lease
 * ran out is dead (its process was killed) and is marked abandoned.
 */
export const IMPORT_LEASE_MS = 10 * 60_000;

/** What an import needs of the store: the database and the dialect's audit lock. */
export type AdvisoryStore = Pick<Store, 'db' | 'ops'>;

/** Who started an import: an instance administrator from the web, or the operator with the CLI. */
export interface ImportActor {
  userId: string | null;
  requestId: string | null;
}

export const leaseFrom = (now: Date): string => new Date(now.getTime() + IMPORT_LEASE_MS).toISOString();

/** The counts of a run as an audit entry shows them. */
export function runCounts(r: AdvisoryImportRow) {
  return {
    processed: r.processed,
    added: r.added,
    updated: r.updated,
    unchanged: r.unchanged,
    withdrawn: r.withdrawn,
    malicious: r.malicious,
    skipped: r.skipped,
  };
}

/**
 * An entry in the instance's audit chain (the advisory database belongs to no organization): what happened
 * to which import, from which source, with its counts.
 */
export async function auditImport(
  trx: Transaction<Database>,
  store: AdvisoryStore,
  actor: ImportActor,
  action: string,
  at: string,
  importId: string,
  details: Record<string, unknown>,
): Promise<void> {
  await appendAudit(trx, store.ops, {
    at,
    orgId: null,
    actorUserId: actor.userId,
    actorTokenId: null,
    action,
    targetType: 'advisory_import',
    targetId: importId,
    requestId: actor.requestId,
    details: { importId, ...details },
  });
}

/**
 * Queues the portfolio re-match when advisories wait for it (their pending rows were written with their
 * batch); the job reads what waits when it starts and clears what it covered. Returns the new job's id, or
 * null when nothing waits or a re-match that has not started yet is already queued (it takes these too).
 */
export async function queuePendingRematch(ex: Executor, now: string): Promise<string | null> {
  if ((await countPendingRematch(ex)) === 0) return null;
  const waiting = await ex
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', SOFTWARE_REMATCH_JOB)
    .where('status', '=', 'queued')
    .limit(1)
    .executeTakeFirst();
  if (waiting) return null;
  const id = randomUUID();
  await enqueueJob(ex, {
    id,
    orgId: null,
    kind: SOFTWARE_REMATCH_JOB,
    payload: { pending: true },
    maxAttempts: 3,
    now,
  });
  return id;
}

/**
 * Marks runs whose lease ran out (their process died mid-import) abandoned, each with an instance audit
 * entry, and queues the re-match of whatever they had written. Safe on several instances at once: a run is
 * marked by one of them.
 */
export async function abandonStaleImports(
  store: AdvisoryStore,
  now: Date,
): Promise<{ abandoned: string[]; rematchJobId: string | null }> {
  const at = now.toISOString();
  const abandoned: string[] = [];
  for (const run of await staleAdvisoryImports(store.db, at)) {
    await store.db.transaction().execute(async (trx) => {
      const error = JSON.stringify({ code: 'abandoned', detail: `lease ${run.lease_until ?? ''}` });
      if (!(await abandonAdvisoryImport(trx, run.id, at, error))) return;
      abandoned.push(run.id);
      await auditImport(
        trx,
        store,
        { userId: null, requestId: null },
        'advisories.import_abandoned',
        at,
        run.id,
        {
          source: run.source,
          via: run.via,
          status: 'abandoned',
          startedAt: run.started_at,
          leaseUntil: run.lease_until,
          counts: runCounts(run),
        },
      );
    });
  }
  const rematchJobId = abandoned.length > 0 ? await queuePendingRematch(store.db, at) : null;
  return { abandoned, rematchJobId };
}
