import type { Page } from '@shinrai/core';
import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { RelationshipsTable } from './tables.ts';
import { newestFirstPage } from '../paging.ts';

export type RelationshipRow = Selectable<RelationshipsTable>;

export interface RelationshipView extends RelationshipRow {
  from_name: string;
  from_slug: string;
  to_name: string;
  to_slug: string;
}

export async function insertRelationship(ex: Executor, row: RelationshipRow): Promise<void> {
  await ex.insertInto('relationships').values(row).execute();
}

function viewQuery(ex: Executor) {
  return ex
    .selectFrom('relationships as r')
    .innerJoin('organizations as f', 'f.id', 'r.from_org_id')
    .innerJoin('organizations as t', 't.id', 'r.to_org_id')
    .selectAll('r')
    .select(['f.name as from_name', 'f.slug as from_slug', 't.name as to_name', 't.slug as to_slug']);
}

/** A relationship as seen by one of its two parties; undefined for anyone else. */
export async function findRelationshipForParty(
  ex: Executor,
  partyOrgId: string,
  id: string,
): Promise<RelationshipView | undefined> {
  return viewQuery(ex)
    .where('r.id', '=', id)
    .where((eb) => eb.or([eb('r.from_org_id', '=', partyOrgId), eb('r.to_org_id', '=', partyOrgId)]))
    .executeTakeFirst();
}

export async function findOpenRelationship(
  ex: Executor,
  type: string,
  fromOrgId: string,
  toOrgId: string,
): Promise<RelationshipRow | undefined> {
  return ex
    .selectFrom('relationships')
    .selectAll()
    .where('type', '=', type)
    .where('from_org_id', '=', fromOrgId)
    .where('to_org_id', '=', toOrgId)
    .where('status', 'in', ['pending', 'active'])
    .executeTakeFirst();
}

export async function listRelationships(
  ex: Executor,
  orgId: string,
  cursor: string | null,
  limit: number,
): Promise<Page<RelationshipView> | null> {
  return newestFirstPage(
    viewQuery(ex).where((eb) => eb.or([eb('r.from_org_id', '=', orgId), eb('r.to_org_id', '=', orgId)])),
    cursor,
    limit,
    'r.',
  );
}

export async function setRelationshipStatus(
  ex: Executor,
  id: string,
  status: string,
  now: string,
): Promise<void> {
  await ex
    .updateTable('relationships')
    .set({
      status,
      ...(status === 'active' ? { accepted_at: now } : {}),
      ...(status === 'ended' || status === 'declined' ? { ended_at: now } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Organizations with an active relationship to `orgId` (either side); used by later modules for sharing. */
export async function activeCounterparts(ex: Executor, orgId: string, type: string): Promise<string[]> {
  const rows = await ex
    .selectFrom('relationships')
    .select(['from_org_id', 'to_org_id'])
    .where('type', '=', type)
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('from_org_id', '=', orgId), eb('to_org_id', '=', orgId)]))
    .execute();
  return rows.map((r) => (r.from_org_id === orgId ? r.to_org_id : r.from_org_id));
}

/** Requests another organization made to `orgId` that wait for its answer (the relationships badge). */
export async function countIncomingPending(ex: Executor, orgId: string): Promise<number> {
  const row = await ex
    .selectFrom('relationships')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('status', '=', 'pending')
    .where('requested_by_org_id', '!=', orgId)
    .where((eb) => eb.or([eb('from_org_id', '=', orgId), eb('to_org_id', '=', orgId)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
