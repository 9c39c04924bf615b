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
  /**
   * A share by the title of what it shares: for the sharing organization always, for the receiving one
   * only while the share lasts (what it could open anyway).
   */
  share: async (deps, orgId, ids) => {
    const rows = await deps.store.db
      .selectFrom('assessment_shares as s')
      .innerJoin('assessments as a', (j) =>
        j.onRef('a.id', '=', 's.assessment_id').onRef('a.org_id', '=', 's.org_id'),
      )
      .select(['s.id', 'a.title'])
      .where('s.id', 'in', ids)
      .where((eb) =>
        eb.or([
          eb('s.org_id', '=', orgId),
          eb.and([eb('s.with_org_id', '=', orgId), eb('s.revoked_at', 'is', null)]),
        ]),
      )
      .execute();
    return new Map(rows.map((r) => [r.id, r.title]));
  },
};
