import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { SupplierRegistrySharesTable, SupplierStarDecisionsTable, SuppliersTable } from './tables.ts';

export type StarDecisionRow = Selectable<SupplierStarDecisionsTable>;
export type RegistryShareRow = Selectable<SupplierRegistrySharesTable>;

export async function insertStarDecision(ex: Executor, row: StarDecisionRow): Promise<void> {
  await ex.insertInto('supplier_star_decisions').values(row).execute();
}

/** A supplier's ★ decisions, the latest first (the first is the current one). */
export async function listStarDecisions(
  ex: Executor,
  orgId: string,
  supplierId: string,
): Promise<StarDecisionRow[]> {
  return ex
    .selectFrom('supplier_star_decisions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('supplier_id', '=', supplierId)
    .orderBy('decided_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The active share of `orgId`'s registry with `withOrgId`, if any. */
export async function findActiveRegistryShare(
  ex: Executor,
  orgId: string,
  withOrgId: string,
): Promise<RegistryShareRow | undefined> {
  return ex
    .selectFrom('supplier_registry_shares')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('with_org_id', '=', withOrgId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** The shares an organization made of its registry (active and revoked), newest first. */
export async function listRegistrySharesBy(ex: Executor, orgId: string): Promise<RegistryShareRow[]> {
  return ex
    .selectFrom('supplier_registry_shares')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertRegistryShare(ex: Executor, row: RegistryShareRow): Promise<void> {
  await ex.insertInto('supplier_registry_shares').values(row).execute();
}

/** Revokes the active share(s) of `orgId`'s registry with `withOrgId`; how many were active. */
export async function revokeRegistryShares(
  ex: Executor,
  orgId: string,
  withOrgId: string,
  now: string,
): Promise<number> {
  const r = await ex
    .updateTable('supplier_registry_shares')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('with_org_id', '=', withOrgId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * The direct suppliers of the organizations in `sharerIds` that actively share their registry with
 * `buyerId` (the buyer's tier 2 through the relationship graph). Nothing of an organization that does not share.
 */
export async function listSharedRegistries(
  ex: Executor,
  buyerId: string,
  sharerIds: readonly string[],
): Promise<Selectable<SuppliersTable>[]> {
  if (sharerIds.length === 0) return [];
  return ex
    .selectFrom('suppliers as s')
    .innerJoin('supplier_registry_shares as sh', (j) =>
      j
        .onRef('sh.org_id', '=', 's.org_id')
        .on('sh.with_org_id', '=', buyerId)
        .on('sh.revoked_at', 'is', null),
    )
    .selectAll('s')
    .where('s.org_id', 'in', [...sharerIds])
    .where('s.parent_supplier_id', 'is', null)
    .orderBy('s.org_id')
    .orderBy('s.name')
    .execute();
}

/** Allows (or stops allowing) the organization a registry is shared with to pass it on to its own buyers. */
export async function setRegistryShareOnward(ex: Executor, id: string, onward: boolean): Promise<void> {
  await ex
    .updateTable('supplier_registry_shares')
    .set({ onward: onward ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

/** One hop of the chain: `sharer`'s registry as seen by `viewer` (the organization one tier up). */
export interface ShareHop {
  sharer: string;
  viewer: string;
}

/**
 * The direct suppliers of each `sharer` that actively shares its registry with its `viewer` — with
 * `onwardOnly`, only where that share also allows the viewer to pass it on (tier 3 and beyond). Rows carry
 * the sharer in `org_id`; a sharer appearing under several viewers is answered once per pair.
 */
export async function listRegistriesSharedAlong(
  ex: Executor,
  hops: readonly ShareHop[],
  onwardOnly: boolean,
): Promise<(Selectable<SuppliersTable> & { viewer: string })[]> {
  const out: (Selectable<SuppliersTable> & { viewer: string })[] = [];
  for (let i = 0; i < hops.length; i += 100) {
    const chunk = hops.slice(i, i + 100);
    let q = ex
      .selectFrom('suppliers as s')
      .innerJoin('supplier_registry_shares as sh', (j) =>
        j.onRef('sh.org_id', '=', 's.org_id').on('sh.revoked_at', 'is', null),
      )
      .selectAll('s')
      .select('sh.with_org_id as viewer')
      .where('s.parent_supplier_id', 'is', null)
      .where((eb) =>
        eb.or(chunk.map((h) => eb.and([eb('s.org_id', '=', h.sharer), eb('sh.with_org_id', '=', h.viewer)]))),
      );
    if (onwardOnly) q = q.where('sh.onward', '=', 1);
    out.push(...(await q.orderBy('s.org_id').orderBy('s.name').orderBy('s.id').execute()));
  }
  return out;
}
