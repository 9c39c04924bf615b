import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../modules.ts';
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
