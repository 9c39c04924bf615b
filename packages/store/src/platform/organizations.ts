import { sql, type Selectable } from 'kysely';
import type { Executor } from '../database.ts';
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
  discoverable?: boolean;
  now: string;
}

/** The name as search compares it: NFKC (full/half width folded), lower case, spaces removed. */
export function orgSearchName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
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
      discoverable: o.discoverable ? 1 : 0,
      search_name: orgSearchName(o.name),
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
  Pick<
    OrganizationsTable,
    'name' | 'kind' | 'corporate_number' | 'industry' | 'size' | 'prefecture' | 'discoverable'
  >
>;

export async function updateOrganization(
  ex: Executor,
  id: string,
  patch: OrganizationPatch,
  now: string,
): Promise<void> {
  await ex
    .updateTable('organizations')
    .set({
      ...patch,
      ...(patch.name === undefined ? {} : { search_name: orgSearchName(patch.name) }),
      updated_at: now,
    })
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

/** What a directory search shows of an organization: never its members. */
export type DirectoryEntry = Pick<OrganizationRow, 'id' | 'slug' | 'name' | 'kind' | 'prefecture'>;

/**
 * Organizations that allow being found, by exact 法人番号 or by a part of the normalised name; never the
 * searching organization itself. At most `limit` rows, by name.
 */
export async function searchDirectory(
  ex: Executor,
  q: { corporateNumber: string } | { name: string },
  excludeOrgId: string,
  limit: number,
): Promise<DirectoryEntry[]> {
  let query = ex
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'kind', 'prefecture'])
    .where('discoverable', '=', 1)
    .where('id', '!=', excludeOrgId);
  if ('corporateNumber' in q) query = query.where('corporate_number', '=', q.corporateNumber);
  else {
    const pattern = `%${orgSearchName(q.name).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`search_name like ${pattern} escape '\\'`);
  }
  return query.orderBy('search_name').orderBy('id').limit(limit).execute();
}
