import { CompiledQuery, sql, type Insertable, type Selectable } from 'kysely';
import type { Database, Executor } from '../modules.ts';
import type {
  SoftwareArtifactsTable,
  SoftwareComponentsTable,
  SoftwareFindingsTable,
  SoftwareIncidentsTable,
  SoftwareNotificationSettingsTable,
  SoftwareProductsTable,
  SoftwareReleasesTable,
  SoftwareSharesTable,
  SoftwareVexTable,
} from './tables.ts';

export type SoftwareProductRow = Selectable<SoftwareProductsTable>;
export type SoftwareReleaseRow = Selectable<SoftwareReleasesTable>;
export type SoftwareComponentRow = Selectable<SoftwareComponentsTable>;
export type SoftwareFindingRow = Selectable<SoftwareFindingsTable>;
export type SoftwareVexRow = Selectable<SoftwareVexTable>;
export type SoftwareArtifactRow = Selectable<SoftwareArtifactsTable>;
export type SoftwareIncidentRow = Selectable<SoftwareIncidentsTable>;
export type SoftwareShareRow = Selectable<SoftwareSharesTable>;
export type SoftwareNotificationRow = Selectable<SoftwareNotificationSettingsTable>;

/** VEX statuses that take a finding off the open list. */
export const SUPPRESSING_VEX = ['not_affected', 'fixed'] as const;

/** Rows per INSERT of a bulk write: the same SQL text each time, so SQLite reuses the prepared statement. */
const BULK_ROWS = 500;

/** The values of `rows` in `keys` order, row after row; undefined when a row has other keys or an undefined value. */
function flatValues(rows: readonly object[], keys: readonly string[]): unknown[] | undefined {
  const out: unknown[] = [];
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    if (Object.keys(r).length !== keys.length) return undefined;
    for (const k of keys) {
      const v = r[k];
      if (v === undefined) return undefined;
      out.push(v);
    }
  }
  return out;
}

/**
 * Inserts many rows of one shape in chunks (under both dialects' bound-parameter limits). Building
 * Kysely's query tree costs more than SQLite spends on the rows, so a chunk is compiled once and its
 * SQL text reused for the next chunks of the same size with their values bound in the same order —
 * only after checking that the compiled query binds exactly those values. Rows of another shape go
 * through Kysely one chunk at a time.
 */
async function insertChunked<K extends 'software_components' | 'software_findings'>(
  ex: Executor,
  table: K,
  rows: readonly Insertable<Database[K]>[],
): Promise<void> {
  const keys = rows[0] === undefined ? [] : Object.keys(rows[0]);
  const size = Math.max(1, Math.min(BULK_ROWS, Math.floor(30_000 / Math.max(1, keys.length))));
  let compiled: { rows: number; sql: string } | undefined;
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const values = flatValues(chunk, keys);
    if (values !== undefined && compiled?.rows === chunk.length) {
      await ex.executeQuery(CompiledQuery.raw(compiled.sql, values));
      continue;
    }
    const query = ex.insertInto(table).values(chunk).compile();
    await ex.executeQuery(query);
    const bound = query.parameters;
    if (values !== undefined && bound.length === values.length && bound.every((v, j) => v === values[j]))
      compiled = { rows: chunk.length, sql: query.sql };
  }
}

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

export async function insertSoftwareRelease(ex: Executor, row: SoftwareReleaseRow): Promise<void> {
  await ex.insertInto('software_releases').values(row).execute();
}

export type SoftwareReleaseSummaryRow = Omit<SoftwareReleaseRow, 'graph'>;
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
      component_count: release.component_count,
      graph: release.graph,
    })
    .where('org_id', '=', release.org_id)
    .where('id', '=', release.id)
    .execute();
  await insertChunked(ex, 'software_components', components);
  await insertSoftwareFindings(ex, findings);
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

export interface SoftwareFindingView extends SoftwareFindingRow {
  component_name: string;
  component_version: string | null;
  component_purl: string | null;
  vex_status: string | null;
  vex_justification: string | null;
  vex_detail: string | null;
  vex_updated_at: string | null;
}

function findingQuery(ex: Executor) {
  return ex
    .selectFrom('software_findings as f')
    .innerJoin('software_components as c', 'c.id', 'f.component_id')
    .leftJoin('software_vex as v', (j) =>
      j
        .onRef('v.release_id', '=', 'f.release_id')
        .onRef('v.advisory_id', '=', 'f.advisory_id')
        .onRef('v.component_ref', '=', 'f.component_ref'),
    )
    .selectAll('f')
    .select([
      'c.name as component_name',
      'c.version as component_version',
      'c.purl as component_purl',
      'v.status as vex_status',
      'v.justification as vex_justification',
      'v.detail as vex_detail',
      'v.updated_at as vex_updated_at',
    ]);
}

export async function listSoftwareFindings(
  ex: Executor,
  orgId: string,
  releaseId: string,
): Promise<SoftwareFindingView[]> {
  return findingQuery(ex)
    .where('f.org_id', '=', orgId)
    .where('f.release_id', '=', releaseId)
    .orderBy('f.score', 'desc')
    .orderBy('f.advisory_id')
    .orderBy('f.id')
    .execute();
}

export async function findSoftwareFinding(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<SoftwareFindingView | undefined> {
  return findingQuery(ex).where('f.org_id', '=', orgId).where('f.id', '=', id).executeTakeFirst();
}

export interface SoftwareRiskRow {
  release_id: string;
  severity: string;
  malicious: number;
  n: number;
}

/** Open findings (not suppressed by VEX) per release, severity and malicious flag. */
/** Open findings counted per release, severity and malice; `releaseIds` narrows to those releases. */
export async function softwareRisk(
  ex: Executor,
  orgId: string,
  releaseIds?: readonly string[],
): Promise<SoftwareRiskRow[]> {
  if (releaseIds !== undefined && releaseIds.length === 0) return [];
  let q = ex
    .selectFrom('software_findings as f')
    .leftJoin('software_vex as v', (j) =>
      j
        .onRef('v.release_id', '=', 'f.release_id')
        .onRef('v.advisory_id', '=', 'f.advisory_id')
        .onRef('v.component_ref', '=', 'f.component_ref'),
    )
    .select(['f.release_id', 'f.severity', 'f.malicious', (eb) => eb.fn.countAll<number>().as('n')])
    .where('f.org_id', '=', orgId)
    .where((eb) => eb.or([eb('v.status', 'is', null), eb('v.status', 'not in', [...SUPPRESSING_VEX])]))
    .groupBy(['f.release_id', 'f.severity', 'f.malicious']);
  if (releaseIds !== undefined) q = q.where('f.release_id', 'in', [...releaseIds]);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, n: Number(r.n), malicious: Number(r.malicious) }));
}

// ---- VEX ------------------------------------------------------------------------------------

export async function putSoftwareVex(ex: Executor, row: SoftwareVexRow): Promise<void> {
  await ex
    .insertInto('software_vex')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['release_id', 'advisory_id', 'component_ref']).doUpdateSet({
        status: row.status,
        justification: row.justification,
        detail: row.detail,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function listSoftwareVex(
  ex: Executor,
  orgId: string,
  releaseId: string,
): Promise<SoftwareVexRow[]> {
  return ex
    .selectFrom('software_vex')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('release_id', '=', releaseId)
    .orderBy('advisory_id')
    .orderBy('component_ref')
    .execute();
}

// ---- license policy, notifications ----------------------------------------------------------

export async function getSoftwareLicensePolicy(
  ex: Executor,
  orgId: string,
): Promise<{ allow: string[]; deny: string[] } | null> {
  const row = await ex
    .selectFrom('software_license_policies')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row ? { allow: JSON.parse(row.allow) as string[], deny: JSON.parse(row.deny) as string[] } : null;
}

export async function putSoftwareLicensePolicy(
  ex: Executor,
  orgId: string,
  policy: { allow: readonly string[]; deny: readonly string[] },
  now: string,
): Promise<void> {
  const values = { allow: JSON.stringify(policy.allow), deny: JSON.stringify(policy.deny), updated_at: now };
  await ex
    .insertInto('software_license_policies')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}

export async function getSoftwareNotifications(
  ex: Executor,
  orgId: string,
): Promise<SoftwareNotificationRow | undefined> {
  return ex
    .selectFrom('software_notification_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function putSoftwareNotifications(ex: Executor, row: SoftwareNotificationRow): Promise<void> {
  const { org_id: _org, ...rest } = row;
  await ex
    .insertInto('software_notification_settings')
    .values(row)
    .onConflict((oc) => oc.column('org_id').doUpdateSet(rest))
    .execute();
}

// ---- artifacts and incidents ----------------------------------------------------------------

export async function putSoftwareArtifact(ex: Executor, row: SoftwareArtifactRow): Promise<void> {
  await ex
    .insertInto('software_artifacts')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['release_id', 'filename']).doUpdateSet({ sha256: row.sha256, signature: row.signature }),
    )
    .execute();
}

export async function listSoftwareArtifacts(
  ex: Executor,
  orgId: string,
  releaseId: string,
): Promise<SoftwareArtifactRow[]> {
  return ex
    .selectFrom('software_artifacts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('release_id', '=', releaseId)
    .orderBy('filename')
    .execute();
}

export async function insertSoftwareIncident(ex: Executor, row: SoftwareIncidentRow): Promise<void> {
  await ex.insertInto('software_incidents').values(row).execute();
}

export async function listSoftwareIncidents(ex: Executor, orgId: string): Promise<SoftwareIncidentRow[]> {
  return ex
    .selectFrom('software_incidents')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(500)
    .execute();
}

// ---- shares ---------------------------------------------------------------------------------

export async function insertSoftwareShare(ex: Executor, row: SoftwareShareRow): Promise<void> {
  await ex.insertInto('software_shares').values(row).execute();
}

export async function findSoftwareShare(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<SoftwareShareRow | undefined> {
  return ex
    .selectFrom('software_shares')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findActiveSoftwareShare(
  ex: Executor,
  orgId: string,
  releaseId: string,
  withOrgId: string,
): Promise<SoftwareShareRow | undefined> {
  return ex
    .selectFrom('software_shares')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('release_id', '=', releaseId)
    .where('with_org_id', '=', withOrgId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function revokeSoftwareShare(ex: Executor, id: string, now: string): Promise<void> {
  await ex.updateTable('software_shares').set({ revoked_at: now }).where('id', '=', id).execute();
}

// ---- where-used -----------------------------------------------------------------------------

export interface WhereUsedRow {
  release_id: string;
  release_version: string;
  product_id: string;
  product_name: string;
  owner_org_id: string;
  owner_org_name: string;
  component_name: string;
  component_version: string | null;
  component_purl: string | null;
}

/**
 * Components with `purlKey` in releases of `orgId`, and — when `sharedFrom` lists supplier organizations
 * with an active relationship — in releases those suppliers shared with `orgId` and have not revoked.
 * Answered from the covering where-used index (migration 0014); version ranges are the caller's (vers) business.
 */
export async function whereUsed(
  ex: Executor,
  orgId: string,
  purlKey: string,
  sharedFrom: readonly string[],
): Promise<WhereUsedRow[]> {
  return ex
    .selectFrom('software_components as c')
    .innerJoin('software_releases as r', 'r.id', 'c.release_id')
    .innerJoin('software_products as p', 'p.id', 'r.product_id')
    .innerJoin('organizations as o', 'o.id', 'r.org_id')
    .select([
      'r.id as release_id',
      'r.version as release_version',
      'p.id as product_id',
      'p.name as product_name',
      'o.id as owner_org_id',
      'o.name as owner_org_name',
      'c.name as component_name',
      'c.version as component_version',
      'c.purl as component_purl',
    ])
    .where('c.purl_key', '=', purlKey)
    .where((eb) => {
      const own = eb('c.org_id', '=', orgId);
      if (sharedFrom.length === 0) return own;
      return eb.or([
        own,
        eb.and([
          eb('c.org_id', 'in', [...sharedFrom]),
          eb(
            'c.release_id',
            'in',
            eb
              .selectFrom('software_shares as s')
              .select('s.release_id')
              .where('s.with_org_id', '=', orgId)
              .where('s.revoked_at', 'is', null)
              .where('s.org_id', 'in', [...sharedFrom]),
          ),
        ]),
      ]);
    })
    .orderBy('p.name')
    .orderBy('r.version')
    .limit(20_000)
    .execute();
}

// ---- re-match -------------------------------------------------------------------------------

/** Releases (with their org) holding a component of one of the OSV packages `keys` ({ecosystem base, name}). */
export async function releasesWithPackages(
  ex: Executor,
  keys: readonly { ecosystem: string; name: string }[],
): Promise<{ release_id: string; org_id: string }[]> {
  if (keys.length === 0) return [];
  const names = [...new Set(keys.map((k) => k.name))];
  const wanted = new Set(keys.map((k) => `${k.ecosystem}\u0000${k.name}`));
  const out = new Map<string, string>();
  for (let i = 0; i < names.length; i += 500) {
    const rows = await ex
      .selectFrom('software_components')
      .select(['release_id', 'org_id', 'ecosystem', 'osv_name'])
      .where('osv_name', 'in', names.slice(i, i + 500))
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

/** Release shares an organization made, newest first, with the product, release and buyer names. */
export async function listSoftwareShares(ex: Executor, orgId: string, releaseId?: string) {
  let query = ex
    .selectFrom('software_shares as s')
    .innerJoin('software_releases as r', 'r.id', 's.release_id')
    .innerJoin('software_products as p', 'p.id', 'r.product_id')
    .innerJoin('organizations as o', 'o.id', 's.with_org_id')
    .select([
      's.id',
      's.release_id',
      's.with_org_id',
      's.created_at',
      's.revoked_at',
      'r.version',
      'p.id as product_id',
      'p.name as product_name',
      'o.name as org_name',
    ])
    .where('s.org_id', '=', orgId)
    .where('r.org_id', '=', orgId);
  if (releaseId !== undefined) query = query.where('s.release_id', '=', releaseId);
  return query.orderBy('s.created_at', 'desc').orderBy('s.id').execute();
}
