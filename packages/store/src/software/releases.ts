import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import { insertChunked } from './bulk.ts';
import type {
  SoftwareComponentsTable,
  SoftwareFindingsTable,
  SoftwareProductsTable,
  SoftwareReleasesTable,
} from './tables.ts';

/** Products, their releases and each release's SBOM (components and the findings matched on them). */
export type SoftwareProductRow = Selectable<SoftwareProductsTable>;
export type SoftwareReleaseRow = Selectable<SoftwareReleasesTable>;
export type SoftwareComponentRow = Selectable<SoftwareComponentsTable>;

// ---- products -------------------------------------------------------------------------------

export async function insertSoftwareProduct(ex: Executor, row: SoftwareProductRow): Promise<void> {
  await ex.insertInto('software_products').values(row).execute();
}

export async function listSoftwareProducts(ex: Executor, orgId: string): Promise<SoftwareProductRow[]> {
  return ex
    .selectFrom('software_products')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function findSoftwareProduct(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<SoftwareProductRow | undefined> {
  return ex
    .selectFrom('software_products')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findSoftwareProductByName(
  ex: Executor,
  orgId: string,
  name: string,
): Promise<SoftwareProductRow | undefined> {
  return ex
    .selectFrom('software_products')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function updateSoftwareProduct(
  ex: Executor,
  orgId: string,
  id: string,
  change: Partial<Pick<SoftwareProductRow, 'name' | 'kind' | 'vendor' | 'support_ends'>> & {
    updated_at: string;
  },
): Promise<void> {
  await ex
    .updateTable('software_products')
    .set(change)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteSoftwareProduct(ex: Executor, orgId: string, id: string): Promise<boolean> {
  const r = await ex
    .deleteFrom('software_products')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

// ---- releases -------------------------------------------------------------------------------

export async function insertSoftwareRelease(
  ex: Executor,
  row: Insertable<SoftwareReleasesTable>,
): Promise<void> {
  await ex.insertInto('software_releases').values(row).execute();
}

export type SoftwareReleaseSummaryRow = Omit<SoftwareReleaseRow, 'graph' | 'keys_indexed_at'>;
const RELEASE_SUMMARY = [
  'id',
  'org_id',
  'product_id',
  'version',
  'released_on',
  'support_ends',
  'sbom_format',
  'sbom_spec_version',
  'sbom_uploaded_at',
  'component_count',
  'created_at',
] as const;

export async function listSoftwareReleases(
  ex: Executor,
  orgId: string,
  productId?: string,
): Promise<SoftwareReleaseSummaryRow[]> {
  let q = ex.selectFrom('software_releases').select(RELEASE_SUMMARY).where('org_id', '=', orgId);
  if (productId !== undefined) q = q.where('product_id', '=', productId);
  return q.orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function findSoftwareRelease(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<SoftwareReleaseRow | undefined> {
  return ex
    .selectFrom('software_releases')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findSoftwareReleaseByVersion(
  ex: Executor,
  orgId: string,
  productId: string,
  version: string,
): Promise<SoftwareReleaseRow | undefined> {
  return ex
    .selectFrom('software_releases')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('product_id', '=', productId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function deleteSoftwareRelease(ex: Executor, orgId: string, id: string): Promise<boolean> {
  const r = await ex
    .deleteFrom('software_releases')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/**
 * Replaces a release's SBOM: its components (and with them their findings) go, the new components and
 * findings come in, in chunks. Call inside a transaction so that a failure leaves the old SBOM.
 */
export async function replaceSoftwareSbom(
  ex: Executor,
  release: Pick<
    SoftwareReleaseRow,
    'id' | 'org_id' | 'sbom_format' | 'sbom_spec_version' | 'sbom_uploaded_at' | 'component_count' | 'graph'
  >,
  components: readonly Insertable<SoftwareComponentsTable>[],
  findings: readonly Insertable<SoftwareFindingsTable>[],
): Promise<void> {
  await ex.deleteFrom('software_findings').where('release_id', '=', release.id).execute();
  await ex.deleteFrom('software_components').where('release_id', '=', release.id).execute();
  await ex
    .updateTable('software_releases')
    .set({
      sbom_format: release.sbom_format,
      sbom_spec_version: release.sbom_spec_version,
      sbom_uploaded_at: release.sbom_uploaded_at,
      keys_indexed_at: null, // the keys job writes the new SBOM's package keys after the upload
      component_count: release.component_count,
      graph: release.graph,
    })
    .where('org_id', '=', release.org_id)
    .where('id', '=', release.id)
    .execute();
  await insertChunked(ex, 'software_components', components);
  await insertSoftwareFindings(ex, findings);
}

/** Replaces the graph kept with a release's SBOM (its "cannot evaluate" notes change on a re-match). */
export async function updateSoftwareReleaseGraph(
  ex: Executor,
  orgId: string,
  releaseId: string,
  graph: string,
): Promise<void> {
  await ex
    .updateTable('software_releases')
    .set({ graph })
    .where('org_id', '=', orgId)
    .where('id', '=', releaseId)
    .execute();
}

/** Adds components to a release (an SBOM written chunk by chunk inside one transaction). */
export async function insertSoftwareComponents(
  ex: Executor,
  components: readonly Insertable<SoftwareComponentsTable>[],
): Promise<void> {
  await insertChunked(ex, 'software_components', components);
}

export async function insertSoftwareFindings(
  ex: Executor,
  findings: readonly Insertable<SoftwareFindingsTable>[],
): Promise<void> {
  await insertChunked(ex, 'software_findings', findings);
}

/** Replaces the findings of one release (re-match); returns nothing, the caller compares before/after. */
export async function replaceSoftwareFindings(
  ex: Executor,
  releaseId: string,
  findings: readonly Insertable<SoftwareFindingsTable>[],
): Promise<void> {
  await ex.deleteFrom('software_findings').where('release_id', '=', releaseId).execute();
  await insertSoftwareFindings(ex, findings);
}

// ---- components and findings ----------------------------------------------------------------

export async function listSoftwareComponents(
  ex: Executor,
  orgId: string,
  releaseId: string,
): Promise<SoftwareComponentRow[]> {
  return ex
    .selectFrom('software_components')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('release_id', '=', releaseId)
    .orderBy('name')
    .orderBy('version')
    .orderBy('id')
    .execute();
}

// ---- re-match -------------------------------------------------------------------------------

/**
 * Releases (with their org) holding a component of one of the OSV packages `keys` ({ecosystem base, name}):
 * from the package keys (migration 0037), and from the components of releases whose keys are not written
 * yet. A release with keys left from an earlier SBOM may come out too: it is only re-matched for nothing.
 */
export async function releasesWithPackages(
  ex: Executor,
  keys: readonly { ecosystem: string; name: string }[],
): Promise<{ release_id: string; org_id: string }[]> {
  if (keys.length === 0) return [];
  const names = [...new Set(keys.map((k) => k.name))];
  const wanted = new Set(keys.map((k) => `${k.ecosystem}\u0000${k.name}`));
  const out = new Map<string, string>();
  for (let i = 0; i < names.length; i += 500) {
    const some = names.slice(i, i + 500);
    const rows = await ex
      .selectFrom('software_component_keys')
      .select(['release_id', 'org_id', 'ecosystem', 'osv_name'])
      .where('osv_name', 'in', some)
      .unionAll(
        ex
          .selectFrom('software_components')
          .select(['release_id', 'org_id', 'ecosystem', 'osv_name'])
          .where('osv_name', 'in', some)
          .where('release_id', 'in', (eb) =>
            eb
              .selectFrom('software_releases')
              .select('id')
              .where('sbom_uploaded_at', 'is not', null)
              .where('keys_indexed_at', 'is', null),
          ),
      )
      .execute();
    for (const r of rows) {
      const base = (r.ecosystem ?? '').split(':')[0] ?? '';
      if (wanted.has(`${base}\u0000${r.osv_name ?? ''}`)) out.set(r.release_id, r.org_id);
    }
  }
  return [...out].map(([release_id, org_id]) => ({ release_id, org_id }));
}

/** Every release that has an SBOM (a full re-match). */
export async function allSoftwareReleaseIds(ex: Executor): Promise<{ release_id: string; org_id: string }[]> {
  return ex
    .selectFrom('software_releases')
    .select(['id as release_id', 'org_id'])
    .where('sbom_uploaded_at', 'is not', null)
    .execute();
}

/** Counts used by tests and the release view. */
export async function countSoftwareRows(ex: Executor, releaseId: string) {
  const [c, f] = await Promise.all([
    ex
      .selectFrom('software_components')
      .select(sql<number>`count(*)`.as('n'))
      .where('release_id', '=', releaseId)
      .executeTakeFirstOrThrow(),
    ex
      .selectFrom('software_findings')
      .select(sql<number>`count(*)`.as('n'))
      .where('release_id', '=', releaseId)
      .executeTakeFirstOrThrow(),
  ]);
  return { components: Number(c.n), findings: Number(f.n) };
}
