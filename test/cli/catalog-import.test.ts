import Sqlite from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('shinrai catalog import', () => {
  let dir: string;
  let slug: string;
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['packages/cli/bin/shinrai.mjs', ...args], {
      cwd: ROOT,
      env: { ...process.env, SHINRAI_DATA_DIR: dir, LANG: 'C.UTF-8' },
      input,
      encoding: 'utf8',
    });
  const catalogCount = () => {
    const db = new Sqlite(path.join(dir, 'shinrai.db'), { readonly: true });
    try {
      return (db.prepare('select count(*) as n from catalogs').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'shinrai-cli-cat-'));
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

  const args = (file: string) => [
    'catalog',
    'import',
    file,
    '--org',
    slug,
    '--map',
    'ref=ID,parent=親ID,titleJa=項目名',
    '--urn',
    'urn:shinrai:catalog:cli-test',
    '--pack-version',
    '1.0.0',
  ];

  it('refuses a sheet with an unknown parent, names the row and column, exits 2 and writes nothing', () => {
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, 'ID,親ID,項目名\nQ1,,秘密情報\nQ2,NOPE,アクセス\n');
    const r = run(args(file));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('行 3');
    expect(r.stderr).toContain('列 B');
    expect(r.stderr).toContain('NOPE');
    expect(catalogCount()).toBe(0);
    const en = run([...args(file), '--lang', 'en']);
    expect(en.stderr).toContain('row 3 / column B');
  });

  it('previews with --dry-run, then imports', () => {
    const file = path.join(dir, 'good.csv');
    writeFileSync(file, 'ID,親ID,項目名\nG,,情報管理\nQ1,G,秘密情報の一覧\nQ2,G,アクセス権の見直し\n');
    const dry = run([...args(file), '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('urn:shinrai:catalog:cli-test@1.0.0: 2');
    expect(catalogCount()).toBe(0);
    const real = run(args(file));
    expect(real.status).toBe(0);
    expect(catalogCount()).toBe(1);
    expect(run(args(file)).status).toBe(2);
  });
});
