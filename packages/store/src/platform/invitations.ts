import type { Page } from '@shinrai/core';
import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { InvitationsTable } from './tables.ts';
import { newestFirstPage } from '../paging.ts';

export type InvitationRow = Selectable<InvitationsTable>;

export async function insertInvitation(ex: Executor, row: InvitationRow): Promise<void> {
  await ex.insertInto('invitations').values(row).execute();
}

export async function findInvitationByTokenHash(
  ex: Executor,
  hash: string,
): Promise<InvitationRow | undefined> {
  return ex.selectFrom('invitations').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export async function findInvitation(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<InvitationRow | undefined> {
  return ex
    .selectFrom('invitations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Newest first. */
export async function listInvitations(
  ex: Executor,
  orgId: string,
  cursor: string | null,
  limit: number,
): Promise<Page<InvitationRow> | null> {
  return newestFirstPage(ex.selectFrom('invitations').selectAll().where('org_id', '=', orgId), cursor, limit);
}

/** Single use: only an open invitation is marked; returns false when it was already used or revoked. */
export async function markInvitationAccepted(ex: Executor, id: string, now: string): Promise<boolean> {
  const r = await ex
    .updateTable('invitations')
    .set({ accepted_at: now })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function revokeInvitation(
  ex: Executor,
  orgId: string,
  id: string,
  now: string,
): Promise<boolean> {
  const r = await ex
    .updateTable('invitations')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
