import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { AssessmentSharesTable } from './tables.ts';

/**
 * Explicit, revocable shares of an assessment result with a buyer. They belong to the assessments module:
 * a share is access to an assessment (any catalog, not only the SME ones) and references it; what a buyer
 * then reads is the assessment and its answers.
 */
export type ShareRow = Selectable<AssessmentSharesTable>;

export async function insertShare(ex: Executor, row: ShareRow): Promise<void> {
  await ex.insertInto('assessment_shares').values(row).execute();
}

export async function listSharesOf(ex: Executor, orgId: string): Promise<ShareRow[]> {
  return ex
    .selectFrom('assessment_shares')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeShare(ex: Executor, orgId: string, id: string, now: string): Promise<boolean> {
  const r = await ex
    .updateTable('assessment_shares')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Revokes every share `orgId` made with `withOrgId` that still stands (the relationship between them
 * ended); returns the ids revoked.
 */
export async function revokeSharesBetween(
  ex: Executor,
  orgId: string,
  withOrgId: string,
  now: string,
): Promise<string[]> {
  const rows = await ex
    .updateTable('assessment_shares')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('with_org_id', '=', withOrgId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Shares visible to `withOrgId`: not revoked, and only while the sharer still has an active
 * buyer→supplier relationship with it (ending the relationship ends what the buyer sees), made under
 * that relationship (not before it was accepted: a share from an earlier, ended one stays gone).
 */
export async function listSharesWith(ex: Executor, withOrgId: string, id?: string) {
  let q = ex
    .selectFrom('assessment_shares as s')
    .innerJoin('organizations as o', 'o.id', 's.org_id')
    .innerJoin('relationships as r', (j) =>
      j.onRef('r.to_org_id', '=', 's.org_id').onRef('r.from_org_id', '=', 's.with_org_id'),
    )
    .selectAll('s')
    .select(['o.name as org_name', 'o.slug as org_slug'])
    .where('s.with_org_id', '=', withOrgId)
    .where('s.revoked_at', 'is', null)
    .where('r.type', '=', 'buyer_supplier')
    .where('r.status', '=', 'active')
    .whereRef('s.created_at', '>=', 'r.accepted_at');
  if (id !== undefined) q = q.where('s.id', '=', id);
  return q.orderBy('s.created_at', 'desc').execute();
}
