import { decodeCursor, type Page } from '@shinrai/core';
import { toPage } from '../paging.ts';
import type { Executor } from '../database.ts';
import { authWrite } from './auth-events.ts';

export interface MemberRow {
  userId: string;
  email: string;
  displayName: string;
  role: string;
  createdAt: string;
}

export async function insertMembership(
  ex: Executor,
  m: { orgId: string; userId: string; role: string; now: string },
): Promise<void> {
  await ex
    .insertInto('memberships')
    .values({ org_id: m.orgId, user_id: m.userId, role: m.role, created_at: m.now })
    .execute();
}

export async function findMembership(
  ex: Executor,
  orgId: string,
  userId: string,
): Promise<{ role: string; created_at: string } | undefined> {
  return ex
    .selectFrom('memberships')
    .select(['role', 'created_at'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** One page of an organization's members in the order they joined (keyset pagination over an index). */
export async function listMembers(
  ex: Executor,
  orgId: string,
  cursor: string | null,
  limit: number,
): Promise<Page<MemberRow> | null> {
  let q = ex
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'u.id as userId',
      'u.email as email',
      'u.display_name as displayName',
      'm.role as role',
      'm.created_at as createdAt',
    ])
    .where('m.org_id', '=', orgId);
  if (cursor !== null) {
    const key = decodeCursor(cursor);
    if (key === null) return null;
    q = q.where((eb) =>
      eb.or([
        eb('m.created_at', '>', String(key.k)),
        eb.and([eb('m.created_at', '=', String(key.k)), eb('m.user_id', '>', key.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('m.created_at')
    .orderBy('m.user_id')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, (r) => ({ k: r.createdAt, id: r.userId }));
}

export async function setMembershipRole(
  ex: Executor,
  orgId: string,
  userId: string,
  role: string,
): Promise<void> {
  await authWrite(ex, { kind: 'membership', orgId, userId }, () =>
    ex
      .updateTable('memberships')
      .set({ role })
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .execute(),
  );
}

export async function deleteMembership(ex: Executor, orgId: string, userId: string): Promise<void> {
  await authWrite(ex, { kind: 'membership', orgId, userId }, () =>
    ex.deleteFrom('memberships').where('org_id', '=', orgId).where('user_id', '=', userId).execute(),
  );
}

export async function countOwners(ex: Executor, orgId: string): Promise<number> {
  const row = await ex
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
