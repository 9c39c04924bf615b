import type { Selectable } from 'kysely';
import type {
  AssessmentSharesTable,
  Executor,
  SecurityActionDeclarationsTable,
  SmePoliciesTable,
} from '../schema.ts';

export type SmePolicyRow = Selectable<SmePoliciesTable>;
export type DeclarationRow = Selectable<SecurityActionDeclarationsTable>;
export type ShareRow = Selectable<AssessmentSharesTable>;

export async function findSmePolicy(ex: Executor, orgId: string): Promise<SmePolicyRow | undefined> {
  return ex.selectFrom('sme_policies').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function saveSmePolicy(
  ex: Executor,
  orgId: string,
  input: string,
  by: string | null,
  now: string,
): Promise<void> {
  await ex
    .insertInto('sme_policies')
    .values({ org_id: orgId, input, published: 0, published_at: null, updated_by: by, updated_at: now })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ input, updated_by: by, updated_at: now }))
    .execute();
}

export async function setSmePolicyPublished(
  ex: Executor,
  orgId: string,
  published: boolean,
  now: string,
): Promise<boolean> {
  const r = await ex
    .updateTable('sme_policies')
    .set({ published: published ? 1 : 0, published_at: published ? now : null })
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The published policy of an organization, by its public slug (the only thing of it that is public). */
export async function findPublishedPolicyBySlug(
  ex: Executor,
  slug: string,
): Promise<(SmePolicyRow & { org_name: string }) | undefined> {
  return ex
    .selectFrom('sme_policies as p')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .selectAll('p')
    .select('o.name as org_name')
    .where('o.slug', '=', slug)
    .where('p.published', '=', 1)
    .executeTakeFirst();
}

export async function insertDeclaration(ex: Executor, row: DeclarationRow): Promise<void> {
  await ex.insertInto('security_action_declarations').values(row).execute();
}

export async function listDeclarations(ex: Executor, orgId: string): Promise<DeclarationRow[]> {
  return ex
    .selectFrom('security_action_declarations')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('declared_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

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
 * Shares visible to `withOrgId`: not revoked, and only while the sharer still has an active
 * buyer→supplier relationship with it (ending the relationship ends what the buyer sees).
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
    .where('r.status', '=', 'active');
  if (id !== undefined) q = q.where('s.id', '=', id);
  return q.orderBy('s.created_at', 'desc').execute();
}
