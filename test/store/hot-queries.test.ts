/**
 * The prepared per-request statements (store.hot) answer exactly as the Kysely functions they stand
 * for, on every dialect; on SQLite they never read a row an open transaction has not committed.
 */
import { randomUUID } from 'node:crypto';
import {
  findMembership,
  findSessionWithUser,
  insertMembership,
  insertOrganization,
  insertSession,
  insertUser,
  listMembers,
  setMembershipRole,
  type Store,
} from '@shinrai/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStore, testDialects, type TestStore } from '../helpers/stores.ts';

describe.each(testDialects())('prepared per-request statements on %s', (dialect) => {
  let t: TestStore;
  let store: Store;
  const orgId = randomUUID();
  const users: string[] = [];
  const sessionId = `s-${randomUUID()}`;

  beforeAll(async () => {
    t = await makeStore(dialect);
    store = t.store;
    await store.db.transaction().execute(async (trx) => {
      await insertOrganization(trx, {
        id: orgId,
        slug: `o-${orgId.slice(0, 8)}`,
        name: '準備工業',
        kind: 'enterprise',
        corporateNumber: null,
        industry: null,
        size: null,
        prefecture: '13',
        now: '2026-01-01T00:00:00.000Z',
      });
      for (let i = 0; i < 75; i++) {
        const id = randomUUID();
        users.push(id);
        await insertUser(trx, {
          id,
          email: `p${i}@example.jp`,
          displayName: `準備 ${i}`,
          passwordHash: i === 0 ? 'scrypt$…' : null,
          locale: i % 2 ? 'en' : 'ja',
          isInstanceAdmin: i === 0,
          now: '2026-01-01T00:00:00.000Z',
        });
        // Some share a joining time: the order falls back to the user id.
        const at = `2026-01-01T00:00:${String(Math.floor(i / 3)).padStart(2, '0')}.000Z`;
        await insertMembership(trx, { orgId, userId: id, role: i === 0 ? 'owner' : 'member', now: at });
      }
      await insertSession(trx, {
        id: sessionId,
        user_id: users[0] ?? '',
        stage: 'full',
        csrf_token: 'csrf',
        created_at: '2026-01-01T00:00:00.000Z',
        expires_at: '2026-01-02T00:00:00.000Z',
        last_seen_at: '2026-01-01T00:00:00.000Z',
      });
    });
  });
  afterAll(async () => t.cleanup());

  it('finds a session with its user, as findSessionWithUser does', async () => {
    const hot = await store.hot.sessionWithUser(sessionId);
    expect(hot).toBeDefined();
    expect(hot).toEqual(await findSessionWithUser(store.db, sessionId));
    expect(await store.hot.sessionWithUser('nope')).toBeUndefined();
  });

  it('finds a membership, as findMembership does', async () => {
    for (const userId of [users[0] ?? '', users[5] ?? '', randomUUID()])
      expect(await store.hot.membership(orgId, userId)).toEqual(
        await findMembership(store.db, orgId, userId),
      );
  });

  it('pages members exactly as listMembers does, and refuses a cursor it did not make', async () => {
    let cursor: string | null = null;
    let pages = 0;
    do {
      const hot = await store.hot.membersPage(orgId, cursor, 20);
      expect(hot).toEqual(await listMembers(store.db, orgId, cursor, 20));
      cursor = hot?.nextCursor ?? null;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(4);
    expect(await store.hot.membersPage(orgId, 'not-a-cursor', 20)).toBeNull();
  });

  it('does not read what an open transaction has not committed', async () => {
    const userId = users[1] ?? '';
    let during: Promise<unknown> | undefined;
    await expect(
      store.db.transaction().execute(async (trx) => {
        await setMembershipRole(trx, orgId, userId, 'admin');
        during = store.hot.membership(orgId, userId);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await during).toEqual({ role: 'member', created_at: expect.any(String) as string });
  });
});
