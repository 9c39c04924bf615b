import type { Selectable } from 'kysely';
import type { Executor } from '../modules.ts';
import type { OrganizationsTable } from './tables.ts';

export type OrganizationRow = Selectable<OrganizationsTable>;

export interface NewOrganization {
  id: string;
  slug: string;
  name: string;
  kind: string;
  corporateNumber: string | null;
  industry: string | null;
  size: string | null;
  prefecture: string | null;
  now: string;
}

export async function insertOrganization(ex: Executor, o: NewOrganization): Promise<void> {
  await ex
    .insertInto('organizations')
    .values({
      id: o.id,
      slug: o.slug,
      name: o.name,
      kind: o.kind,
      corporate_number: o.corporateNumber,
      industry: o.industry,
      size: o.size,
      prefecture: o.prefecture,
      created_at: o.now,
      updated_at: o.now,
    })
    .execute();
}

export async function findOrganization(ex: Executor, id: string): Promise<OrganizationRow | undefined> {
  return ex.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganizationBySlug(
  ex: Executor,
  slug: string,
): Promise<OrganizationRow | undefined> {
  return ex.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export type OrganizationPatch = Partial<
  Pick<OrganizationsTable, 'name' | 'kind' | 'corporate_number' | 'industry' | 'size' | 'prefecture'>
>;

export async function updateOrganization(
  ex: Executor,
  id: string,
  patch: OrganizationPatch,
  now: string,
): Promise<void> {
  await ex
    .updateTable('organizations')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Organizations a user belongs to, with the user's role, ordered by name. */
export async function listOrganizationsOfUser(
  ex: Executor,
  userId: string,
): Promise<(OrganizationRow & { role: string })[]> {
  return ex
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .selectAll('o')
    .select('m.role')
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
}
