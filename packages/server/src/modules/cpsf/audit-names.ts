import type { AuditNameLookup } from '../../platform/module.ts';

/** CPSF models by name, in the organization whose audit log is read. */
export const cpsfAuditNames: Record<string, AuditNameLookup> = {
  cpsf_model: async (deps, orgId, ids) => {
    const rows = await deps.store.db
      .selectFrom('cpsf_models')
      .select(['id', 'name'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};
