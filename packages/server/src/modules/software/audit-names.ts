import type { AuditNameLookup } from '../../platform/module.ts';

/** Products by name and releases as "product version", in the organization whose audit log is read. */
export const softwareAuditNames: Record<string, AuditNameLookup> = {
  software_product: async (deps, orgId, ids) => {
    const rows = await deps.store.db
      .selectFrom('software_products')
      .select(['id', 'name'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  software_release: async (deps, orgId, ids) => {
    const rows = await deps.store.db
      .selectFrom('software_releases as r')
      .innerJoin('software_products as p', 'p.id', 'r.product_id')
      .select(['r.id', 'r.version', 'p.name'])
      .where('r.org_id', '=', orgId)
      .where('r.id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, `${r.name} ${r.version}`]));
  },
};
