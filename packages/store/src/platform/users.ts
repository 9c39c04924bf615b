import { sql, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../database.ts';
import { authWrite } from './auth-events.ts';
import type { UsersTable } from './tables.ts';

export type UserRow = Selectable<UsersTable>;

export interface NewUser {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  locale: string;
  isInstanceAdmin: boolean;
  now: string;
}

export async function insertUser(ex: Executor, u: NewUser): Promise<void> {
  await ex
    .insertInto('users')
    .values({
      id: u.id,
      email: u.email.toLowerCase(),
      display_name: u.displayName,
      password_hash: u.passwordHash,
      locale: u.locale,
      is_instance_admin: u.isInstanceAdmin ? 1 : 0,
      totp_enabled: 0,
      failed_logins: 0,
      created_at: u.now,
      updated_at: u.now,
    })
    .execute();
}

export async function findUser(ex: Executor, id: string): Promise<UserRow | undefined> {
  return ex.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(ex: Executor, email: string): Promise<UserRow | undefined> {
  return ex.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function updateUser(
  ex: Executor,
  id: string,
  patch: Omit<Updateable<UsersTable>, 'id' | 'email' | 'created_at'>,
  now: string,
): Promise<void> {
  await authWrite(ex, { kind: 'user', userId: id }, () =>
    ex
      .updateTable('users')
      .set({ ...patch, updated_at: now })
      .where('id', '=', id)
      .execute(),
  );
}

export async function countUsers(ex: Executor): Promise<number> {
  const row = await ex
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function replaceRecoveryCodes(
  ex: Executor,
  userId: string,
  codes: { id: string; hash: string }[],
): Promise<void> {
  await ex.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (codes.length === 0) return;
  await ex
    .insertInto('recovery_codes')
    .values(codes.map((c) => ({ id: c.id, user_id: userId, code_hash: c.hash, used_at: null })))
    .execute();
}

/** Marks an unused recovery code as used; true when one was consumed. */
export async function useRecoveryCode(
  ex: Executor,
  userId: string,
  hash: string,
  now: string,
): Promise<boolean> {
  const r = await ex
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records a used TOTP step; false when that step (or a later one) was already used: a replayed code. */
export async function claimTotpStep(ex: Executor, userId: string, step: number): Promise<boolean> {
  const r = await authWrite(ex, { kind: 'user', userId }, () =>
    ex
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst(),
  );
  return Number(r.numUpdatedRows) === 1;
}

/** The counter and lock of a user after one sign-in attempt was claimed. */
export interface LoginAttempt {
  failed_logins: number;
  locked_until: string | null;
}

/**
 * Claims one sign-in attempt (password or second factor) before it is checked, in one UPDATE … RETURNING,
 * so parallel attempts each get their own number on SQLite and PostgreSQL alike. A lock that has run
 * out (`locked_until <= now`) starts the count again at 1; the claim that reaches `max` sets the lock to
 * `lockUntil`; a lock still running is kept as it is. Undefined when the user does not exist.
 */
export async function claimLoginAttempt(
  ex: Executor,
  userId: string,
  p: { now: string; lockUntil: string; max: number },
): Promise<LoginAttempt | undefined> {
  const expired = sql`(locked_until is not null and locked_until <= ${p.now})`;
  const running = sql`(locked_until is not null and locked_until > ${p.now})`;
  const next = sql<number>`(case when ${expired} then 1 else failed_logins + 1 end)`;
  return ex
    .updateTable('users')
    .set({
      failed_logins: next,
      locked_until: sql<
        string | null
      >`(case when ${running} then locked_until when ${next} >= ${p.max} then ${p.lockUntil} else null end)`,
    })
    .where('id', '=', userId)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirst();
}

/**
 * Gives back a claimed attempt that turned out right but does not end the sign-in (the password of an
 * account with a second factor): the count goes down by one, and a lock that this very claim set
 * (`lockSetAt`, the value it wrote) is lifted.
 */
export async function releaseLoginAttempt(
  ex: Executor,
  userId: string,
  lockSetAt: string | null,
): Promise<void> {
  await ex
    .updateTable('users')
    .set({
      failed_logins: sql<number>`(case when failed_logins > 0 then failed_logins - 1 else 0 end)`,
      locked_until: sql<
        string | null
      >`(case when locked_until = ${lockSetAt} then null else locked_until end)`,
    })
    .where('id', '=', userId)
    .execute();
}
