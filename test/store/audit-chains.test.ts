import { auditHash, ChainVerifier, GENESIS_HASH, type AuditContent } from '@shinrai/core';
import {
  appendAudit,
  auditChainSlice,
  auditHead,
  auditHeads,
  lockAuditChains,
  migrate,
  migrateUpTo,
  type AuditInput,
  type Database,
} from '@shinrai/store';
import { sql, type Kysely, type Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStore, testDialects, type TestStore } from '../helpers/stores.ts';

const entry = (orgId: string | null, action: string, i = 0): AuditInput => ({
  at: new Date(Date.UTC(2030, 0, 1, 0, 0, i)).toISOString(),
  orgId,
  actorUserId: null,
  actorTokenId: null,
  action,
  targetType: null,
  targetId: null,
  requestId: null,
  details: { i },
});

async function walk(db: Kysely<Database>, orgId: string | null) {
  const v = new ChainVerifier();
  for (;;) {
    const batch = await auditChainSlice(db, orgId, v.checked, 7);
    if (batch.length === 0) return { broken: null, checked: v.checked, head: v.head };
    const broken = v.feed(batch);
    if (broken) return { broken, checked: v.checked, head: v.head };
  }
}

describe.each(testDialects())('audit chains on %s', (dialect) => {
  let t: TestStore;
  let db: Kysely<Database>;

  beforeAll(async () => {
    t = await makeStore(dialect);
    db = t.store.db;
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('numbers each chain 1, 2, 3 … without gap under concurrent appends, and keeps its head', async () => {
    const orgs = [randomUUID(), randomUUID(), null];
    const before = await auditHead(db, null);
    const n = 45;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        db
          .transaction()
          .execute((trx) => appendAudit(trx, t.store.ops, entry(orgs[i % 3]!, 'concurrent', i))),
      ),
    );
    for (const orgId of orgs) {
      const base = orgId === null ? (before?.seq ?? 0) : 0;
      const rows = await db
        .selectFrom('audit_log')
        .select(['chain_seq', 'seq'])
        .where('org_id', orgId === null ? 'is' : '=', orgId)
        .orderBy('chain_seq')
        .execute();
      expect(rows.map((r) => Number(r.chain_seq))).toEqual(
        Array.from({ length: base + 15 }, (_, i) => i + 1),
      );
      // the global order agrees with the chain order
      const seqs = rows.map((r) => Number(r.seq));
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      const w = await walk(db, orgId);
      expect(w.broken).toBeNull();
      expect(await auditHead(db, orgId)).toEqual({
        chain: orgId ?? 'instance',
        seq: base + 15,
        head: w.head,
      });
    }
  });

  it('rolls the head back with the transaction that appended', async () => {
    const org = randomUUID();
    await db.transaction().execute((trx) => appendAudit(trx, t.store.ops, entry(org, 'kept')));
    const head = await auditHead(db, org);
    await expect(
      db.transaction().execute(async (trx) => {
        await lockAuditChains(trx, [org, null]);
        await appendAudit(trx, t.store.ops, entry(org, 'dropped'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await auditHead(db, org)).toEqual(head);
    await db.transaction().execute((trx) => appendAudit(trx, t.store.ops, entry(org, 'next')));
    expect(await walk(db, org)).toMatchObject({ broken: null, checked: 2 });
  });
});

/** Entries as the code before per-chain sequences wrote them: global seq, prev_hash per organization. */
async function appendOldStyle(db: Kysely<Database>, orgId: string | null, i: number): Promise<void> {
  const last = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max<number | string | null>('seq').as('seq'))
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  let prevQ = db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1);
  prevQ = orgId === null ? prevQ.where('org_id', 'is', null) : prevQ.where('org_id', '=', orgId);
  const prev = await prevQ.executeTakeFirst();
  const e = entry(orgId, 'old', i);
  const c: AuditContent = {
    ...e,
    seq,
    details: JSON.stringify(e.details),
    prevHash: prev?.hash ?? GENESIS_HASH,
  };
  await sql`insert into audit_log (seq, at, org_id, actor_user_id, actor_token_id, action, target_type, target_id,
      request_id, details, prev_hash, hash)
    values (${seq}, ${c.at}, ${orgId}, null, null, ${c.action}, null, null, null, ${c.details}, ${c.prevHash},
      ${auditHash(c)})`.execute(db);
}

describe.each(testDialects())('the per-chain migration on %s', (dialect) => {
  it('numbers existing chains, records their heads, and their entries still verify and continue', async () => {
    const t = await makeStore(dialect, { migrated: false });
    try {
      const db = t.store.db;
      const r = await migrateUpTo(db, t.store.ops, '0014-where-used-index');
      expect(r.error).toBeUndefined();
      const [a, b] = [randomUUID(), randomUUID()];
      for (let i = 0; i < 9; i++) await appendOldStyle(db, [a, b, null][i % 3]!, i);
      await migrate(t.store);
      for (const orgId of [a, b, null])
        expect(await walk(db, orgId)).toMatchObject({ broken: null, checked: 3 });
      const heads = await auditHeads(db);
      expect(heads.map((h) => [h.chain, h.seq]).sort()).toEqual(
        [
          [a, 3],
          [b, 3],
          ['instance', 3],
        ].sort(),
      );
      expect(heads.find((h) => h.chain === a)?.head).toBe((await walk(db, a)).head);
      // New entries continue the old chains, with global numbers after the old ones.
      const seq = await db.transaction().execute((trx) => appendAudit(trx, t.store.ops, entry(a, 'new')));
      expect(seq).toBe(10);
      expect(await walk(db, a)).toMatchObject({ broken: null, checked: 4 });
      // The triggers are back: the log is append-only again.
      await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    } finally {
      await t.cleanup();
    }
  });
});

/** The pid of a transaction's connection (real PostgreSQL). */
async function pidOf(trx: Transaction<Database>): Promise<number> {
  const r = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
  return Number(r.rows[0]!.pid);
}

/**
 * Resolves when the backend `pid` waits for a lock held by `holder` (observed state, not a time limit);
 * stops looking once `done` says so.
 */
async function blockedBy(
  db: Kysely<Database>,
  pid: () => number | undefined,
  holder: number,
  done: () => boolean,
) {
  while (!done()) {
    const p = pid();
    if (p !== undefined) {
      const r = await sql<{ b: number[] }>`select pg_blocking_pids(${p}) as b`.execute(db);
      if ((r.rows[0]?.b ?? []).map(Number).includes(holder)) return 'blocked';
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return 'finished';
}

/** Opens a transaction and hands it over until `release` is called; `ended` settles when it commits. */
function openTransaction(db: Kysely<Database>) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let ready!: (trx: Transaction<Database>) => void;
  const trx = new Promise<Transaction<Database>>((r) => (ready = r));
  const ended = db.transaction().execute(async (x) => {
    ready(x);
    await released;
  });
  return { trx, release, ended };
}

describe.each(testDialects().filter((d) => d === 'postgres'))('audit chain locks on real %s', (dialect) => {
  let t: TestStore;
  let db: Kysely<Database>;

  beforeAll(async () => {
    t = await makeStore(dialect);
    db = t.store.db;
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("lets organization B append while organization A's appending transaction is still open", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const holder = openTransaction(db);
    const trxA = await holder.trx;
    await appendAudit(trxA, t.store.ops, entry(a, 'held'));
    const pidA = await pidOf(trxA);
    let pidB: number | undefined;
    let finished = false;
    const appendB = db
      .transaction()
      .execute(async (trx) => {
        pidB = await pidOf(trx);
        await appendAudit(trx, t.store.ops, entry(b, 'meanwhile'));
      })
      .then(() => 'finished' as const)
      .finally(() => (finished = true));
    const first = await Promise.race([
      appendB,
      blockedBy(
        db,
        () => pidB,
        pidA,
        () => finished,
      ),
    ]);
    holder.release();
    await Promise.all([holder.ended, appendB]);
    expect(first).toBe('finished');
    expect(await auditHead(db, b)).toMatchObject({ seq: 1 });
  });

  it('makes a second append to the same organization wait, then continue the chain', async () => {
    const a = randomUUID();
    const holder = openTransaction(db);
    const trxA = await holder.trx;
    await appendAudit(trxA, t.store.ops, entry(a, 'first'));
    const pidA = await pidOf(trxA);
    let pidB: number | undefined;
    let finished = false;
    const second = db
      .transaction()
      .execute(async (trx) => {
        pidB = await pidOf(trx);
        await appendAudit(trx, t.store.ops, entry(a, 'second'));
      })
      .finally(() => (finished = true));
    expect(
      await blockedBy(
        db,
        () => pidB,
        pidA,
        () => finished,
      ),
    ).toBe('blocked');
    expect(finished).toBe(false);
    holder.release();
    await Promise.all([holder.ended, second]);
    expect(await walk(db, a)).toMatchObject({ broken: null, checked: 2 });
    const rows = await db
      .selectFrom('audit_log')
      .select(['action', 'chain_seq'])
      .where('org_id', '=', a)
      .execute();
    expect(rows.map((r) => [r.action, Number(r.chain_seq)]).sort()).toEqual([
      ['first', 1],
      ['second', 2],
    ]);
  });

  it('locks the chains of a two-organization transaction in one order, so two of them cannot deadlock', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    // Transaction 1 writes A then B; transaction 2 writes B then A (a relationship seen from each side).
    const one = openTransaction(db);
    const trx1 = await one.trx;
    await lockAuditChains(trx1, [a, b]);
    await appendAudit(trx1, t.store.ops, entry(a, 'one'));
    const pid1 = await pidOf(trx1);
    let pid2: number | undefined;
    let finished = false;
    const two = db
      .transaction()
      .execute(async (trx) => {
        pid2 = await pidOf(trx);
        await lockAuditChains(trx, [b, a]);
        await appendAudit(trx, t.store.ops, entry(b, 'two'));
        await appendAudit(trx, t.store.ops, entry(a, 'two'));
      })
      .finally(() => (finished = true));
    // Transaction 2 waits for A before it holds B, so transaction 1 can still write B.
    expect(
      await blockedBy(
        db,
        () => pid2,
        pid1,
        () => finished,
      ),
    ).toBe('blocked');
    await appendAudit(trx1, t.store.ops, entry(b, 'one'));
    one.release();
    await Promise.all([one.ended, two]);
    for (const org of [a, b]) expect(await walk(db, org)).toMatchObject({ broken: null, checked: 2 });
  });
});
