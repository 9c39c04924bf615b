import type Sqlite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { decodeCursor, type Page } from '@shinrai/core';
import { toPage } from '../paging.ts';
import type { Database } from '../database.ts';
import { findMembership, listMembers, type MemberRow } from './memberships.ts';
import { findSessionWithUser, type SessionRow } from './sessions.ts';
import type { UserRow } from './users.ts';

/**
 * The statements every authenticated request runs (its session, its membership) and the members
 * page, written once as SQL and run as prepared statements returning rows as arrays: better-sqlite3
 * statements prepared once per connection, PostgreSQL named statements (parsed once per pooled
 * connection). The same results as the Kysely functions they stand for (findSessionWithUser,
 * findMembership, listMembers), which remain for transactions and other stores; the repository tests
 * run both on every dialect.
 */
export interface HotQueries {
  sessionWithUser(id: string): Promise<{ session: SessionRow; user: UserRow } | undefined>;
  membership(orgId: string, userId: string): Promise<{ role: string; created_at: string } | undefined>;
  /** One page of members in the order they joined; null for a cursor this code did not make. */
  membersPage(orgId: string, cursor: string | null, limit: number): Promise<Page<MemberRow> | null>;
}

const SESSION_WITH_USER = (p: (n: number) => string) =>
  `select u.id, u.email, u.display_name, u.password_hash, u.locale, u.totp_secret, u.totp_enabled,
     u.totp_last_step, u.is_instance_admin, u.failed_logins, u.locked_until, u.created_at, u.updated_at,
     s.id, s.user_id, s.stage, s.csrf_token, s.created_at, s.expires_at, s.last_seen_at
   from sessions s inner join users u on u.id = s.user_id where s.id = ${p(1)}`;

const MEMBERSHIP = (p: (n: number) => string) =>
  `select role, created_at from memberships where org_id = ${p(1)} and user_id = ${p(2)}`;

const MEMBERS_FIRST = (p: (n: number) => string) =>
  `select u.id, u.email, u.display_name, m.role, m.created_at
   from memberships m inner join users u on u.id = m.user_id
   where m.org_id = ${p(1)} order by m.created_at, m.user_id limit ${p(2)}`;

/** Parameters: organization, key, key again, user id, limit. */
const MEMBERS_AFTER = (p: (n: number) => string) =>
  `select u.id, u.email, u.display_name, m.role, m.created_at
   from memberships m inner join users u on u.id = m.user_id
   where m.org_id = ${p(1)} and (m.created_at > ${p(2)} or (m.created_at = ${p(3)} and m.user_id > ${p(4)}))
   order by m.created_at, m.user_id limit ${p(5)}`;

type Cell = string | number | null;

function sessionFromRow(r: Cell[]): { session: SessionRow; user: UserRow } {
  return {
    user: {
      id: r[0] as string,
      email: r[1] as string,
      display_name: r[2] as string,
      password_hash: r[3] as string | null,
      locale: r[4] as string,
      totp_secret: r[5] as string | null,
      totp_enabled: r[6] as number,
      totp_last_step: r[7] as number | null,
      is_instance_admin: r[8] as number,
      failed_logins: r[9] as number,
      locked_until: r[10] as string | null,
      created_at: r[11] as string,
      updated_at: r[12] as string,
    },
    session: {
      id: r[13] as string,
      user_id: r[14] as string,
      stage: r[15] as string,
      csrf_token: r[16] as string,
      created_at: r[17] as string,
      expires_at: r[18] as string,
      last_seen_at: r[19] as string,
    },
  };
}

function membersPage(rows: Cell[][], limit: number): Page<MemberRow> {
  const members = rows.map((r) => ({
    userId: r[0] as string,
    email: r[1] as string,
    displayName: r[2] as string,
    role: r[3] as string,
    createdAt: r[4] as string,
  }));
  return toPage(members, limit, (m) => ({ k: m.createdAt, id: m.userId }));
}

/** Any store: the Kysely functions themselves. */
export function kyselyHotQueries(db: Kysely<Database>): HotQueries {
  return {
    sessionWithUser: (id) => findSessionWithUser(db, id),
    membership: (orgId, userId) => findMembership(db, orgId, userId),
    membersPage: (orgId, cursor, limit) => listMembers(db, orgId, cursor, limit),
  };
}

/**
 * SQLite: statements prepared on first use and run synchronously. While a transaction is open on the
 * connection (another request awaiting between its statements), the Kysely functions run instead: they
 * wait for it to end, so no uncommitted row is ever read (or cached) here.
 */
export function sqliteHotQueries(raw: Sqlite.Database, db: Kysely<Database>): HotQueries {
  const slow = kyselyHotQueries(db);
  const q = () => '?';
  let stmts: Record<'session' | 'membership' | 'first' | 'after', Sqlite.Statement<Cell[], Cell[]>> | null =
    null;
  const prepared = () =>
    (stmts ??= {
      session: raw.prepare<Cell[], Cell[]>(SESSION_WITH_USER(q)).raw(true),
      membership: raw.prepare<Cell[], Cell[]>(MEMBERSHIP(q)).raw(true),
      first: raw.prepare<Cell[], Cell[]>(MEMBERS_FIRST(q)).raw(true),
      after: raw.prepare<Cell[], Cell[]>(MEMBERS_AFTER(q)).raw(true),
    });
  return {
    async sessionWithUser(id) {
      if (raw.inTransaction) return slow.sessionWithUser(id);
      const r = prepared().session.get(id);
      return r === undefined ? undefined : sessionFromRow(r);
    },
    async membership(orgId, userId) {
      if (raw.inTransaction) return slow.membership(orgId, userId);
      const r = prepared().membership.get(orgId, userId);
      return r === undefined ? undefined : { role: r[0] as string, created_at: r[1] as string };
    },
    async membersPage(orgId, cursor, limit) {
      if (raw.inTransaction) return slow.membersPage(orgId, cursor, limit);
      if (cursor === null) return membersPage(prepared().first.all(orgId, limit + 1), limit);
      const key = decodeCursor(cursor);
      if (key === null) return null;
      const k = String(key.k);
      return membersPage(prepared().after.all(orgId, k, k, key.id, limit + 1), limit);
    },
  };
}

/** PostgreSQL: named prepared statements on the pool (each pooled connection parses them once). */
export function postgresHotQueries(pool: pg.Pool): HotQueries {
  const p = (n: number) => `$${n}`;
  const run = async (name: string, text: string, values: unknown[]): Promise<Cell[][]> =>
    (await pool.query<Cell[]>({ name, text, values, rowMode: 'array' })).rows;
  const session = SESSION_WITH_USER(p);
  const membership = MEMBERSHIP(p);
  const first = MEMBERS_FIRST(p);
  const after = MEMBERS_AFTER(p);
  return {
    async sessionWithUser(id) {
      const [r] = await run('shinrai_session_with_user', session, [id]);
      return r === undefined ? undefined : sessionFromRow(r);
    },
    async membership(orgId, userId) {
      const [r] = await run('shinrai_membership', membership, [orgId, userId]);
      return r === undefined ? undefined : { role: r[0] as string, created_at: r[1] as string };
    },
    async membersPage(orgId, cursor, limit) {
      if (cursor === null)
        return membersPage(await run('shinrai_members_first', first, [orgId, limit + 1]), limit);
      const key = decodeCursor(cursor);
      if (key === null) return null;
      const k = String(key.k);
      const rows = await run('shinrai_members_after', after, [orgId, k, k, key.id, limit + 1]);
      return membersPage(rows, limit);
    },
  };
}
