import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { SoftwareSharesTable } from './tables.ts';

/** Releases a supplier shares with related organizations, and where a package is used across own and shared releases. */
export type SoftwareShareRow = Selectable<SoftwareSharesTable>;

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

/** Revokes every release share `orgId` made with `withOrgId` still standing; returns the ids revoked. */
export async function revokeSoftwareSharesBetween(
  ex: Executor,
  orgId: string,
  withOrgId: string,
  now: string,
): Promise<string[]> {
  const rows = await ex
    .updateTable('software_shares')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('with_org_id', '=', withOrgId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
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
 * Answered from the package keys' covering index (migration 0037) for releases whose keys are complete,
 * and from the components of the few releases whose keys the `software.keys` job has not written yet
 * (one seek each); version ranges are the caller's (vers) business.
 */
export async function whereUsed(
  ex: Executor,
  orgId: string,
  purlKey: string,
  sharedFrom: readonly string[],
): Promise<WhereUsedRow[]> {
  // Both tables have the columns read here; typed as one of them so that the builder's types stay one.
  const branch = (table: 'software_component_keys' | 'software_components') =>
    ex
      .selectFrom(`${table} as c` as 'software_components as c')
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
                // Made under the relationship that is active now, not under an earlier, ended one.
                .innerJoin('relationships as rel', (j) =>
                  j.onRef('rel.to_org_id', '=', 's.org_id').onRef('rel.from_org_id', '=', 's.with_org_id'),
                )
                .select('s.release_id')
                .where('s.with_org_id', '=', orgId)
                .where('s.revoked_at', 'is', null)
                .where('s.org_id', 'in', [...sharedFrom])
                .where('rel.type', '=', 'buyer_supplier')
                .where('rel.status', '=', 'active')
                .whereRef('s.created_at', '>=', 'rel.accepted_at'),
            ),
          ]),
        ]);
      });
  return branch('software_component_keys')
    .where('r.keys_indexed_at', 'is not', null)
    .unionAll(
      branch('software_components').where('c.release_id', 'in', (eb) =>
        eb
          .selectFrom('software_releases as w')
          .select('w.id')
          .where('w.sbom_uploaded_at', 'is not', null)
          .where('w.keys_indexed_at', 'is', null)
          .where('w.org_id', 'in', [orgId, ...sharedFrom]),
      ),
    )
    .orderBy('product_name')
    .orderBy('release_version')
    .limit(20_000)
    .execute();
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
