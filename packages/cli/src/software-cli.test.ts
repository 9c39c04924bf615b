import { migrate, openStore, writeAdvisories } from '@shinrai/store';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventStreamLock } from '@shinrai/formats/sbom/fixtures';

const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '../bin/shinrai.mjs');
const NOW = '2025-06-01T00:00:00.000Z';

/** The bin as a build pipeline runs it (its own process, the lean start-up path). */
function scan(file: string, dataDir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'sbom', 'scan', file, ...args], {
    env: { ...process.env, SHINRAI_DATA_DIR: dataDir, LANG: 'en_US.UTF-8' },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('shinrai sbom scan (offline, local advisory database)', () => {
  let dir: string;
  let lock: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'shinrai-scan-'));
    lock = path.join(dir, 'package-lock.json');
    writeFileSync(lock, JSON.stringify(eventStreamLock()));
    const store = openStore({ databaseUrl: undefined, dataDir: path.join(dir, 'data') });
    await migrate(store);
    const record = {
      id: 'MAL-2018-bench-flatmap',
      modified: NOW,
      summary: 'Malicious code in flatmap-stream',
      affected: [{ package: { ecosystem: 'npm', name: 'flatmap-stream' }, versions: ['0.1.1'] }],
    };
    await writeAdvisories(store.db, [
      {
        advisory: {
          id: record.id,
          modified: NOW,
          published: null,
          withdrawn: null,
          malicious: 1,
          summary: record.summary,
          aliases: '[]',
          severity: 'critical',
          score: null,
          vector: null,
          record: JSON.stringify(record),
          imported_at: NOW,
        },
        packages: [{ ecosystem: 'npm', base_ecosystem: 'npm', name: 'flatmap-stream' }],
      },
    ]);
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('catches flatmap-stream under event-stream in a lockfile: JSON with its path, exit 1', () => {
    const r = scan(lock, path.join(dir, 'data'), '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as {
      components: number;
      findings: { advisoryId: string; package: string; malicious: boolean; path: string[] }[];
    };
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({
      advisoryId: 'MAL-2018-bench-flatmap',
      package: 'flatmap-stream',
      malicious: true,
    });
    expect(out.findings[0]?.path.slice(-2)).toEqual(['event-stream', 'flatmap-stream']);
  });

  it('exits 0 with --fail-on never, and 2 with located problems for a bad file', () => {
    expect(scan(lock, path.join(dir, 'data'), '--fail-on', 'never').status).toBe(0);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":3}]}');
    const r = scan(bad, path.join(dir, 'data'), '--lang', 'en');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/components/0');
  });
});
