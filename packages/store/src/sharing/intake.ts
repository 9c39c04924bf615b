import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type {
  SharingIntakeImportsTable,
  SharingIntakeObjectsTable,
  SharingIntakeSourcesTable,
} from './tables.ts';

export type SharingIntakeObjectRow = Selectable<SharingIntakeObjectsTable>;
export type SharingIntakeImportRow = Selectable<SharingIntakeImportsTable>;
export type SharingIntakeSourceRow = Selectable<SharingIntakeSourcesTable>;

/** The newest version held of each of `ids` for the organization (ids in chunks). */
export async function currentIntakeVersions(
  ex: Executor,
  orgId: string,
  ids: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await ex
      .selectFrom('sharing_intake_objects')
      .select(['stix_id', 'version'])
      .where('org_id', '=', orgId)
      .where('is_current', '=', 1)
      .where('stix_id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.stix_id, r.version);
  }
  return out;
}

/** Which of `versions` (id + version) the organization holds already, current or not. */
export async function heldIntakeVersions(ex: Executor, orgId: string, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await ex
      .selectFrom('sharing_intake_objects')
      .select(['stix_id', 'version'])
      .where('org_id', '=', orgId)
      .where('stix_id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(`${r.stix_id}\n${r.version}`);
  }
  return out;
}

export async function insertIntakeObjects(ex: Executor, rows: SharingIntakeObjectRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100)
    await ex
      .insertInto('sharing_intake_objects')
      .values(rows.slice(i, i + 100))
      .execute();
}

/** Marks the held versions of `ids` as no longer current (a newer version is being written). */
export async function retireIntakeVersions(ex: Executor, orgId: string, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500)
    await ex
      .updateTable('sharing_intake_objects')
      .set({ is_current: 0 })
      .where('org_id', '=', orgId)
      .where('is_current', '=', 1)
      .where('stix_id', 'in', ids.slice(i, i + 500))
      .execute();
}

export async function insertIntakeImport(ex: Executor, row: SharingIntakeImportRow): Promise<void> {
  await ex.insertInto('sharing_intake_imports').values(row).execute();
}

export async function listIntakeImports(ex: Executor, orgId: string, limit = 20) {
  return ex
    .selectFrom('sharing_intake_imports')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export interface IntakeObjectFilter {
  types: string[];
  tlp?: string | null;
  source?: string;
  producer?: string;
  limit: number;
}

/** The current versions of the organization's imported objects of `types`, newest first. */
export async function listIntakeObjects(ex: Executor, orgId: string, f: IntakeObjectFilter) {
  let q = ex
    .selectFrom('sharing_intake_objects')
    .select([
      'stix_id',
      'stix_type',
      'version',
      'tlp',
      'producer',
      'source_label',
      'name',
      'value',
      'first_seen',
      'last_seen',
      'added_at',
    ])
    .where('org_id', '=', orgId)
    .where('is_current', '=', 1)
    .where('stix_type', 'in', f.types);
  if (f.tlp === null) q = q.where('tlp', 'is', null);
  else if (f.tlp !== undefined) q = q.where('tlp', '=', f.tlp);
  if (f.source !== undefined) q = q.where('source_label', '=', f.source);
  if (f.producer !== undefined) q = q.where('producer', '=', f.producer);
  return q.orderBy('version', 'desc').orderBy('stix_id').limit(f.limit).execute();
}

/** How many versions of objects the organization holds, current and all. */
export async function countIntakeObjects(ex: Executor, orgId: string) {
  const r = await ex
    .selectFrom('sharing_intake_objects')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('all'),
      eb.fn.sum<number | string>('is_current').as('current'),
    ])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return { all: Number(r?.all ?? 0), current: Number(r?.current ?? 0) };
}

/** The distinct sources (file names, TAXII source names) of the organization's imported objects. */
export async function intakeSourceLabels(ex: Executor, orgId: string): Promise<string[]> {
  const rows = await ex
    .selectFrom('sharing_intake_objects')
    .select('source_label')
    .distinct()
    .where('org_id', '=', orgId)
    .orderBy('source_label')
    .execute();
  return rows.map((r) => r.source_label);
}

export async function listIntakeSources(ex: Executor, orgId?: string) {
  let q = ex.selectFrom('sharing_intake_sources').selectAll();
  if (orgId !== undefined) q = q.where('org_id', '=', orgId);
  return q.orderBy('created_at').orderBy('id').execute();
}

export async function findIntakeSource(ex: Executor, id: string) {
  return ex.selectFrom('sharing_intake_sources').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertIntakeSource(ex: Executor, row: SharingIntakeSourceRow): Promise<void> {
  await ex.insertInto('sharing_intake_sources').values(row).execute();
}

export async function updateIntakeSource(
  ex: Executor,
  id: string,
  patch: Partial<Omit<SharingIntakeSourceRow, 'id' | 'org_id'>>,
): Promise<void> {
  await ex.updateTable('sharing_intake_sources').set(patch).where('id', '=', id).execute();
}

export async function deleteIntakeSource(ex: Executor, id: string): Promise<void> {
  await ex.deleteFrom('sharing_intake_sources').where('id', '=', id).execute();
}
