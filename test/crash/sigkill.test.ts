import { ChainVerifier } from '@shinrai/core';
import { loadConfig, verifyAuditChain, type Deps } from '@shinrai/server';
import { auditChainBatch, auditChains, openStore } from '@shinrai/store';
import Sqlite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WRITER = path.join(ROOT, 'test/crash/writer.ts');
const ROWS_PER_TX = 2000;

interface Killed {
  /** Organizations whose transaction began, in order. */
  begun: string[];
  committed: Set<string>;
  /** The organization whose transaction was running when the kill was sent (no "committed" seen yet). */
  inFlight: string | null;
  /** Rows the writer had reported as written in the in-flight transaction when the kill was sent. */
  inFlightProgress: number;
}

type Trigger = { line: (l: string, state: Killed) => boolean } | { afterStartedMs: number };

/** Runs the writer until `trigger` fires, then SIGKILLs it and waits for it to die. */
function runAndKill(dataDir: string, trigger: Trigger): Promise<Killed> {
  const state: Killed = { begun: [], committed: new Set(), inFlight: null, inFlightProgress: 0 };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, String(ROWS_PER_TX)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill('SIGKILL');
    };
    const guard = setTimeout(() => {
      kill();
      reject(new Error(`writer never reached the kill point; stderr: ${stderr}`));
    }, 25_000);
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    createInterface({ input: child.stdout }).on('line', (l) => {
      if (killed) return;
      const [word, orgId = '', n] = l.split(' ');
      if (word === 'begin') {
        state.begun.push(orgId);
        state.inFlight = orgId;
        state.inFlightProgress = 0;
      } else if (word === 'progress') {
        state.inFlightProgress = Number(n);
      } else if (word === 'committed') {
        state.committed.add(orgId);
        state.inFlight = null;
      }
      if ('line' in trigger && trigger.line(l, state)) kill();
      if ('afterStartedMs' in trigger && word === 'started') setTimeout(kill, trigger.afterStartedMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself (code ${code}): ${stderr}`));
      else resolve(state);
    });
  });
}

interface Snapshot {
  orgs: string[];
  crashUsers: number;
}

/** Opens the database after the crash and checks that it is consistent. */
async function checkConsistent(dataDir: string, run: Killed): Promise<Snapshot> {
  const file = path.join(dataDir, 'shinrai.db');
  const db = new Sqlite(file, { fileMustExist: true }); // read-write: recovers the WAL
  let orgs: string[];
  let crashUsers: number;
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    orgs = (
      db.prepare("select id from organizations where slug like 'crash-%'").all() as { id: string }[]
    ).map((r) => r.id);
    const count = (q: string, ...args: string[]) => (db.prepare(q).get(...args) as { n: number }).n;
    for (const orgId of new Set([...orgs, ...run.begun])) {
      const present = orgs.includes(orgId);
      const expected = present ? ROWS_PER_TX : 0;
      expect(count('select count(*) as n from memberships where org_id = ?', orgId), orgId).toBe(expected);
      expect(
        count('select count(*) as n from users where email like ?', `%.${orgId}@crash.example`),
        orgId,
      ).toBe(expected);
      expect(count('select count(*) as n from audit_log where org_id = ?', orgId), orgId).toBe(
        present ? 1 : 0,
      );
      expect(
        count('select count(*) as n from audit_log where org_id is null and target_id = ?', orgId),
        orgId,
      ).toBe(present ? 1 : 0);
    }
    for (const orgId of run.committed) expect(orgs, 'a reported commit was lost').toContain(orgId);
    // No user of the crash test outside a complete organization.
    crashUsers = count("select count(*) as n from users where email like '%@crash.example'");
    expect(crashUsers).toBe(orgs.length * ROWS_PER_TX);
  } finally {
    db.close();
  }

  // Every audit chain verifies, with the production verifier and with ChainVerifier page by page.
  const store = openStore({ databaseUrl: undefined, dataDir });
  try {
    const deps = { store, config: loadConfig({ SHINRAI_DATA_DIR: dataDir }) } as Deps;
    for (const chain of await auditChains(store.db)) {
      const r = await verifyAuditChain(deps, chain, () => {});
      expect(r, `chain ${chain}`).toMatchObject({ ok: true, firstBrokenSeq: null });
      const v = new ChainVerifier();
      let after = 0;
      for (;;) {
        const batch = await auditChainBatch(store.db, chain, after, 3);
        if (batch.length === 0) break;
        expect(v.feed(batch)).toBeNull();
        after = batch[batch.length - 1]!.seq;
      }
      expect(v.checked).toBe(r.checked);
    }
  } finally {
    await store.close();
  }
  return { orgs, crashUsers };
}

describe('a process killed with SIGKILL in the middle of a multi-row write leaves the database consistent', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'shinrai-crash-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  // The same database is reused, so every run also starts from the previous crash's leftovers.
  const moments: [string, Trigger, { midTransaction: boolean }][] = [
    ['right after "started"', { line: (l) => l === 'started' }, { midTransaction: false }],
    [
      'early in the first transaction',
      { line: (l, s) => l.startsWith('progress') && s.inFlightProgress >= 100 },
      { midTransaction: true },
    ],
    [
      'just after the audit entry was appended inside the transaction',
      { line: (l, s) => l.startsWith('progress') && s.inFlightProgress >= ROWS_PER_TX / 2 },
      { midTransaction: true },
    ],
    ['right after a commit', { line: (l) => l.startsWith('committed') }, { midTransaction: false }],
    [
      'late in the second transaction',
      { line: (l, s) => s.committed.size === 1 && l.startsWith('progress') && s.inFlightProgress >= 1800 },
      { midTransaction: true },
    ],
    ['at an arbitrary time (400 ms after "started")', { afterStartedMs: 400 }, { midTransaction: false }],
  ];

  const midTransactionOutcomes: boolean[] = [];

  it.each(moments)('killed %s', async (_name, trigger, { midTransaction }) => {
    const run = await runAndKill(dataDir, trigger);
    const snap = await checkConsistent(dataDir, run);
    if (midTransaction) {
      expect(run.inFlight).not.toBeNull();
      // All or nothing; record whether the kill landed before the commit (it should, nearly always).
      midTransactionOutcomes.push(!snap.orgs.includes(run.inFlight!));
    }
  });

  it('really interrupted transactions (at least one in-flight organization was rolled back)', () => {
    expect(midTransactionOutcomes).toHaveLength(3);
    expect(midTransactionOutcomes.some(Boolean)).toBe(true);
  });

  it('the database still takes writes after all the crashes', async () => {
    const run = await runAndKill(dataDir, { line: (l) => l.startsWith('committed') });
    expect(run.committed.size).toBe(1);
    const snap = await checkConsistent(dataDir, run);
    expect(snap.orgs).toContain([...run.committed][0]);
  });
});
