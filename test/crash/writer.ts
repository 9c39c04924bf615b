/**
 * Child process for sigkill.test.ts: opens the SQLite store in the data dir given as argv[2] and, in a loop,
 * writes one organization with `argv[3]` users and memberships plus audit entries, all in ONE transaction.
 * It prints "started", then "begin <orgId>", "progress <orgId> <n>" while inside the transaction and
 * "committed <orgId>" after each commit, so the parent can kill it at chosen moments.
 */
import {
  appendAudit,
  insertMembership,
  insertOrganization,
  insertUser,
  migrate,
  openStore,
} from '@shinrai/store';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';

const dataDir = process.argv[2];
const perTx = Number(process.argv[3] ?? 2000);
if (!dataDir) throw new Error('usage: writer.ts <dataDir> [rowsPerTransaction]');

const say = (line: string) => process.stdout.write(`${line}\n`);

const store = openStore({ databaseUrl: undefined, dataDir });
await migrate(store);
// A tiny page cache makes SQLite spill uncommitted pages into the WAL during the transaction,
// so a kill leaves uncommitted frames behind that recovery must ignore.
await sql`pragma cache_size = 20`.execute(store.db);
say('started');

for (;;) {
  const orgId = randomUUID();
  const now = new Date().toISOString();
  say(`begin ${orgId}`);
  await store.db.transaction().execute(async (trx) => {
    await insertOrganization(trx, {
      id: orgId,
      slug: `crash-${orgId}`,
      name: `クラッシュ試験 ${orgId.slice(0, 8)}`,
      kind: 'supplier',
      corporateNumber: null,
      industry: null,
      size: null,
      prefecture: null,
      now,
    });
    for (let i = 0; i < perTx; i++) {
      const userId = randomUUID();
      await insertUser(trx, {
        id: userId,
        email: `u${i}.${orgId}@crash.example`,
        displayName: `利用者 ${i}`,
        passwordHash: null,
        locale: 'ja',
        isInstanceAdmin: false,
        now,
      });
      await insertMembership(trx, { orgId, userId, role: 'member', now });
      if (i === Math.floor(perTx / 2)) {
        await appendAudit(trx, store.ops, {
          at: now,
          orgId,
          actorUserId: null,
          actorTokenId: null,
          action: 'crash.members_added',
          targetType: 'organization',
          targetId: orgId,
          requestId: null,
          details: { count: perTx },
        });
      }
      if (i % 100 === 0) say(`progress ${orgId} ${i}`);
    }
    await appendAudit(trx, store.ops, {
      at: now,
      orgId: null,
      actorUserId: null,
      actorTokenId: null,
      action: 'crash.org_created',
      targetType: 'organization',
      targetId: orgId,
      requestId: null,
      details: { orgId },
    });
  });
  say(`committed ${orgId}`);
}
