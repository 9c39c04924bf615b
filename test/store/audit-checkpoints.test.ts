import {
  auditHash,
  checkpointMessage,
  GENESIS_HASH,
  signCheckpoint,
  type AuditCheckpoint,
} from '@shinrai/core';
import {
  AUDIT_CHECKPOINT_JOB,
  auditCheckpointJob,
  lastCheckpoint,
  loadConfig,
  openFileStore,
  publicKeyFileOf,
  readCheckpoints,
  readPublicKey,
  verifyAuditChain,
  writeCheckpoints,
  type Deps,
} from '@shinrai/server';
import { appendAudit, auditChainSlice, type Database } from '@shinrai/store';
import { sql, type Kysely } from 'kysely';
import { createPublicKey, generateKeyPairSync, randomUUID, verify } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStore, testDialects, type TestStore } from '../helpers/stores.ts';

/**
 * The attacks the hash chain alone missed (issue 11 item 10), each by someone who can write the
 * database: the append-only triggers are switched off first, as a database owner could.
 */
describe.each(testDialects())('audit checkpoints on %s', (dialect) => {
  let t: TestStore;
  let db: Kysely<Database>;
  let deps: Deps;
  let cpFile: string;
  let keyFile: string;

  beforeAll(async () => {
    t = await makeStore(dialect);
    db = t.store.db;
    const config = loadConfig({ SHINRAI_DATA_DIR: t.dataDir });
    cpFile = config.auditCheckpointFile;
    keyFile = config.auditKeyFile;
    deps = {
      store: t.store,
      files: openFileStore(t.store, t.dataDir),
      config,
      mailer: { send: async () => {} },
      now: () => new Date(),
      log: undefined as never,
    };
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const appendOne = (org: string, i: number) =>
    db.transaction().execute((trx) =>
      appendAudit(trx, t.store.ops, {
        at: new Date(Date.UTC(2030, 0, 1, 0, 0, i)).toISOString(),
        orgId: org,
        actorUserId: null,
        actorTokenId: null,
        action: 'member.invite',
        targetType: 'user',
        targetId: `u${i}`,
        requestId: null,
        details: { i, role: 'member' },
      }),
    );

  async function chainOf(n: number): Promise<string> {
    const org = randomUUID();
    for (let i = 0; i < n; i++) await appendOne(org, i);
    return org;
  }

  const checkpoint = () => writeCheckpoints(t.store, { keyFile, checkpointFile: cpFile, now: new Date() });
  const verifyWith = async (org: string) =>
    verifyAuditChain(deps, org, () => {}, undefined, await lastCheckpoint(deps, org));
  const verifyWithout = (org: string) => verifyAuditChain(deps, org, () => {}, undefined, null);

  /** As the database owner: the append-only triggers off while `fn` runs. */
  async function tamper(fn: () => Promise<unknown>): Promise<void> {
    if (dialect === 'sqlite') {
      await sql`drop trigger audit_log_no_update`.execute(db);
      await sql`drop trigger audit_log_no_delete`.execute(db);
      await fn();
      for (const stmt of t.store.ops.auditTriggersSql()) await sql.raw(stmt).execute(db);
    } else {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
      await fn();
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
    }
  }

  /** Makes the head row agree with what is left, as a careful attacker would. */
  async function fixHead(org: string) {
    const rows = await auditChainSlice(db, org, 0, 1000);
    const last = rows[rows.length - 1];
    if (!last) await db.deleteFrom('audit_chains').where('chain', '=', org).execute();
    else
      await db
        .updateTable('audit_chains')
        .set({ seq: last.chainSeq, head: last.hash })
        .where('chain', '=', org)
        .execute();
  }

  it('signs checkpoints of changed chains only, with a key outside the database, verifiable with its public key', async () => {
    const org = await chainOf(3);
    const first = await checkpoint();
    expect(first.problems).toEqual([]);
    const cp = first.written.find((c) => c.chain === org)!;
    expect(cp).toMatchObject({ v: 1, seq: 3 });
    const [third] = await auditChainSlice(db, org, 2, 1);
    expect(cp.head).toBe(third!.hash);
    // Anyone with the public key file checks the signature over the documented message.
    const pub = readPublicKey(publicKeyFileOf(keyFile));
    expect(verify(null, Buffer.from(checkpointMessage(cp)), pub, Buffer.from(cp.sig, 'base64'))).toBe(true);
    expect(readFileSync(keyFile, 'utf8')).toContain('PRIVATE KEY');
    expect(
      readFileSync(cpFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as AuditCheckpoint),
    ).toContainEqual(cp);
    // Nothing moved: nothing new. One more entry: a checkpoint of that chain only.
    expect((await checkpoint()).written).toEqual([]);
    await appendOne(org, 3);
    const next = await checkpoint();
    expect(next.written.map((c) => [c.chain, c.seq])).toEqual([[org, 4]]);
    expect(await verifyWith(org)).toMatchObject({ ok: true, checked: 4, checkpoint: { seq: 4 } });
  });

  it('writes them daily from the job, to the file and the log, and queues the next day', async () => {
    const org = await chainOf(2);
    const logged: unknown[] = [];
    const log = { info: (o: unknown) => logged.push(o), error: (o: unknown) => logged.push(o) };
    const now = new Date(Date.UTC(2030, 5, 1, 12));
    const job = auditCheckpointJob({ ...deps, now: () => now, log: log as unknown as Deps['log'] });
    const result = (await job({} as Parameters<typeof job>[0])) as { written: number };
    expect(result.written).toBeGreaterThanOrEqual(1);
    const loggedCp = logged.map((o) => (o as { auditCheckpoint?: AuditCheckpoint }).auditCheckpoint);
    expect(loggedCp.find((c) => c?.chain === org)).toMatchObject({ seq: 2 });
    expect(
      (await readCheckpoints(cpFile, [readPublicKey(publicKeyFileOf(keyFile))])).last.get(org),
    ).toMatchObject({
      seq: 2,
      at: now.toISOString(),
    });
    const next = await db
      .selectFrom('jobs')
      .select(['id', 'run_at'])
      .where('kind', '=', AUDIT_CHECKPOINT_JOB)
      .execute();
    expect(next).toEqual([{ id: `${AUDIT_CHECKPOINT_JOB}:2030-06-02`, run_at: '2030-06-01T18:00:00.000Z' }]);
  });

  it('detects entries cut from the end, even with the head row made to agree', async () => {
    const org = await chainOf(5);
    await checkpoint();
    const rows = await auditChainSlice(db, org, 0, 10);
    await tamper(() => db.deleteFrom('audit_log').where('seq', 'in', [rows[3]!.seq, rows[4]!.seq]).execute());
    // The recorded head alone already disagrees …
    expect(await verifyWithout(org)).toMatchObject({ ok: false, reason: 'head_mismatch', checked: 3 });
    await fixHead(org);
    // … and once it is rewritten too, the chain looks intact; only the checkpoint tells.
    expect(await verifyWithout(org)).toMatchObject({ ok: true, checked: 3 });
    expect(await verifyWith(org)).toMatchObject({
      ok: false,
      reason: 'tail_cut',
      checked: 3,
      checkpoint: { seq: 5 },
    });
    const again = await checkpoint();
    expect(again.problems).toContainEqual({ chain: org, reason: 'tail_cut', seq: null });
    expect(again.written.map((c) => c.chain)).not.toContain(org);
  });

  it("detects an organization's whole chain deleted", async () => {
    const org = await chainOf(4);
    await checkpoint();
    await tamper(() => db.deleteFrom('audit_log').where('org_id', '=', org).execute());
    await fixHead(org);
    expect(await verifyWithout(org)).toMatchObject({ ok: true, checked: 0 });
    expect(await verifyWith(org)).toMatchObject({ ok: false, reason: 'chain_deleted', checked: 0 });
    expect((await checkpoint()).problems).toContainEqual({ chain: org, reason: 'chain_deleted', seq: null });
  });

  it('detects an entry edited with every later hash recomputed', async () => {
    const org = await chainOf(5);
    await checkpoint();
    const rows = await auditChainSlice(db, org, 0, 10);
    await tamper(async () => {
      let prev = rows[0]!.hash;
      for (const r of rows.slice(1)) {
        const details = r.chainSeq === 2 ? JSON.stringify({ i: 1, role: 'owner' }) : r.details;
        const c = { ...r, details, prevHash: prev };
        const hash = auditHash(c);
        await db
          .updateTable('audit_log')
          .set({ details, prev_hash: prev, hash })
          .where('seq', '=', r.seq)
          .execute();
        prev = hash;
      }
    });
    await fixHead(org);
    expect(await verifyWithout(org)).toMatchObject({ ok: true, checked: 5 });
    expect(await verifyWith(org)).toMatchObject({ ok: false, reason: 'checkpoint_mismatch', checked: 5 });
    expect((await checkpoint()).problems).toContainEqual({
      chain: org,
      reason: 'checkpoint_mismatch',
      seq: rows[4]!.seq,
    });
  });

  it('detects an entry removed from the middle, positions left as they were', async () => {
    const org = await chainOf(4);
    const rows = await auditChainSlice(db, org, 0, 10);
    await tamper(() => db.deleteFrom('audit_log').where('seq', '=', rows[1]!.seq).execute());
    expect(await verifyWithout(org)).toMatchObject({
      ok: false,
      reason: 'chain_seq_gap',
      firstBrokenSeq: rows[2]!.seq,
    });
  });

  it('ignores checkpoints whose signature does not verify (forged or signed by another key)', async () => {
    const org = await chainOf(2);
    await checkpoint();
    const own = createPublicKey(readFileSync(keyFile));
    const genuine = (await readCheckpoints(cpFile, [own])).last.get(org)!;
    // A forged line claiming the chain is shorter (to hide a later cut), with the real key id.
    appendFileSync(cpFile, `${JSON.stringify({ ...genuine, seq: 1, head: GENESIS_HASH })}\n`);
    // A line signed by some other key.
    const other = generateKeyPairSync('ed25519');
    appendFileSync(
      cpFile,
      `${JSON.stringify(signCheckpoint(other.privateKey, { ...genuine, seq: 1 }))}\nnot json\n`,
    );
    const file = await readCheckpoints(cpFile, [own]);
    expect(file.invalid.map((i) => i.reason)).toEqual(['bad_signature', 'bad_signature', 'unreadable']);
    expect(file.last.get(org)).toEqual(genuine);
    expect(path.basename(cpFile)).toBe('audit-checkpoints.jsonl');
  });
});
