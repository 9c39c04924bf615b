import type { Executor } from '../database.ts';

/** Names of organizations (the suppliers linked on Shinrai), by id. */
export async function supplierOrgNames(ex: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await ex
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Whether `buyerId` has an active buyer → supplier relationship with `supplierOrgId`. */
export async function isActiveSupplierOf(
  ex: Executor,
  buyerId: string,
  supplierOrgId: string,
): Promise<boolean> {
  const r = await ex
    .selectFrom('relationships')
    .select('id')
    .where('type', '=', 'buyer_supplier')
    .where('status', '=', 'active')
    .where('from_org_id', '=', buyerId)
    .where('to_org_id', '=', supplierOrgId)
    .executeTakeFirst();
  return r !== undefined;
}

/** The organizations `orgId` is an active buyer of (its suppliers on Shinrai), with their names. */
export async function activeSupplierOrgs(
  ex: Executor,
  orgId: string,
): Promise<{ id: string; name: string }[]> {
  return ex
    .selectFrom('relationships as r')
    .innerJoin('organizations as o', 'o.id', 'r.to_org_id')
    .select(['o.id as id', 'o.name as name'])
    .where('r.type', '=', 'buyer_supplier')
    .where('r.status', '=', 'active')
    .where('r.from_org_id', '=', orgId)
    .orderBy('o.name')
    .execute();
}

/** The organizations `orgId` is an active supplier of (its buyers on Shinrai), with their names. */
export async function activeBuyerOrgs(ex: Executor, orgId: string): Promise<{ id: string; name: string }[]> {
  return ex
    .selectFrom('relationships as r')
    .innerJoin('organizations as o', 'o.id', 'r.from_org_id')
    .select(['o.id as id', 'o.name as name'])
    .where('r.type', '=', 'buyer_supplier')
    .where('r.status', '=', 'active')
    .where('r.to_org_id', '=', orgId)
    .orderBy('o.name')
    .execute();
}
