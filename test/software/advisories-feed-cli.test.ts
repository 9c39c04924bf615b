import Sqlite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORDS_DIR, tempDir, zipBuffer } from './advisories-fixtures.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'packages/cli/bin/shinrai.mjs');

function cli(
  args: string[],
  dataDir: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const k of ['LANG', 'LC_ALL', 'SHINRAI_LANG', 'SHINRAI_DATABASE_URL']) delete env[k];
  Object.assign(env, { SHINRAI_DATA_DIR: dataDir, SHINRAI_LANG: 'en', NO_COLOR: '1' });
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

/** `shinrai advisories feed list|run` against a source served by a local HTTP server. */
describe('shinrai advisories feed', () => {
  let dir: string;
  let dataDir: string;
  let server: Server;
  let requests = 0;

  beforeAll(async () => {
    dir = tempDir();
    dataDir = path.join(dir, 'data');
    const names = ['GHSA-9v2f-6vcg-3hgv.json', 'PYSEC-2023-74.json'];
    const zip = await zipBuffer(
      names.map((name) => ({ name, data: readFileSync(path.join(RECORDS_DIR, name)) })),
    );
    server = createServer((req, res) => {
      requests++;
      if (req.headers['if-none-match'] === '"z1"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"z1"', 'content-length': zip.length }).end(zip);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    // the database exists once a command ran; the source is configured as the web app would
    expect((await cli(['advisories', 'feed', 'list'], dataDir)).stdout).toContain('no source');
    const db = new Sqlite(path.join(dataDir, 'shinrai.db'));
    const now = new Date().toISOString();
    db.prepare(
      `insert into advisory_feed_sources (id, name, kind, location, ecosystem, enabled, failures, seen, added,
         updated, unchanged, created_at, updated_at) values (?, ?, 'http', ?, 'PyPI', 1, 0, 0, 0, 0, 0, ?, ?)`,
    ).run(
      'src-1',
      'osv-pypi',
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/all.zip`,
      now,
      now,
    );
    db.close();
  });
  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a source (imported, then not modified) and lists its status', async () => {
    const first = await cli(['advisories', 'feed', 'run', '--source', 'osv-pypi'], dataDir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('osv-pypi: imported (2/2/0/0)');
    const second = await cli(['advisories', 'feed', 'run'], dataDir);
    expect(second.stdout).toContain('osv-pypi: not_modified');
    expect(requests).toBe(2);
    const list = await cli(['advisories', 'feed', 'list'], dataDir);
    expect(list.stdout).toMatch(/^osv-pypi\thttp\tPyPI\t-\tnot_modified\t0 h ago\t$/m);
    const unknown = await cli(['advisories', 'feed', 'run', '--source', 'nope'], dataDir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no source of that name');
  });
});
