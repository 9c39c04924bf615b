/**
 * Sessions and memberships are cached in memory per server instance (platform/auth/cache.ts). Two
 * instances on one database, each with its own store: what one instance changes, the other enforces on
 * its next request. SQLite: the other connection's commit shows in `PRAGMA data_version`; PostgreSQL
 * (when SHINRAI_TEST_PG_URL is set, as `npm run test:pg` does): NOTIFY at commit, received on the
 * other instance's LISTEN connection, awaited here through the channel's hook (no sleeping).
 */
import { buildApp, loadConfig, openFileStore, prepareSetupCode, type Deps } from '@shinrai/server';
import { openStore, type AuthChange, type PostgresAuthChannel, type Store } from '@shinrai/store';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, ADMIN, Client, json, SETUP_CODE, setupInstance, type TestApp } from '../helpers/app.ts';
import { makeStore } from '../helpers/stores.ts';

const DIALECTS = ['sqlite', ...(process.env.SHINRAI_TEST_PG_URL ? (['postgres'] as const) : [])] as const;

/** The application on a fresh database of exactly this dialect (makeApp follows SHINRAI_TEST_API_DIALECT). */
async function makeAppOn(dialect: 'sqlite' | 'postgres'): Promise<TestApp> {
  const db = await makeStore(dialect);
  const mails: TestApp['mails'] = [];
  const config = loadConfig({
    SHINRAI_DATA_DIR: db.dataDir,
    SHINRAI_SETUP_CODE: SETUP_CODE,
    SHINRAI_WEB_DIST: '/nonexistent',
  });
  const deps: Deps = {
    store: db.store,
    files: openFileStore(db.store, db.dataDir),
    config,
    mailer: { send: async (m) => void mails.push(m) },
    now: () => new Date(),
    log: undefined as never,
  };
  const app = await buildApp(deps);
  deps.log = app.log;
  await prepareSetupCode(deps);
  return {
    app,
    deps,
    db,
    mails,
    async close() {
      await app.close();
      await db.cleanup();
    },
  };
}

describe.each(DIALECTS)('authority cached on two instances of one database (%s)', (dialect) => {
  let a: TestApp;
  let storeB: Store;
  let appB: FastifyInstance;
  let orgId: string;
  let admin: Client;
  let member: Client;
  let memberId: string;

  /** Resolves once instance B has applied a change announced by A (PostgreSQL); at once on SQLite. */
  function seenByB(test: (c: AuthChange) => boolean): Promise<void> {
    if (dialect === 'sqlite') return Promise.resolve();
    const channel = storeB.authChannel as PostgresAuthChannel;
    return new Promise((resolve) => {
      channel.onNotice = (c, fromSelf) => {
        if (!fromSelf && test(c)) {
          channel.onNotice = null;
          resolve();
        }
      };
    });
  }

  /** The same signed-in person, talking to instance B. */
  function onB(c: Client): Client {
    const b = new Client(appB);
    b.cookie = c.cookie;
    b.csrf = c.csrf;
    return b;
  }

  beforeAll(async () => {
    a = await makeAppOn(dialect);
    storeB = openStore({ databaseUrl: a.db.databaseUrl, dataDir: a.db.dataDir });
    const depsB: Deps = { ...a.deps, store: storeB, log: undefined as never };
    appB = await buildApp(depsB);
    depsB.log = appB.log;
    ({ admin, orgId } = await setupInstance(a));
    member = await addMember(a, admin, orgId, 'cached@example.jp', 'admin');
    const list = json<{ items: { user: { id: string; email: string } }[] }>(
      await admin.get(`/api/orgs/${orgId}/members`),
    );
    memberId = list.items.find((m) => m.user.email === 'cached@example.jp')?.user.id ?? '';
  });

  afterAll(async () => {
    await appB.close();
    await storeB.close();
    await a.close();
  });

  it('enforces a role change made through A on the next request to B', async () => {
    const memberB = onB(member);
    // B has read (and cached) the session and the admin role.
    expect((await memberB.get(`/api/orgs/${orgId}/tokens`)).statusCode).toBe(200);
    expect((await memberB.get(`/api/orgs/${orgId}/tokens`)).statusCode).toBe(200);

    const seen = seenByB((c) => c.kind === 'membership' && c.userId === memberId);
    expect((await admin.patch(`/api/orgs/${orgId}/members/${memberId}`, { role: 'member' })).statusCode).toBe(
      200,
    );
    await seen;
    const refused = await memberB.get(`/api/orgs/${orgId}/tokens`);
    expect(refused.statusCode).toBe(403);
    // and on A itself, at once
    expect((await member.get(`/api/orgs/${orgId}/tokens`)).statusCode).toBe(403);
  });

  if (dialect === 'postgres')
    it('answers a change of authority only once its notification is back (every listener told at that commit)', async () => {
      const channelA = a.deps.store.authChannel as PostgresAuthChannel;
      let echoed = false;
      channelA.onNotice = (c, fromSelf) => {
        if (fromSelf && c.kind === 'membership' && c.userId === memberId) echoed = true;
      };
      const res = await admin.patch(`/api/orgs/${orgId}/members/${memberId}`, { role: 'admin' });
      channelA.onNotice = null;
      expect(res.statusCode).toBe(200);
      expect(echoed).toBe(true);
    });

  if (dialect === 'postgres')
    it('does not hold a write for an older change of another request that never comes back (rolled back)', async () => {
      const channel = storeB.authChannel as PostgresAuthChannel;
      await channel.listening();
      const stale = channel.before({ kind: 'all' }); // a change whose transaction then rolled back
      const mark = channel.mark();
      let done = false;
      const settled = channel.settled(60_000, mark).then(() => (done = true));
      await Promise.resolve();
      await Promise.resolve();
      expect(done).toBe(true);
      await settled;
      // a change made after the mark is waited for
      const mine = channel.before({ kind: 'all' });
      let waited = true;
      const pending = channel.settled(60_000, mark).then(() => (waited = false));
      await Promise.resolve();
      await Promise.resolve();
      expect(waited).toBe(true);
      channel.cancel(mine);
      await pending;
      channel.cancel(stale);
    });

  it('enforces a removal through A on B, and a logout through A on B', async () => {
    const memberB = onB(member);
    expect((await memberB.get(`/api/orgs/${orgId}/members`)).statusCode).toBe(200);
    const removed = seenByB((c) => c.kind === 'membership' && c.userId === memberId);
    expect((await admin.del(`/api/orgs/${orgId}/members/${memberId}`)).statusCode).toBe(204);
    await removed;
    expect((await memberB.get(`/api/orgs/${orgId}/members`)).statusCode).toBe(404);

    const adminB = onB(admin);
    expect((await adminB.get('/api/me')).statusCode).toBe(200);
    const loggedOut = seenByB((c) => c.kind === 'session');
    expect((await admin.post('/api/auth/logout')).statusCode).toBe(204);
    await loggedOut;
    expect((await adminB.get('/api/me')).statusCode).toBe(401);
    const again = await new Client(a.app).login(ADMIN.email, ADMIN.password);
    expect(again.statusCode).toBe(200);
  });

  if (dialect === 'postgres')
    it('reads from the database while its listener is down, and starts afresh when it listens again', async () => {
      const channel = storeB.authChannel as PostgresAuthChannel;
      const owner = new Client(a.app);
      await owner.login(ADMIN.email, ADMIN.password);
      const ownerB = onB(owner);
      expect((await ownerB.get(`/api/orgs/${orgId}/tokens`)).statusCode).toBe(200);
      expect(channel.usable()).toBe(true);

      // The listening connection is ended by the server (as a failover would).
      const lost = new Promise<void>((resolve) => (channel.onDown = resolve));
      await sql`select pg_terminate_backend(${channel.listenerPid})`.execute(a.deps.store.db);
      await lost;
      channel.onDown = null;
      expect(channel.usable()).toBe(false);
      // Read (and not kept) while down.
      expect((await ownerB.get(`/api/orgs/${orgId}/tokens`)).statusCode).toBe(200);
      // A change nobody announces (written past the store's functions): B, not listening, reads it.
      const ownerId = json<{ user: { id: string } }>(await owner.get('/api/me')).user.id;
      const setRole = (role: string) =>
        sql`update memberships set role = ${role} where org_id = ${orgId} and user_id = ${ownerId}`.execute(
          a.deps.store.db,
        );
      await setRole('viewer');
      expect((await ownerB.get(`/api/orgs/${orgId}/tokens`)).statusCode).toBe(403);
      await setRole('owner');
      await channel.listening();
      expect(channel.usable()).toBe(true);
      expect((await ownerB.get(`/api/orgs/${orgId}/tokens`)).statusCode).toBe(200);
    });
});
