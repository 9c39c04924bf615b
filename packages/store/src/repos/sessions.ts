import type { Selectable } from 'kysely';
import type { Executor, SessionsTable } from '../schema.ts';

export type SessionRow = Selectable<SessionsTable>;

export async function insertSession(ex: Executor, row: SessionRow): Promise<void> {
  await ex.insertInto('sessions').values(row).execute();
}

export async function findSession(ex: Executor, id: string): Promise<SessionRow | undefined> {
  return ex.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteSession(ex: Executor, id: string): Promise<void> {
  await ex.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(ex: Executor, userId: string, exceptId?: string): Promise<void> {
  let q = ex.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function touchSession(ex: Executor, id: string, now: string, expiresAt: string): Promise<void> {
  await ex
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteExpiredSessions(ex: Executor, now: string): Promise<void> {
  await ex.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
