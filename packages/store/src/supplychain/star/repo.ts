import type { Selectable } from 'kysely';
import type { Executor } from '../../database.ts';
import type { CampaignRequestStarResultsTable, SupplychainStarResultsTable } from './tables.ts';

export type StarResultRow = Selectable<SupplychainStarResultsTable>;
export type RequestStarResultRow = Selectable<CampaignRequestStarResultsTable>;

export async function insertStarResult(ex: Executor, row: StarResultRow): Promise<void> {
  await ex.insertInto('supplychain_star_results').values(row).execute();
}

export async function updateStarResult(
  ex: Executor,
  orgId: string,
  id: string,
  patch: Partial<Omit<StarResultRow, 'id' | 'org_id'>>,
): Promise<void> {
  await ex
    .updateTable('supplychain_star_results')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** The organization's own ★ results, latest obtained first. */
export async function listStarResults(ex: Executor, orgId: string): Promise<StarResultRow[]> {
  return ex
    .selectFrom('supplychain_star_results')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('obtained_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function findStarResult(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<StarResultRow | undefined> {
  return ex
    .selectFrom('supplychain_star_results')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Attaches (or replaces) a ★ result on a request of the buyer `org_id`. */
export async function saveRequestStarResult(ex: Executor, row: RequestStarResultRow): Promise<void> {
  const { request_id: _r, ...rest } = row;
  await ex
    .insertInto('campaign_request_star_results')
    .values(row)
    .onConflict((oc) => oc.column('request_id').doUpdateSet(rest))
    .execute();
}

export async function deleteRequestStarResult(ex: Executor, orgId: string, requestId: string): Promise<void> {
  await ex
    .deleteFrom('campaign_request_star_results')
    .where('org_id', '=', orgId)
    .where('request_id', '=', requestId)
    .execute();
}

export async function findRequestStarResult(
  ex: Executor,
  orgId: string,
  requestId: string,
): Promise<RequestStarResultRow | undefined> {
  return ex
    .selectFrom('campaign_request_star_results')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

/**
 * Every ★ result attached to the buyer's requests, with the registry entry it was addressed to, latest
 * attached first (the buyer picks the newest unexpired one per supplier).
 */
export async function listAttachedStarResults(
  ex: Executor,
  orgId: string,
): Promise<(RequestStarResultRow & { supplier_id: string })[]> {
  return ex
    .selectFrom('campaign_request_star_results as a')
    .innerJoin('campaign_requests as r', 'r.id', 'a.request_id')
    .selectAll('a')
    .select('r.supplier_id')
    .where('a.org_id', '=', orgId)
    .where('r.org_id', '=', orgId)
    .orderBy('a.attached_at', 'desc')
    .orderBy('a.request_id')
    .execute();
}

/**
 * Where the supplier's ★ result is shown: each buyer's request carrying a copy of it, with its status.
 * `lock` (PostgreSQL, inside a transaction) holds those requests until it ends, so a buyer's acceptance
 * cannot commit between the lock check of a correction and its writes.
 */
export async function listStarResultCopies(
  ex: Executor,
  supplierOrgId: string,
  starResultId?: string,
  lock = false,
): Promise<{ request_id: string; org_id: string; star_result_id: string; status: string }[]> {
  let q = ex
    .selectFrom('campaign_request_star_results as a')
    .innerJoin('campaign_requests as r', 'r.id', 'a.request_id')
    .select(['a.request_id', 'a.org_id', 'a.star_result_id', 'r.status'])
    .where('a.supplier_org_id', '=', supplierOrgId)
    .whereRef('r.org_id', '=', 'a.org_id');
  if (starResultId !== undefined) q = q.where('a.star_result_id', '=', starResultId);
  if (lock) q = q.forUpdate();
  return q.orderBy('a.request_id').execute();
}

/** Replaces what a buyer's request shows of a corrected ★ result (the buyer's copy, one request). */
export async function correctRequestStarResult(
  ex: Executor,
  orgId: string,
  requestId: string,
  patch: Partial<Omit<RequestStarResultRow, 'request_id' | 'org_id' | 'supplier_org_id' | 'star_result_id'>>,
): Promise<void> {
  await ex
    .updateTable('campaign_request_star_results')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('request_id', '=', requestId)
    .execute();
}
