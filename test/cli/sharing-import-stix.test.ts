import Sqlite from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `shinrai sharing import-stix FILE --org <slug>` through the real CLI on a real SQLite database: counts,
// located notes, idempotency, and a refused bundle that writes nothing.

const ROOT = path.resolve(import.meta.dirname, '../..');
const MISP = path.join(ROOT, 'test/fixtures/sharing/stix-intake/misp-event-1842.json');

describe('shinrai sharing import-stix', () => {
  let dir: string;
  let slug: string;
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['packages/cli/bin/shinrai.mjs', ...args], {
      cwd: ROOT,
      env: { ...process.env, SHINRAI_DATA_DIR: dir, LANG: 'C.UTF-8' },
      input,
      encoding: 'utf8',
    });
  const count = () => {
    const db = new Sqlite(path.join(dir, 'shinrai.db'), { readonly: true });
    try {
      return (db.prepare('select count(*) as n from sharing_intake_objects').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'shinrai-cli-stix-'));
    expect(
      run(
        [
          'create-admin',
          '--email',
          'cli@example.jp',
          '--name',
          'CLI',
          '--org',
          '取込テスト',
          '--password-stdin',
        ],
        'a long enough passphrase',
      ).status,
    ).toBe(0);
    const db = new Sqlite(path.join(dir, 'shinrai.db'), { readonly: true });
    slug = (db.prepare('select slug from organizations').get() as { slug: string }).slug;
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a broken bundle with located problems, exits 2 and writes nothing', () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ type: 'bundle', id: 'bundle--1', objects: [{ type: 'indicator' }] }),
    );
    const r = run(['sharing', 'import-stix', file, '--org', slug, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad.json /objects/0/id');
    expect(r.stderr).toContain('nothing was saved');
    expect(count()).toBe(0);
    expect(run(['sharing', 'import-stix', file, '--org', 'no-such-org']).status).toBe(2);
  });

  it('imports a MISP export, then the same file again adds nothing', () => {
    const first = run(['sharing', 'import-stix', MISP, '--org', slug]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('追加 11 · 更新 0 · 変更なし 0 · 見送り 1');
    expect(first.stdout).toContain('/objects/2/target_ref');
    expect(count()).toBe(11);
    const again = run(['sharing', 'import-stix', MISP, '--org', slug, '--lang', 'en']);
    expect(again.stdout).toContain('0 added · 0 updated · 11 unchanged');
    expect(count()).toBe(11);
  });
});
