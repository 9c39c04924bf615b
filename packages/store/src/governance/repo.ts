import type { Selectable } from 'kysely';
import {
  latestAssessmentOfCatalogIds,
  latestPeerAssessmentsOfCatalogIds,
  type AssessmentRow,
} from '../assessments/index.ts';
import { catalogVersionsByUrn } from '../library/index.ts';
import type { Executor } from '../database.ts';
import type { GovernanceActionsTable, GovernanceTargetsTable } from './tables.ts';

export type GovernanceTargetRow = Selectable<GovernanceTargetsTable>;
export type GovernanceActionRow = Selectable<GovernanceActionsTable>;

export async function listGovernanceTargets(ex: Executor, orgId: string): Promise<GovernanceTargetRow[]> {
  return ex
    .selectFrom('governance_targets')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('directive')
    .execute();
}

/** Replaces the whole target profile (a directive left out has no target). */
export async function replaceGovernanceTargets(
  ex: Executor,
  orgId: string,
  targets: readonly { directive: string; level: number }[],
  by: string | null,
  now: string,
): Promise<void> {
  await ex.deleteFrom('governance_targets').where('org_id', '=', orgId).execute();
  if (targets.length === 0) return;
  await ex
    .insertInto('governance_targets')
    .values(
      targets.map((t) => ({
        org_id: orgId,
        directive: t.directive,
        target_level: t.level,
        updated_by: by,
        updated_at: now,
      })),
    )
    .execute();
}

export async function insertGovernanceAction(ex: Executor, row: GovernanceActionRow): Promise<void> {
  await ex.insertInto('governance_actions').values(row).execute();
}

export async function findGovernanceAction(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<GovernanceActionRow | undefined> {
  return ex
    .selectFrom('governance_actions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Action items of an organization, by directive and due date. */
export async function listGovernanceActions(
  ex: Executor,
  orgId: string,
  filter: { directive?: string; status?: string } = {},
): Promise<GovernanceActionRow[]> {
  let q = ex.selectFrom('governance_actions').selectAll().where('org_id', '=', orgId);
  if (filter.directive !== undefined) q = q.where('directive', '=', filter.directive);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  return q.orderBy('due_date').orderBy('created_at').orderBy('id').execute();
}

export type GovernanceActionPatch = Partial<
  Pick<
    GovernanceActionsTable,
    'directive' | 'title' | 'owner_id' | 'due_date' | 'status' | 'kpi_text' | 'kpi_target' | 'kpi_current'
  >
>;

export async function updateGovernanceAction(
  ex: Executor,
  orgId: string,
  id: string,
  patch: GovernanceActionPatch,
  now: string,
): Promise<void> {
  await ex
    .updateTable('governance_actions')
    .set({ ...patch, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteGovernanceAction(ex: Executor, orgId: string, id: string): Promise<void> {
  await ex.deleteFrom('governance_actions').where('org_id', '=', orgId).where('id', '=', id).execute();
}

export interface OverdueAction {
  id: string;
  org_id: string;
  org_name: string;
  directive: string;
  title: string;
  due_date: string;
  status: string;
  owner_id: string;
  owner_email: string;
  owner_name: string;
  owner_locale: string;
}

/**
 * Open actions due before `today` whose owner is still a member, not yet reminded today;
 * of one organization or (orgId null) of the whole instance.
 */
export async function listOverdueGovernanceActions(
  ex: Executor,
  today: string,
  orgId: string | null,
): Promise<OverdueAction[]> {
  let q = ex
    .selectFrom('governance_actions as a')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.org_id', '=', 'a.org_id').onRef('m.user_id', '=', 'a.owner_id'),
    )
    .innerJoin('users as u', 'u.id', 'a.owner_id')
    .innerJoin('organizations as o', 'o.id', 'a.org_id')
    .select([
      'a.id',
      'a.org_id',
      'o.name as org_name',
      'a.directive',
      'a.title',
      'a.due_date',
      'a.status',
      'a.owner_id',
      'u.email as owner_email',
      'u.display_name as owner_name',
      'u.locale as owner_locale',
    ])
    .where('a.status', 'in', ['planned', 'in_progress'])
    .where('a.due_date', '<', today)
    .where((eb) => eb.or([eb('a.reminded_on', 'is', null), eb('a.reminded_on', '<', today)]));
  if (orgId !== null) q = q.where('a.org_id', '=', orgId);
  return q.orderBy('a.org_id').orderBy('a.owner_id').orderBy('a.due_date').orderBy('a.id').execute();
}

/**
 * Marks the actions reminded today unless they already are, and returns the ids this call marked: of two runs
 * at the same time only one gets each action, so no owner is mailed twice.
 */
export async function claimGovernanceReminders(
  ex: Executor,
  ids: readonly string[],
  today: string,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ex
    .updateTable('governance_actions')
    .set({ reminded_on: today })
    .where('id', 'in', ids)
    .where((eb) => eb.or([eb('reminded_on', 'is', null), eb('reminded_on', '<', today)]))
    .returning('id')
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Gives back today's claim of the actions (their mail could not be sent), so a retry reminds them. */
export async function releaseGovernanceReminders(
  ex: Executor,
  ids: readonly string[],
  today: string,
): Promise<void> {
  if (ids.length === 0) return;
  await ex
    .updateTable('governance_actions')
    .set({ reminded_on: null })
    .where('id', 'in', ids)
    .where('reminded_on', '=', today)
    .execute();
}

/** Display names of the given users among the organization's members. */
export async function memberDisplayNames(
  ex: Executor,
  orgId: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await ex
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name'])
    .where('m.org_id', '=', orgId)
    .where('u.id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export type CatalogAssessmentRow = AssessmentRow & { catalog_version: string };

// The reads below combine two modules without a join: the catalog versions of a URN come from the library
// module, the assessments against those versions from the assessments module (same filters, same order).

function withVersion(row: AssessmentRow, versions: ReadonlyMap<string, string>): CatalogAssessmentRow {
  return { ...row, catalog_version: versions.get(row.catalog_id) ?? '' };
}

/** The newest assessment of an organization against any version of a catalog, optionally in some statuses. */
export async function latestAssessmentOfCatalog(
  ex: Executor,
  orgId: string,
  urn: string,
  statuses?: readonly string[],
): Promise<CatalogAssessmentRow | undefined> {
  const versions = await catalogVersionsByUrn(ex, urn);
  const row = await latestAssessmentOfCatalogIds(ex, orgId, [...versions.keys()], { statuses });
  return row && withVersion(row, versions);
}

/** The assessment of the same catalog (any version) created just before `before`: "last year". */
export async function previousAssessmentOfCatalog(
  ex: Executor,
  orgId: string,
  urn: string,
  before: { created_at: string; id: string },
): Promise<CatalogAssessmentRow | undefined> {
  const versions = await catalogVersionsByUrn(ex, urn);
  const row = await latestAssessmentOfCatalogIds(ex, orgId, [...versions.keys()], {
    before: { created_at: before.created_at, id: before.id },
  });
  return row && withVersion(row, versions);
}

/**
 * For the same-industry comparison: the latest approved or locked assessment of the catalog of every
 * other organization whose industry is exactly `industry`, leaving out organizations that share a member
 * with the caller's (see `latestPeerAssessmentsOfCatalogIds`). Returns at most one row per organization.
 */
export async function latestPeerAssessments(
  ex: Executor,
  p: { orgId: string; industry: string; urn: string },
): Promise<CatalogAssessmentRow[]> {
  const versions = await catalogVersionsByUrn(ex, p.urn);
  const rows = await latestPeerAssessmentsOfCatalogIds(ex, {
    orgId: p.orgId,
    industry: p.industry,
    catalogIds: [...versions.keys()],
  });
  return rows.map((r) => withVersion(r, versions));
}

export interface GroupCompany {
  id: string;
  slug: string;
  name: string;
  accepted_at: string | null;
}

/**
 * Group companies of a parent: the `to` side of active group_company relationships where the parent is
 * `from`. Pending, declined and ended relationships give nothing.
 */
export async function activeGroupCompanies(ex: Executor, parentOrgId: string): Promise<GroupCompany[]> {
  const rows = await ex
    .selectFrom('relationships as r')
    .innerJoin('organizations as o', 'o.id', 'r.to_org_id')
    .select(['o.id', 'o.slug', 'o.name', 'r.accepted_at'])
    .where('r.type', '=', 'group_company')
    .where('r.status', '=', 'active')
    .where('r.from_org_id', '=', parentOrgId)
    .where('r.to_org_id', '!=', parentOrgId)
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
  return firstPerKey(rows, (r) => r.id);
}

function firstPerKey<T>(rows: readonly T[], key: (r: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const r of rows) {
    if (seen.has(key(r))) continue;
    seen.add(key(r));
    out.push(r);
  }
  return out;
}
