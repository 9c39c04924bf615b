import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { MappingSetsTable } from './tables.ts';
import { BUILTIN_SCOPE } from './catalogs.ts';

export type MappingSetRow = Selectable<MappingSetsTable>;

export async function insertMappingSet(ex: Executor, row: MappingSetRow): Promise<void> {
  await ex.insertInto('mapping_sets').values(row).execute();
}

export async function findMappingSetVersion(
  ex: Executor,
  scope: string,
  urn: string,
  version: string,
): Promise<MappingSetRow | undefined> {
  return ex
    .selectFrom('mapping_sets')
    .selectAll()
    .where('scope', '=', scope)
    .where('urn', '=', urn)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Mapping sets an organization may use: built-in ones and its own. */
export async function listMappingSetsForOrg(ex: Executor, orgId: string): Promise<MappingSetRow[]> {
  return ex
    .selectFrom('mapping_sets')
    .selectAll()
    .where('scope', 'in', [BUILTIN_SCOPE, orgId])
    .orderBy('urn')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function findMappingSetForOrg(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<MappingSetRow | undefined> {
  return ex
    .selectFrom('mapping_sets')
    .selectAll()
    .where('id', '=', id)
    .where('scope', 'in', [BUILTIN_SCOPE, orgId])
    .executeTakeFirst();
}
