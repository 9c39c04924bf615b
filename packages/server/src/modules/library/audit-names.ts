import { BUILTIN_SCOPE } from '@shinrai/store';
import type { AuditNameLookup } from '../../platform/module.ts';

/** Catalogs by their Japanese title and version: built-in ones and the organization's own only. */
export const catalogAuditNames: Record<string, AuditNameLookup> = {
  catalog: async (deps, orgId, ids) => {
    const rows = await deps.store.db
      .selectFrom('catalogs')
      .select(['id', 'title_ja', 'version'])
      .where('scope', 'in', [BUILTIN_SCOPE, orgId])
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, `${r.title_ja} ${r.version}`]));
  },
};
