import { sql, type Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type {
  SharingCommentsTable,
  SharingGroupsTable,
  SharingMembersTable,
  SharingReportsTable,
} from './tables.ts';

export type SharingReportRow = Selectable<SharingReportsTable>;
export type SharingGroupRow = Selectable<SharingGroupsTable>;
export type SharingMemberRow = Selectable<SharingMembersTable>;
export type SharingCommentRow = Selectable<SharingCommentsTable>;

/** Lists stop here; a hub's working lists are short (reports in review, its members). */
export const SHARING_LIST_LIMIT = 200;

export async function findSharingHub(ex: Executor, orgId: string) {
  return ex.selectFrom('sharing_hubs').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function saveSharingHub(ex: Executor, orgId: string, ndaVersion: string, now: string) {
  await ex
    .insertInto('sharing_hubs')
    .values({ org_id: orgId, nda_version: ndaVersion, last_seq: 0, last_object_seq: 0, updated_at: now })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ nda_version: ndaVersion, updated_at: now }))
    .execute();
}

/** The next publication number of a hub; the row stays locked until the transaction ends. */
export async function nextSharingSeq(ex: Executor, hubOrgId: string): Promise<number> {
  const row = await ex
    .updateTable('sharing_hubs')
    .set({ last_seq: sql`last_seq + 1` })
    .where('org_id', '=', hubOrgId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

/** Hubs the organization has an active hub→member relationship with, and its NDA acceptance there. */
export async function sharingHubsOfMember(ex: Executor, memberOrgId: string) {
  return ex
    .selectFrom('relationships as r')
    .innerJoin('organizations as h', 'h.id', 'r.from_org_id')
    .leftJoin('sharing_hubs as s', 's.org_id', 'r.from_org_id')
    .leftJoin('sharing_members as m', (j) =>
      j.onRef('m.hub_org_id', '=', 'r.from_org_id').onRef('m.member_org_id', '=', 'r.to_org_id'),
    )
    .select([
      'h.id as hub_org_id',
      'h.name as hub_name',
      's.nda_version as current_nda_version',
      'm.nda_version',
      'm.nda_accepted_at',
      'm.named',
    ])
    .where('r.type', '=', 'hub_member')
    .where('r.status', '=', 'active')
    .where('r.to_org_id', '=', memberOrgId)
    .orderBy('h.name')
    .execute();
}

/** True when the organization is an active member of the hub that accepted the current version of its NDA. */
export async function isSharingMember(ex: Executor, hubOrgId: string, memberOrgId: string): Promise<boolean> {
  const row = await ex
    .selectFrom('relationships as r')
    .innerJoin('sharing_members as m', (j) =>
      j.onRef('m.hub_org_id', '=', 'r.from_org_id').onRef('m.member_org_id', '=', 'r.to_org_id'),
    )
    .innerJoin('sharing_hubs as h', (j) =>
      j.onRef('h.org_id', '=', 'r.from_org_id').onRef('h.nda_version', '=', 'm.nda_version'),
    )
    .select('r.id')
    .where('r.type', '=', 'hub_member')
    .where('r.status', '=', 'active')
    .where('r.from_org_id', '=', hubOrgId)
    .where('r.to_org_id', '=', memberOrgId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findSharingMember(ex: Executor, hubOrgId: string, memberOrgId: string) {
  return ex
    .selectFrom('sharing_members')
    .selectAll()
    .where('hub_org_id', '=', hubOrgId)
    .where('member_org_id', '=', memberOrgId)
    .executeTakeFirst();
}

export async function saveSharingMember(ex: Executor, row: SharingMemberRow) {
  await ex
    .insertInto('sharing_members')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['hub_org_id', 'member_org_id']).doUpdateSet({
        nda_version: row.nda_version,
        nda_accepted_at: row.nda_accepted_at,
        nda_accepted_by: row.nda_accepted_by,
        named: row.named,
      }),
    )
    .execute();
}

/** The hub's view of its members: every active hub→member relationship, with NDA and groups. */
export async function listSharingMembers(ex: Executor, hubOrgId: string) {
  const rows = await ex
    .selectFrom('relationships as r')
    .innerJoin('organizations as o', 'o.id', 'r.to_org_id')
    .leftJoin('sharing_members as m', (j) =>
      j.onRef('m.hub_org_id', '=', 'r.from_org_id').onRef('m.member_org_id', '=', 'r.to_org_id'),
    )
    .select(['o.id', 'o.name', 'o.slug', 'r.accepted_at', 'm.nda_version', 'm.nda_accepted_at', 'm.named'])
    .where('r.type', '=', 'hub_member')
    .where('r.status', '=', 'active')
    .where('r.from_org_id', '=', hubOrgId)
    .orderBy('o.name')
    .limit(10_000)
    .execute();
  const groups = await ex
    .selectFrom('sharing_group_members')
    .select(['group_id', 'member_org_id'])
    .where('hub_org_id', '=', hubOrgId)
    .execute();
  return rows.map((r) => ({
    ...r,
    group_ids: groups.filter((g) => g.member_org_id === r.id).map((g) => g.group_id),
  }));
}

export async function insertSharingGroup(ex: Executor, row: SharingGroupRow) {
  await ex.insertInto('sharing_groups').values(row).execute();
}

export async function listSharingGroups(ex: Executor, hubOrgId: string) {
  return ex
    .selectFrom('sharing_groups')
    .selectAll()
    .where('hub_org_id', '=', hubOrgId)
    .orderBy('name')
    .execute();
}

/** The groups of one hub that the member belongs to (a member sees its own groups, never who else is in them). */
export async function sharingGroupsOfMember(ex: Executor, hubOrgId: string, memberOrgId: string) {
  return ex
    .selectFrom('sharing_groups as g')
    .innerJoin('sharing_group_members as gm', 'gm.group_id', 'g.id')
    .select(['g.id', 'g.name'])
    .where('g.hub_org_id', '=', hubOrgId)
    .where('gm.member_org_id', '=', memberOrgId)
    .orderBy('g.name')
    .execute();
}

export async function setSharingGroupMembers(
  ex: Executor,
  hubOrgId: string,
  groupId: string,
  memberIds: string[],
) {
  await ex.deleteFrom('sharing_group_members').where('group_id', '=', groupId).execute();
  if (memberIds.length)
    await ex
      .insertInto('sharing_group_members')
      .values(memberIds.map((m) => ({ group_id: groupId, hub_org_id: hubOrgId, member_org_id: m })))
      .execute();
}

export async function insertSharingReport(ex: Executor, row: SharingReportRow) {
  await ex.insertInto('sharing_reports').values(row).execute();
}

export async function findSharingReport(ex: Executor, id: string) {
  return ex.selectFrom('sharing_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateSharingReport(
  ex: Executor,
  id: string,
  expectRevision: number,
  patch: Partial<Omit<SharingReportRow, 'id'>>,
): Promise<boolean> {
  const r = await ex
    .updateTable('sharing_reports')
    .set(patch)
    .where('id', '=', id)
    .where('revision', '=', expectRevision)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Reports a hub received, or reports an organization submitted (one of the two ids). */
export async function listSharingReports(ex: Executor, by: { hubOrgId: string } | { reporterOrgId: string }) {
  let q = ex.selectFrom('sharing_reports').selectAll();
  q =
    'hubOrgId' in by
      ? q.where('hub_org_id', '=', by.hubOrgId)
      : q.where('reporter_org_id', '=', by.reporterOrgId);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(SHARING_LIST_LIMIT).execute();
}

export async function setSharingReportGroups(ex: Executor, reportId: string, groupIds: string[]) {
  await ex.deleteFrom('sharing_report_groups').where('report_id', '=', reportId).execute();
  if (groupIds.length)
    await ex
      .insertInto('sharing_report_groups')
      .values(groupIds.map((g) => ({ report_id: reportId, group_id: g })))
      .execute();
}

export async function sharingReportGroupIds(ex: Executor, reportId: string): Promise<string[]> {
  const rows = await ex
    .selectFrom('sharing_report_groups')
    .select('group_id')
    .where('report_id', '=', reportId)
    .execute();
  return rows.map((r) => r.group_id);
}

/**
 * Published reports the organization may read as a member: of hubs where it is an active member that
 * accepted the current NDA; not TLP:RED; for everyone of the hub when the report names no sector group, else only
 * for members of one of its groups. The one visibility rule: the feed, comments and TAXII all use it.
 */
export function visibleSharingReports(ex: Executor, memberOrgId: string) {
  return ex
    .selectFrom('sharing_reports as p')
    .innerJoin('relationships as r', (j) =>
      j
        .onRef('r.from_org_id', '=', 'p.hub_org_id')
        .on('r.to_org_id', '=', memberOrgId)
        .on('r.type', '=', 'hub_member')
        .on('r.status', '=', 'active'),
    )
    .innerJoin('sharing_members as m', (j) =>
      j.onRef('m.hub_org_id', '=', 'p.hub_org_id').on('m.member_org_id', '=', memberOrgId),
    )
    .innerJoin('sharing_hubs as h', (j) =>
      j.onRef('h.org_id', '=', 'p.hub_org_id').onRef('h.nda_version', '=', 'm.nda_version'),
    )
    .where('p.status', '=', 'published')
    .where('p.tlp', '!=', 'red')
    .where((eb) =>
      eb.or([
        eb.not(
          eb.exists(
            eb
              .selectFrom('sharing_report_groups as rg')
              .select('rg.group_id')
              .whereRef('rg.report_id', '=', 'p.id'),
          ),
        ),
        eb.exists(
          eb
            .selectFrom('sharing_report_groups as rg')
            .innerJoin('sharing_group_members as gm', 'gm.group_id', 'rg.group_id')
            .select('rg.group_id')
            .whereRef('rg.report_id', '=', 'p.id')
            .where('gm.member_org_id', '=', memberOrgId),
        ),
      ]),
    );
}

export async function listVisibleSharingReports(ex: Executor, memberOrgId: string) {
  return visibleSharingReports(ex, memberOrgId)
    .selectAll('p')
    .orderBy('p.published_seq', 'desc')
    .limit(SHARING_LIST_LIMIT)
    .execute();
}

export async function findVisibleSharingReport(ex: Executor, memberOrgId: string, id: string) {
  return visibleSharingReports(ex, memberOrgId).selectAll('p').where('p.id', '=', id).executeTakeFirst();
}

export async function insertSharingComment(ex: Executor, row: SharingCommentRow) {
  await ex.insertInto('sharing_comments').values(row).execute();
}

export async function listSharingComments(ex: Executor, reportId: string) {
  return ex
    .selectFrom('sharing_comments as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .selectAll('c')
    .select('o.name as org_name')
    .where('c.report_id', '=', reportId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(SHARING_LIST_LIMIT)
    .execute();
}

export async function listSharingTerms(ex: Executor, orgId: string) {
  return ex
    .selectFrom('sharing_terms')
    .select(['term', 'category'])
    .where('org_id', '=', orgId)
    .orderBy('term')
    .execute();
}

export async function replaceSharingTerms(
  ex: Executor,
  orgId: string,
  terms: { term: string; category: string }[],
  now: string,
) {
  await ex.deleteFrom('sharing_terms').where('org_id', '=', orgId).execute();
  if (terms.length)
    await ex
      .insertInto('sharing_terms')
      .values(terms.map((t) => ({ org_id: orgId, term: t.term, category: t.category, created_at: now })))
      .execute();
}

/** The e-mail domains of the organization's members (the sanitizer treats them as the reporter's). */
export async function sharingMemberEmailDomains(ex: Executor, orgId: string): Promise<string[]> {
  const rows = await ex
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.email')
    .where('m.org_id', '=', orgId)
    .limit(10_000)
    .execute();
  return [...new Set(rows.map((r) => r.email.split('@')[1]?.toLowerCase() ?? '').filter(Boolean))];
}
