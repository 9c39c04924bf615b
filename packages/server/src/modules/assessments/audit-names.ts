import type { AuditNameLookup } from '../../platform/module.ts';

/** Assessments and shares by title, in the organization whose audit log is read. */
export const assessmentAuditNames: Record<string, AuditNameLookup> = {
  assessment: async (deps, orgId, ids) => {
    const rows = await deps.store.db
      .selectFrom('assessments')
      .select(['id', 'title'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.title]));
  },
};
