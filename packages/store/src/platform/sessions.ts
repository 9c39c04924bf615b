import type { Selectable } from 'kysely';
import { authWrite } from './auth-events.ts';
import type { UserRow } from './users.ts';
import type { Executor } from '../database.ts';
import type { SessionsTable } from './tables.ts';

export type SessionRow = Selectable<SessionsTable>;

export async function insertSession(ex: Executor, row: SessionRow): Promise<void> {
  await ex.insertInto('sessions').values(row).execute();
}

export async function findSession(ex: Executor, id: string): Promise<SessionRow | undefined> {
  return ex.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteSession(ex: Executor, id: string): Promise<void> {
  await authWrite(ex, { kind: 'session', id }, () =>
    ex.deleteFrom('sessions').where('id', '=', id).execute(),
  );
}

export async function deleteSessionsOfUser(ex: Executor, userId: string, exceptId?: string): Promise<void> {
  let q = ex.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  await authWrite(ex, { kind: 'user', userId }, () => q.execute());
}

/**
 * Moves a session's last-seen time and expiry forward. Not announced: caches keep the older expiry
 * and read the session again when it looks expired to them.
 */
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

/** A session together with its user, in one query (every authenticated request needs both). */
export async function findSessionWithUser(
  ex: Executor,
  id: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const row = await ex
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select([
      's.id as s_id',
      's.user_id as s_user_id',
      's.stage as s_stage',
      's.csrf_token as s_csrf_token',
      's.created_at as s_created_at',
      's.expires_at as s_expires_at',
      's.last_seen_at as s_last_seen_at',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { s_id, s_user_id, s_stage, s_csrf_token, s_created_at, s_expires_at, s_last_seen_at, ...user } = row;
  return {
    session: {
      id: s_id,
      user_id: s_user_id,
      stage: s_stage,
      csrf_token: s_csrf_token,
      created_at: s_created_at,
      expires_at: s_expires_at,
      last_seen_at: s_last_seen_at,
    },
    user,
  };
}
