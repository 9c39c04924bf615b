import type { Page } from '@shinrai/core';
import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { OrgInvitationsTable } from './tables.ts';
import { newestFirstPage } from '../paging.ts';

export type OrgInvitationRow = Selectable<OrgInvitationsTable>;

export async function insertOrgInvitation(ex: Executor, row: OrgInvitationRow): Promise<void> {
  await ex.insertInto('org_invitations').values(row).execute();
}

export async function findOrgInvitationByTokenHash(
  ex: Executor,
  hash: string,
): Promise<OrgInvitationRow | undefined> {
  return ex.selectFrom('org_invitations').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

/** Newest first. */
export async function listOrgInvitations(
  ex: Executor,
  orgId: string,
  cursor: string | null,
  limit: number,
): Promise<Page<OrgInvitationRow> | null> {
  return newestFirstPage(
    ex.selectFrom('org_invitations').selectAll().where('org_id', '=', orgId),
    cursor,
    limit,
  );
}

/** Single use: only an open invitation is marked; false when it was already used or revoked. */
export async function markOrgInvitationAccepted(
  ex: Executor,
  id: string,
  acceptedOrgId: string,
  now: string,
): Promise<boolean> {
  const r = await ex
    .updateTable('org_invitations')
    .set({ accepted_at: now, accepted_org_id: acceptedOrgId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
