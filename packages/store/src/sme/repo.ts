import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { SecurityActionDeclarationsTable, SmePoliciesTable } from './tables.ts';

export type SmePolicyRow = Selectable<SmePoliciesTable>;
export type DeclarationRow = Selectable<SecurityActionDeclarationsTable>;

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
