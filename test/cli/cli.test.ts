import { appendAudit, openStore } from '@shinrai/store';
import Sqlite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'packages/cli/bin/shinrai.mjs');
const PASSWORD = 'correct horse battery staple';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process, with a clean locale unless `env` says otherwise. */
function cli(
  args: string[],
  opts: { dataDir: string; env?: Record<string, string>; stdin?: string },
): Promise<Run> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const k of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'LANGUAGE', 'SHINRAI_LANG', 'SHINRAI_DATABASE_URL'])
    delete env[k];
  Object.assign(env, { SHINRAI_DATA_DIR: opts.dataDir, NO_COLOR: '1' }, opts.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function withDb<T>(file: string, fn: (db: Sqlite.Database) => T): T {
  const db = new Sqlite(file, { fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe('shinrai CLI', () => {
  let dataDir: string;
  let dbFile: string;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'shinrai-cli-'));
    dbFile = path.join(dataDir, 'shinrai.db');
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows help in Japanese by default, in English with --lang en or an English LANG', async () => {
    const [ja, en, envEn] = await Promise.all([
      cli(['--help'], { dataDir }),
      cli(['--help', '--lang', 'en'], { dataDir }),
      cli(['--help'], { dataDir, env: { LANG: 'en_US.UTF-8' } }),
    ]);
    for (const r of [ja, en, envEn]) expect(r.code, r.stderr).toBe(0);

    expect(ja.stdout).toContain('産業サイバーセキュリティ基盤のコマンドラインツール');
    expect(ja.stdout).toMatch(/migrate\s+データベースのマイグレーションを適用/);
    expect(ja.stdout).toMatch(/backup \[file\]\s+SQLite データベースのオンラインバックアップ/);
    expect(ja.stdout).toContain('ヘルプを表示');
    expect(ja.stdout).not.toContain('apply database migrations');
    for (const r of [en, envEn]) {
      expect(r.stdout).toContain('command-line tool of the industrial cybersecurity platform');
      expect(r.stdout).toMatch(/migrate\s+apply database migrations/);
      expect(r.stdout).toMatch(/restore <file>\s+restore the SQLite database from a backup/);
      expect(r.stdout).not.toMatch(/[\u3040-\u30ff]/); // no kana at all
    }
    expect(existsSync(dbFile)).toBe(false); // help touches no database
  });

  it('backup without a database exits 2 with a clear message', async () => {
    const r = await cli(['backup', path.join(dataDir, 'nothing.db')], { dataDir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `データベースがありません（SHINRAI_DATA_DIR を確認してください）: ${dbFile}`,
    );
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('migrate creates the database; a second run reports it up to date', async () => {
    const first = await cli(['migrate'], { dataDir });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Success 0001-identity');
    expect(first.stdout).toContain('マイグレーションを適用しました');
    const tables = withDb(dbFile, (db) =>
      db
        .prepare("select name from sqlite_master where type = 'table'")
        .all()
        .map((r) => (r as { name: string }).name),
    );
    expect(tables).toEqual(expect.arrayContaining(['users', 'organizations', 'audit_log', 'jobs']));

    // (create-admin with a weak password runs alongside: it must be refused and create nothing.)
    const [second, weak] = await Promise.all([
      cli(['migrate', '--lang', 'en'], { dataDir }),
      cli(['create-admin', '--email', 'weak@example.jp', '--name', 'W', '--password-stdin'], {
        dataDir,
        stdin: 'short\n',
      }),
    ]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout.trim()).toBe('database is up to date');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('パスワードは12文字以上にしてください');
    const n = withDb(dbFile, (db) => db.prepare('select count(*) as n from users').get() as { n: number });
    expect(n.n).toBe(0);
  });

  it('create-admin --password-stdin creates an instance administrator who owns the new organization', async () => {
    const r = await cli(
      [
        'create-admin',
        '--email',
        'Admin@Example.JP',
        '--name',
        '管理 太郎',
        '--org',
        '信頼製作所',
        '--password-stdin',
      ],
      { dataDir, stdin: `${PASSWORD}\n` },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('管理者を作成しました');
    const row = withDb(
      dbFile,
      (db) =>
        db
          .prepare(
            `select u.email, u.display_name, u.is_instance_admin, u.password_hash, m.role, o.name as org
             from users u join memberships m on m.user_id = u.id join organizations o on o.id = m.org_id`,
          )
          .all() as Record<string, unknown>[],
    );
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({
      email: 'admin@example.jp',
      display_name: '管理 太郎',
      is_instance_admin: 1,
      role: 'owner',
      org: '信頼製作所',
    });
    expect(String(row[0]!.password_hash)).toMatch(/^scrypt\$/);
    expect(String(row[0]!.password_hash)).not.toContain(PASSWORD);
  });

  it('backup writes a valid SQLite file holding the data, and restore brings it back after changes', async () => {
    const backup = path.join(dataDir, 'saved', 'shinrai-backup.db');
    // (A second create-admin for the same e-mail runs alongside the backup; it must be refused.)
    const [b, again] = await Promise.all([
      cli(['backup', backup], { dataDir }),
      cli(['create-admin', '--email', 'ADMIN@example.jp', '--name', 'x', '--password-stdin'], {
        dataDir,
        stdin: PASSWORD,
      }),
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('このメールアドレスのユーザーはすでに存在します');
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toContain(`バックアップを作成しました: ${backup}`);
    withDb(backup, (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const users = db.prepare('select email, is_instance_admin from users').all();
      expect(users).toEqual([{ email: 'admin@example.jp', is_instance_admin: 1 }]);
    });

    // Change the live data after the backup.
    withDb(dbFile, (db) => {
      db.prepare("update users set display_name = 'changed' where email = 'admin@example.jp'").run();
      db.prepare(
        `insert into users (id, email, display_name, locale, created_at, updated_at)
         values ('late-user', 'late@example.jp', 'late', 'ja', '2030-01-01', '2030-01-01')`,
      ).run();
    });

    const r = await cli(['restore', backup, '--lang', 'en'], { dataDir });
    expect(r.code, r.stderr).toBe(0);
    const kept = /kept at: (.+)$/m.exec(r.stdout)?.[1];
    expect(kept).toBeDefined();
    withDb(dbFile, (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('select email, display_name from users').all()).toEqual([
        { email: 'admin@example.jp', display_name: '管理 太郎' },
      ]);
    });
    // The database that was replaced is kept, with the later change.
    withDb(kept!, (db) => {
      expect(db.prepare("select display_name from users where email = 'admin@example.jp'").get()).toEqual({
        display_name: 'changed',
      });
      expect(db.prepare("select count(*) as n from users where id = 'late-user'").get()).toEqual({ n: 1 });
    });
  });

  it('restore of a file that is not a database exits 2 with a clear message and changes nothing', async () => {
    const junk = path.join(dataDir, 'notes.txt');
    writeFileSync(junk, 'これはデータベースではありません。\n'.repeat(200));
    const foreign = path.join(dataDir, 'foreign.db');
    new Sqlite(foreign).exec('create table t (x)').close();
    const before = sha(dbFile);
    const filesBefore = readdirSync(dataDir).sort();

    const [text, foreignRun] = await Promise.all([
      cli(['restore', junk], { dataDir }),
      cli(['restore', foreign, '--lang', 'en'], { dataDir }),
    ]);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('バックアップファイルとして使えません');
    expect(text.stderr).toContain(junk);
    expect(text.stderr).toContain('not_sqlite');
    expect(foreignRun.code).toBe(2);
    expect(foreignRun.stderr).toMatch(/not usable as a backup: .*foreign\.db \(not_shinrai\)/);

    expect(sha(dbFile)).toBe(before);
    expect(readdirSync(dataDir).sort()).toEqual(filesBefore);
    withDb(dbFile, (db) => expect(db.prepare('select count(*) as n from users').get()).toEqual({ n: 1 }));
  });

  it('audit verify exits 0 on an intact log and 1 with the broken seq after tampering', async () => {
    // Real audit entries, written by the store the way the server writes them.
    const store = openStore({ databaseUrl: undefined, dataDir });
    const orgId = withDb(
      dbFile,
      (db) => (db.prepare('select id from organizations').get() as { id: string }).id,
    );
    const seqs: number[] = [];
    try {
      for (let i = 0; i < 6; i++) {
        seqs.push(
          await store.db.transaction().execute((trx) =>
            appendAudit(trx, store.ops, {
              at: new Date(Date.UTC(2030, 0, 1, 0, 0, i)).toISOString(),
              orgId: i % 3 === 2 ? null : orgId,
              actorUserId: null,
              actorTokenId: null,
              action: 'member.invite',
              targetType: 'user',
              targetId: `u${i}`,
              requestId: null,
              details: { email: `user${i}@example.jp`, role: 'member' },
            }),
          ),
        );
      }
    } finally {
      await store.close();
    }

    const ok = await cli(['audit', 'verify'], { dataDir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`監査ログは改ざんされていません — チェーン ${orgId}: 4 件`);
    expect(ok.stdout).toContain('監査ログは改ざんされていません — チェーン インスタンス: 2 件');
    expect(ok.stdout).toContain('チェックポイントファイルがありません');

    const victim = seqs[3]!; // the third entry of the organization's chain
    withDb(dbFile, (db) => {
      expect(() => db.prepare('update audit_log set details = ? where seq = ?').run('{}', victim)).toThrow(
        /append-only/,
      );
      db.exec('drop trigger audit_log_no_update');
      db.prepare('update audit_log set details = ? where seq = ?').run(
        JSON.stringify({ email: 'user3@example.jp', role: 'owner' }),
        victim,
      );
    });

    const broken = await cli(['audit', 'verify', '--lang', 'en'], { dataDir });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`audit log broken — chain ${orgId}: seq ${victim} (hash_mismatch)`);
    expect(broken.stdout).toContain('audit log intact — chain instance: 2 entries');
  });

  it('audit checkpoint signs the chain heads; audit verify compares with the last one and reports a cut tail', async () => {
    const store = openStore({ databaseUrl: undefined, dataDir });
    const org = randomUUID();
    try {
      for (let i = 0; i < 5; i++)
        await store.db.transaction().execute((trx) =>
          appendAudit(trx, store.ops, {
            at: new Date(Date.UTC(2030, 0, 2, 0, 0, i)).toISOString(),
            orgId: org,
            actorUserId: null,
            actorTokenId: null,
            action: 'org.update',
            targetType: null,
            targetId: null,
            requestId: null,
            details: { i },
          }),
        );
    } finally {
      await store.close();
    }
    const made = await cli(['audit', 'checkpoint', '--lang', 'en'], { dataDir });
    expect(made.code, made.stderr).toBe(1); // the organization tampered with above gets no checkpoint
    const lines = made.stdout.split('\n').filter((l) => l.startsWith('{'));
    const cp = lines
      .map((l) => JSON.parse(l) as { chain: string; seq: number; head: string })
      .find((c) => c.chain === org);
    expect(cp).toMatchObject({ seq: 5 });
    expect(made.stdout).toMatch(/audit log broken — chain [0-9a-f-]{36}: hash_mismatch/);
    const [pem, ok] = await Promise.all([
      cli(['audit', 'public-key'], { dataDir }),
      cli(['audit', 'verify', '--lang', 'en'], { dataDir }),
    ]);
    expect(pem.stdout).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(ok.stdout).toContain(`audit log intact — chain ${org}: 5 entries`);
    expect(ok.stdout).toContain(`  checkpoint: entry 5 ${cp!.head}`);

    // Cut the last two entries and make the head row agree: only the checkpoint shows it.
    withDb(dbFile, (db) => {
      db.exec('drop trigger if exists audit_log_no_update; drop trigger if exists audit_log_no_delete');
      db.prepare('delete from audit_log where org_id = ? and chain_seq > 3').run(org);
      const last = db.prepare('select hash from audit_log where org_id = ? and chain_seq = 3').get(org) as {
        hash: string;
      };
      db.prepare('update audit_chains set seq = 3, head = ? where chain = ?').run(last.hash, org);
    });
    // The operator verifies against the copy shipped elsewhere, with the public key kept apart; a forged
    // line added to that copy (claiming the chain had 3 entries) is reported, not trusted.
    const shipped = path.join(dataDir, 'shipped.jsonl');
    const pubFile = path.join(dataDir, 'shipped.pub.pem');
    const forgedLine = lines.find((l) => l.includes(org))!.replace('"seq":5', '"seq":3');
    writeFileSync(
      shipped,
      `${readFileSync(path.join(dataDir, 'audit-checkpoints.jsonl'), 'utf8')}${forgedLine}\n`,
    );
    writeFileSync(pubFile, pem.stdout);
    const [cut, ja] = await Promise.all([
      cli(['audit', 'verify', '--lang', 'en', '--checkpoints', shipped, '--public-key', pubFile], {
        dataDir,
      }),
      cli(['audit', 'verify'], { dataDir }),
    ]);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toContain(
      `audit log broken — chain ${org}: entries were cut from the end (3 now, the checkpoint has 5) (tail_cut)`,
    );
    expect(cut.stdout).toMatch(
      /checkpoint whose signature does not verify: .*shipped\.jsonl line \d+ \(bad_signature\)/,
    );
    expect(ja.code).toBe(1);
    expect(ja.stdout).toContain(
      `監査ログの破損を検出 — チェーン ${org}: 末尾のエントリが削除されています（現在 3 件、チェックポイントでは 5 件）`,
    );
  }, 120_000);
});
