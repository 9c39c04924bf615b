import type { AuditNameLookup } from '../../platform/module.ts';

/** Governance actions by title, in the organization whose audit log is read. */
export const governanceAuditNames: Record<string, AuditNameLookup> = {
  governance_action: async (deps, orgId, ids) => {
    const rows = await deps.store.db
      .selectFrom('governance_actions')
      .select(['id', 'title'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.title]));
  },
};
