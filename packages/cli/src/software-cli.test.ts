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
    const stdlib = {
      id: 'GO-2023-1878',
      modified: NOW,
      summary: 'net/http: insufficient sanitization of Host header',
      affected: [
        {
          package: { ecosystem: 'Go', name: 'stdlib' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.20.6' }] }],
        },
      ],
    };
    const leftPad = {
      id: 'GHSA-left-pad-range',
      modified: NOW,
      summary: 'left-pad before 1.3.0',
      affected: [
        {
          package: { ecosystem: 'npm', name: 'left-pad' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.3.0' }] }],
        },
      ],
    };
    await writeAdvisories(store.db, [
      {
        advisory: {
          id: leftPad.id,
          modified: NOW,
          published: null,
          withdrawn: null,
          malicious: 0,
          summary: leftPad.summary,
          aliases: '[]',
          severity: 'high',
          score: null,
          vector: null,
          record: JSON.stringify(leftPad),
          imported_at: NOW,
        },
        packages: [{ ecosystem: 'npm', base_ecosystem: 'npm', name: 'left-pad' }],
      },
      {
        advisory: {
          id: stdlib.id,
          modified: NOW,
          published: null,
          withdrawn: null,
          malicious: 0,
          summary: stdlib.summary,
          aliases: '[]',
          severity: 'high',
          score: null,
          vector: null,
          record: JSON.stringify(stdlib),
          imported_at: NOW,
        },
        packages: [{ ecosystem: 'Go', base_ecosystem: 'Go', name: 'stdlib' }],
      },
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

  it('exits 0 with --fail-on never; with --strict, 2 with located problems for a schema-invalid file', () => {
    expect(scan(lock, path.join(dir, 'data'), '--fail-on', 'never').status).toBe(0);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":3}]}');
    const r = scan(bad, path.join(dir, 'data'), '--lang', 'en', '--strict');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/components/0');
    // Lenient (the default): read, the problem shown as a located warning.
    const lenient = scan(bad, path.join(dir, 'data'), '--lang', 'en');
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toContain('Warnings');
    expect(lenient.stdout).toContain('/components/0/name');
  });

  it("shows warnings in table, JSON and SARIF; syft's Go standard library matches like v1.20.5", () => {
    const bom = path.join(dir, 'syft.cdx.json');
    writeFileSync(
      bom,
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.5',
        version: 1,
        components: [
          {
            type: 'library',
            'bom-ref': 'go',
            name: 'stdlib',
            version: 'go1.20.5',
            purl: 'pkg:golang/stdlib@1.20.5',
          },
          { type: 'library', 'bom-ref': 'a', name: 'a', version: '1', purl: 'npm/a@1' },
          { type: 'library', 'bom-ref': 'b', name: 'b', version: '1', purl: 'pkg:/b@1' },
        ],
      }),
    );
    const table = scan(bom, path.join(dir, 'data'), '--lang', 'en');
    // The record gives no severity: unknown fails the default gate, and the table says so…
    expect(table.status).toBe(1);
    expect(table.stdout).toContain('1 of unknown severity');
    expect(table.stdout).toContain('GO-2023-1878');
    // …unless allowed.
    expect(scan(bom, path.join(dir, 'data'), '--lang', 'en', '--allow-unknown').status).toBe(0);
    expect(table.stdout.match(/is not valid/g)).toHaveLength(2);
    const json = JSON.parse(scan(bom, path.join(dir, 'data'), '--format', 'json').stdout) as {
      findings: { advisoryId: string; version: string }[];
      warnings: { code: string; pointer?: string }[];
    };
    expect(json.findings).toEqual([
      expect.objectContaining({ advisoryId: 'GO-2023-1878', version: '1.20.5' }),
    ]);
    expect(json.warnings.filter((w) => w.code === 'invalid_purl').map((w) => w.pointer)).toEqual([
      '/components/1/purl',
      '/components/2/purl',
    ]);
    const sarif = JSON.parse(scan(bom, path.join(dir, 'data'), '--format', 'sarif').stdout) as {
      runs: { results: { ruleId: string; level: string }[] }[];
    };
    expect(sarif.runs[0]?.results.filter((r) => r.ruleId === 'sbom/invalid_purl')).toHaveLength(2);
  });

  it('notes a component whose version cannot be evaluated against an advisory range, in table, JSON and SARIF', () => {
    const bom = path.join(dir, 'unreadable.cdx.json');
    writeFileSync(
      bom,
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        version: 1,
        components: [
          // A version no npm range can be compared with…
          {
            type: 'library',
            'bom-ref': 'x',
            name: 'left-pad',
            version: 'build-7',
            purl: 'pkg:npm/left-pad@build-7',
          },
          // …and a readable one outside the range: no finding, no note.
          {
            type: 'library',
            'bom-ref': 'y',
            name: 'left-pad',
            version: '1.3.0',
            purl: 'pkg:npm/left-pad@1.3.0',
          },
        ],
      }),
    );
    const table = scan(bom, path.join(dir, 'data'), '--lang', 'en');
    expect(table.status).toBe(0);
    expect(table.stdout).toContain(
      'Cannot evaluate "left-pad@build-7" against 1 advisories: its version "build-7" cannot be read (GHSA-left-pad-range).',
    );
    expect(table.stdout).not.toContain('left-pad@1.3.0');
    const json = JSON.parse(scan(bom, path.join(dir, 'data'), '--format', 'json').stdout) as {
      findings: unknown[];
      warnings: { code: string; component?: string }[];
    };
    expect(json.findings).toEqual([]);
    expect(json.warnings.filter((w) => w.code.startsWith('cannot_evaluate'))).toEqual([
      expect.objectContaining({ code: 'cannot_evaluate_version', component: 'left-pad@build-7' }),
    ]);
    const sarif = JSON.parse(scan(bom, path.join(dir, 'data'), '--format', 'sarif').stdout) as {
      runs: { results: { ruleId: string; level: string; properties: { component: string | null } }[] }[];
    };
    expect(
      sarif.runs[0]?.results
        .filter((r) => r.ruleId === 'sbom/cannot_evaluate_version')
        .map((r) => r.properties.component),
    ).toEqual(['left-pad@build-7']);
  });
});
