import type { Executor } from '../database.ts';
import type { AdvisoryImportRow } from './repo.ts';

/** Ids per `IN (…)` list. */
const ID_CHUNK = 500;

/**
 * Notes advisories a batch changed as waiting for the portfolio re-match. Call it in the batch's transaction:
 * the record and its pending re-match commit together. `token` is the batch's own (a later change of the
 * same advisory replaces the row, so a re-match that saw the older token does not clear the newer change).
 */
export async function markRematchPending(
  ex: Executor,
  advisoryIds: readonly string[],
  token: string,
  importId: string | null,
  now: string,
): Promise<void> {
  const ids = [...new Set(advisoryIds)];
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    await ex
      .insertInto('advisory_rematch_pending')
      .values(
        ids
          .slice(i, i + ID_CHUNK)
          .map((id) => ({ advisory_id: id, token, import_id: importId, queued_at: now })),
      )
      .onConflict((oc) =>
        oc.column('advisory_id').doUpdateSet((eb) => ({
          token: eb.ref('excluded.token'),
          import_id: eb.ref('excluded.import_id'),
          queued_at: eb.ref('excluded.queued_at'),
        })),
      )
      .execute();
  }
}

export interface PendingRematch {
  /** Advisories waiting. */
  count: number;
  /** Their ids, or null when there are more than the cap asked for (re-match everything then). */
  advisoryIds: string[] | null;
  /** The batch tokens seen: `clearPendingRematch` removes exactly these rows once the re-match ran. */
  tokens: string[];
}

/** What waits for the re-match now (ids only up to `cap`). */
export async function pendingRematch(ex: Executor, cap: number): Promise<PendingRematch> {
  const tokens = await ex
    .selectFrom('advisory_rematch_pending')
    .select((eb) => ['token', eb.fn.countAll<number | string>().as('n')])
    .groupBy('token')
    .execute();
  const count = tokens.reduce((sum, t) => sum + Number(t.n), 0);
  let advisoryIds: string[] | null = null;
  if (count <= cap) {
    // rows committed since the count are left for the next re-match (their token was not seen)
    const seen = new Set(tokens.map((t) => t.token));
    const rows = await ex.selectFrom('advisory_rematch_pending').select(['advisory_id', 'token']).execute();
    advisoryIds = rows.filter((r) => seen.has(r.token)).map((r) => r.advisory_id);
  }
  return { count, advisoryIds, tokens: tokens.map((t) => t.token) };
}

/** Removes the pending rows of `tokens` (those a re-match has just covered). */
export async function clearPendingRematch(ex: Executor, tokens: readonly string[]): Promise<void> {
  for (let i = 0; i < tokens.length; i += ID_CHUNK) {
    await ex
      .deleteFrom('advisory_rematch_pending')
      .where('token', 'in', tokens.slice(i, i + ID_CHUNK))
      .execute();
  }
}

export async function countPendingRematch(ex: Executor): Promise<number> {
  const r = await ex
    .selectFrom('advisory_rematch_pending')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Running imports whose lease ran out before `now`: their process died. */
export async function staleAdvisoryImports(ex: Executor, now: string): Promise<AdvisoryImportRow[]> {
  return ex
    .selectFrom('advisory_imports')
    .selectAll()
    .where('status', '=', 'running')
    .where('lease_until', '<', now)
    .orderBy('created_at')
    .execute();
}

/**
 * Marks one run abandoned if it is still the stale running run that was seen (true when this call did it,
 * so with several instances one of them records it).
 */
export async function abandonAdvisoryImport(
  ex: Executor,
  id: string,
  now: string,
  error: string,
): Promise<boolean> {
  const r = await ex
    .updateTable('advisory_imports')
    .set({ status: 'abandoned', finished_at: now, lease_until: null, error })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The latest import runs, newest first. */
export async function recentAdvisoryImports(ex: Executor, limit: number): Promise<AdvisoryImportRow[]> {
  return ex
    .selectFrom('advisory_imports')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export interface AdvisorySource {
  /** The file or folder name of the import that last wrote these records (null: before runs were kept). */
  source: string | null;
  records: number;
  /** When the latest of these records was written. */
  lastImportedAt: string;
}

/** Where the records of the database came from: records per source (as last written), most recent first. */
export async function advisorySources(ex: Executor): Promise<AdvisorySource[]> {
  const rows = await ex
    .selectFrom('advisories as a')
    .leftJoin('advisory_imports as i', 'i.id', 'a.import_id')
    .select((eb) => [
      'i.source',
      eb.fn.countAll<number | string>().as('records'),
      eb.fn.max('a.imported_at').as('last'),
    ])
    .groupBy('i.source')
    .execute();
  return rows
    .map((r) => ({ source: r.source ?? null, records: Number(r.records), lastImportedAt: String(r.last) }))
    .sort((x, y) => y.lastImportedAt.localeCompare(x.lastImportedAt));
}
