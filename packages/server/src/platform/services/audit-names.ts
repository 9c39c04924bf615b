import type { Deps } from '../deps.ts';
import type { AuditNameLookup, ServerModule } from '../module.ts';

/** The platform's own object types; every lookup stays inside the organization whose log is read. */
const PLATFORM: Record<string, AuditNameLookup> = {
  organization: async (deps, orgId, ids) => {
    const rows = ids.includes(orgId)
      ? await deps.store.db
          .selectFrom('organizations')
          .select(['id', 'name'])
          .where('id', '=', orgId)
          .execute()
      : [];
    return new Map(rows.map((r) => [r.id, r.name]));
  },
  user: async (deps, orgId, ids) => {
    const rows = await deps.store.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.display_name'])
      .where('m.org_id', '=', orgId)
      .where('u.id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  },
  invitation: async (deps, orgId, ids) => {
    const rows = await deps.store.db
      .selectFrom('invitations')
      .select(['id', 'email'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.email]));
  },
  org_invitation: async (deps, orgId, ids) => {
    const rows = await deps.store.db
      .selectFrom('org_invitations')
      .select(['id', 'company_name'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.company_name]));
  },
  /** A relationship is named by the other party, for each of its two parties only. */
  relationship: async (deps, orgId, ids) => {
    const rows = await deps.store.db
      .selectFrom('relationships as r')
      .innerJoin('organizations as f', 'f.id', 'r.from_org_id')
      .innerJoin('organizations as t', 't.id', 'r.to_org_id')
      .select(['r.id', 'r.from_org_id', 'f.name as from_name', 't.name as to_name'])
      .where('r.id', 'in', ids)
      .where((eb) => eb.or([eb('r.from_org_id', '=', orgId), eb('r.to_org_id', '=', orgId)]))
      .execute();
    return new Map(rows.map((r) => [r.id, r.from_org_id === orgId ? r.to_name : r.from_name]));
  },
  api_token: async (deps, orgId, ids) => {
    const rows = await deps.store.db
      .selectFrom('api_tokens')
      .select(['id', 'name'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};

let lookups: Record<string, AuditNameLookup> = { ...PLATFORM };

/** The modules' lookups (modules/index.ts), added once when the app is built. */
export function registerAuditNames(modules: readonly ServerModule[]): void {
  lookups = { ...PLATFORM };
  for (const m of modules) Object.assign(lookups, m.auditNames ?? {});
}

/** What an entry's details may carry as the object's name when it was recorded. */
function recordedName(details: unknown): string | null {
  if (details === null || typeof details !== 'object') return null;
  const d = details as Record<string, unknown>;
  for (const k of ['name', 'title', 'email']) if (typeof d[k] === 'string' && d[k]) return d[k];
  return null;
}

/**
 * The name of each entry's object: looked up per type in one query (objects of `orgId` only), else the
 * name recorded in the entry's details (a deleted object), else null (the page shows the id).
 */
export async function auditObjectNames(
  deps: Deps,
  orgId: string,
  entries: readonly { targetType: string | null; targetId: string | null; details: unknown }[],
): Promise<(string | null)[]> {
  const byType = new Map<string, Set<string>>();
  for (const e of entries) {
    if (!e.targetType || !e.targetId || !lookups[e.targetType]) continue;
    const set = byType.get(e.targetType) ?? new Set<string>();
    set.add(e.targetId);
    byType.set(e.targetType, set);
  }
  const found = new Map<string, Map<string, string>>();
  for (const [type, ids] of byType) {
    const lookup = lookups[type];
    if (lookup) found.set(type, await lookup(deps, orgId, [...ids]));
  }
  return entries.map(
    (e) =>
      (e.targetType && e.targetId ? found.get(e.targetType)?.get(e.targetId) : undefined) ??
      recordedName(e.details),
  );
}
