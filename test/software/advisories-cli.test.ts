import Sqlite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osvRecord, renameEntry, tempDir, writeTemp, zipBuffer } from './advisories-fixtures.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'packages/cli/bin/shinrai.mjs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `shinrai advisories import` in a child process (bin/shinrai.mjs routes it to the lean entry). */
function cli(args: string[], dataDir: string, lang: 'ja' | 'en' = 'en'): Promise<Run> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const k of ['LANG', 'LC_ALL', 'SHINRAI_LANG', 'SHINRAI_DATABASE_URL']) delete env[k];
  Object.assign(env, { SHINRAI_DATA_DIR: dataDir, SHINRAI_LANG: lang, NO_COLOR: '1' });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const count = (dataDir: string) => {
  const db = new Sqlite(path.join(dataDir, 'shinrai.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('select count(*) as n from advisories').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('shinrai advisories import', () => {
  let dir: string;
  let dataDir: string;
  beforeAll(() => {
    dir = tempDir();
    dataDir = path.join(dir, 'data');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const items = Array.from({ length: 3 }, (_, i) => ({
    name: `GHSA-cli-${i}.json`,
    data: osvRecord({ id: `GHSA-cli-${i}` }),
  }));

  it('imports an all.zip, then finds everything unchanged; summaries in en and ja', async () => {
    const zip = writeTemp(dir, 'all.zip', await zipBuffer(items));
    const first = await cli(['advisories', 'import', zip], dataDir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('processed 3: added 3, updated 0, unchanged 0, skipped 0');
    expect(first.stdout).toContain('portfolio re-match queued as a job');
    expect(count(dataDir)).toBe(3);
    const again = await cli(['advisories', 'import', zip], dataDir, 'ja');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('処理 3 件: 追加 0、更新 0、変更なし 3');
    expect(again.stdout).not.toContain('再照合');
    // The operator's imports are in the instance audit chain, with source and counts.
    const db = new Sqlite(path.join(dataDir, 'shinrai.db'), { readonly: true, fileMustExist: true });
    try {
      const rows = db
        .prepare(
          "select action, org_id, details from audit_log where action like 'advisories.%' order by seq",
        )
        .all() as { action: string; org_id: string | null; details: string }[];
      expect(rows.map((r) => [r.action, r.org_id])).toEqual([
        ['advisories.import_start', null],
        ['advisories.import_done', null],
        ['advisories.import_start', null],
        ['advisories.import_done', null],
      ]);
      expect(JSON.parse(rows[1]!.details)).toMatchObject({
        source: 'all.zip',
        via: 'cli',
        counts: { processed: 3, added: 3 },
      });
      expect(JSON.parse(rows[3]!.details)).toMatchObject({ counts: { unchanged: 3, added: 0 } });
    } finally {
      db.close();
    }
  });

  it('refuses a zip with a path-traversal entry: exit 2, nothing written', async () => {
    const base = await zipBuffer([
      ...items,
      { name: 'zz/bad.json', data: osvRecord({ id: 'GHSA-cli-bad' }) },
    ]);
    const zip = writeTemp(dir, 'evil.zip', renameEntry(base, 'zz/bad.json', '../bad.json'));
    const before = count(dataDir);
    const r = await cli(['advisories', 'import', zip], dataDir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('import refused');
    expect(r.stderr).toContain('../bad.json');
    expect(count(dataDir)).toBe(before);
    const db = new Sqlite(path.join(dataDir, 'shinrai.db'), { readonly: true, fileMustExist: true });
    try {
      const last = db
        .prepare("select details from audit_log where action = 'advisories.import_failed' order by seq desc")
        .get() as { details: string } | undefined;
      expect(JSON.parse(last?.details ?? '{}')).toMatchObject({
        source: 'evil.zip',
        via: 'cli',
        error: 'path_traversal',
      });
    } finally {
      db.close();
    }
  });
});
