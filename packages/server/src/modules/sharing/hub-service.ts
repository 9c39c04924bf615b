import {
  findOrganization,
  findSharingHub,
  insertSharingGroup,
  listSharingGroups,
  listSharingMembers,
  saveSharingHub,
  saveSharingMember,
  setSharingGroupMembers,
  sharingGroupsOfMember,
  sharingHubsOfMember,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/access.ts';
import type { OrgAccess } from '../../platform/http/principal.ts';
import { audit, lockAuditOf } from '../../platform/services/audit-trail.ts';
import { fail } from './errors.ts';

// The hub and its members. What a member learns here is its own standing with each hub (NDA, its own
// sector groups) — never who else is a member. Only the hub lists its members.

export interface SharingCtx {
  deps: Deps;
  access: OrgAccess;
  requestId: string;
}

/** The organization as a hub: refused unless its kind is hub. */
export async function requireHub(deps: Deps, orgId: string) {
  const org = await findOrganization(deps.store.db, orgId);
  if (org?.kind !== 'hub') return fail('sharing_not_hub');
  return org;
}

/** What the organization is in sharing: a hub (with its NDA version), and a member of which hubs. */
export async function overview({ deps, access }: SharingCtx) {
  const db = deps.store.db;
  const org = await findOrganization(db, access.orgId);
  const hub = org?.kind === 'hub' ? ((await findSharingHub(db, access.orgId)) ?? null) : null;
  const hubs = await sharingHubsOfMember(db, access.orgId);
  return {
    hub: org?.kind === 'hub' ? { ndaVersion: hub?.nda_version ?? null } : null,
    memberships: await Promise.all(
      hubs.map(async (h) => ({
        hubOrgId: h.hub_org_id,
        hubName: h.hub_name,
        currentNdaVersion: h.current_nda_version ?? null,
        acceptedNdaVersion: h.nda_version ?? null,
        ndaAcceptedAt: h.nda_accepted_at ?? null,
        named: h.named === 1,
        active: h.nda_version != null && h.nda_version === h.current_nda_version,
        groups: await sharingGroupsOfMember(db, h.hub_org_id, access.orgId),
      })),
    ),
  };
}

export async function setHub({ deps, access, requestId }: SharingCtx, input: { ndaVersion: string }) {
  await requireHub(deps, access.orgId);
  await deps.store.db.transaction().execute(async (trx) => {
    await saveSharingHub(trx, access.orgId, input.ndaVersion, deps.now().toISOString());
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      'sharing.hub_set',
      {
        type: 'organization',
        id: access.orgId,
      },
      { ndaVersion: input.ndaVersion },
    );
  });
  return { ndaVersion: input.ndaVersion };
}

/** The hub's members (an organization that is not a hub has none). */
export async function members({ deps, access }: SharingCtx) {
  if ((await findOrganization(deps.store.db, access.orgId))?.kind !== 'hub') return [];
  const hub = await findSharingHub(deps.store.db, access.orgId);
  const rows = await listSharingMembers(deps.store.db, access.orgId);
  return rows.map((r) => ({
    orgId: r.id,
    name: r.name,
    slug: r.slug,
    since: r.accepted_at,
    ndaVersion: r.nda_version ?? null,
    ndaAcceptedAt: r.nda_accepted_at ?? null,
    ndaCurrent: r.nda_version != null && r.nda_version === hub?.nda_version,
    named: r.named === 1,
    groupIds: r.group_ids,
  }));
}

export async function groups({ deps, access }: SharingCtx) {
  if ((await findOrganization(deps.store.db, access.orgId))?.kind !== 'hub') return [];
  const all = await listSharingGroups(deps.store.db, access.orgId);
  const ms = await listSharingMembers(deps.store.db, access.orgId);
  return all.map((g) => ({
    id: g.id,
    name: g.name,
    memberOrgIds: ms.filter((m) => m.group_ids.includes(g.id)).map((m) => m.id),
  }));
}

export async function createGroup({ deps, access, requestId }: SharingCtx, input: { name: string }) {
  await requireHub(deps, access.orgId);
  const row = {
    id: randomUUID(),
    hub_org_id: access.orgId,
    name: input.name,
    created_at: deps.now().toISOString(),
  };
  await deps.store.db.transaction().execute(async (trx) => {
    if ((await listSharingGroups(trx, access.orgId)).some((g) => g.name === input.name))
      fail('conflict', { pointer: '/name' });
    await insertSharingGroup(trx, row);
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      'sharing.group_create',
      {
        type: 'sharing_group',
        id: row.id,
      },
      { name: input.name },
    );
  });
  return { id: row.id, name: row.name, memberOrgIds: [] as string[] };
}

export async function setGroupMembers(
  { deps, access, requestId }: SharingCtx,
  input: { groupId: string; memberOrgIds: string[] },
) {
  const db = deps.store.db;
  // An organization that is no hub has no groups: 404 like any id that is not its own.
  const group = (await listSharingGroups(db, access.orgId)).find((g) => g.id === input.groupId);
  if (!group) return fail('not_found');
  const ids = [...new Set(input.memberOrgIds)];
  const known = new Set((await listSharingMembers(db, access.orgId)).map((m) => m.id));
  const bad = input.memberOrgIds.findIndex((id) => !known.has(id));
  if (bad >= 0) return fail('sharing_not_member', { pointer: `/memberOrgIds/${bad}` });
  await db.transaction().execute(async (trx) => {
    await setSharingGroupMembers(trx, access.orgId, group.id, ids);
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      'sharing.group_members',
      {
        type: 'sharing_group',
        id: group.id,
      },
      { count: ids.length },
    );
  });
  return { id: group.id, name: group.name, memberOrgIds: ids };
}

/**
 * A member accepts the hub's NDA (the version it read), recorded with date, version and who accepted,
 * and says whether other members may see its name on its sightings and comments.
 */
export async function acceptNda(
  { deps, access, requestId }: SharingCtx,
  input: { hubOrgId: string; version: string; named: boolean },
) {
  const db = deps.store.db;
  const hub = (await sharingHubsOfMember(db, access.orgId)).find((h) => h.hub_org_id === input.hubOrgId);
  if (!hub) return fail('not_found');
  if (hub.current_nda_version == null || hub.current_nda_version !== input.version)
    return fail('sharing_nda_version', { pointer: '/version' });
  const now = deps.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await lockAuditOf(trx, [access.orgId, input.hubOrgId]);
    await saveSharingMember(trx, {
      hub_org_id: input.hubOrgId,
      member_org_id: access.orgId,
      nda_version: input.version,
      nda_accepted_at: now,
      nda_accepted_by: access.actorUserId,
      named: input.named ? 1 : 0,
    });
    const details = { version: input.version, named: input.named };
    const actor = actorOf(access, requestId);
    await audit(
      deps,
      trx,
      actor,
      access.orgId,
      'sharing.nda_accept',
      { type: 'organization', id: input.hubOrgId },
      details,
    );
    await audit(
      deps,
      trx,
      actor,
      input.hubOrgId,
      'sharing.nda_accepted',
      { type: 'organization', id: access.orgId },
      details,
    );
  });
  return { hubOrgId: input.hubOrgId, version: input.version, acceptedAt: now, named: input.named };
}
