import { importAdvisories } from '@shinrai/server';
import {
  advisoriesFor,
  advisoryKeySet,
  advisoryStatus,
  clearPendingRematch,
  findAdvisory,
  pendingRematch,
} from '@shinrai/store';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStore, testDialects, type TestStore } from '../helpers/stores.ts';
import { osvRecord, RECORDS_DIR, tempDir, writeTemp, zipBuffer } from './advisories-fixtures.ts';

describe.each(testDialects())('advisory import on %s', (dialect) => {
  let t: TestStore;
  let dir: string;
  beforeAll(async () => {
    t = await makeStore(dialect);
    dir = tempDir();
  });
  afterAll(async () => {
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the OSV schema test records from a folder, then finds nothing new on a second run', async () => {
    const first = await importAdvisories(t.store, RECORDS_DIR, 'records');
    if (!first.ok) throw new Error(first.reason);
    // 12 files: 6 distinct usable records, 2 later copies of them (same modified), 4 without any package
    expect(first.counts).toMatchObject({
      processed: 12,
      added: 6,
      updated: 0,
      unchanged: 2,
      skipped: 4,
      malicious: 1,
    });
    expect(first.skippedReasons.no_package?.count).toBe(4);
    expect(first.skippedReasons.no_package?.examples).toContain('RHSA-2022:0216');
    expect(first.rematchJobId).not.toBeNull();

    const mal = await findAdvisory(t.store.db, 'MAL-2024-10238');
    expect(mal).toMatchObject({ malicious: 1, severity: 'critical', withdrawn: null });
    const ghsa = await findAdvisory(t.store.db, 'GHSA-9v2f-6vcg-3hgv');
    expect(ghsa?.severity).toBe('critical');
    expect(ghsa?.score).toBeGreaterThanOrEqual(9);
    expect(ghsa?.vector).toMatch(/^CVSS:3\.1\//);
    const source = JSON.parse(readFileSync(`${RECORDS_DIR}/GHSA-9v2f-6vcg-3hgv.json`, 'utf8')) as {
      aliases: string[];
    };
    expect(JSON.parse(ghsa?.aliases ?? '[]')).toEqual(source.aliases);
    expect((JSON.parse(ghsa?.record ?? '{}') as { id: string }).id).toBe('GHSA-9v2f-6vcg-3hgv');

    const keys = await advisoryKeySet(t.store.db);
    expect(keys.has('PyPI\u0000123bla')).toBe(true);
    expect(keys.has('Go\u0000github.com/gin-gonic/gin')).toBe(true);
    expect(keys.has('npm\u0000github.com/gin-gonic/gin')).toBe(false);
    const found = await advisoriesFor(t.store.db, [
      { ecosystem: 'PyPI', name: '123bla' },
      { ecosystem: 'Alpine:v3.8', name: 'openssl' },
      { ecosystem: 'npm', name: 'not-there' },
    ]);
    expect(found.get('PyPI\u0000123bla')?.map((a) => a.id)).toEqual(['MAL-2024-10238']);
    expect(found.get('Alpine\u0000openssl')?.map((a) => a.id)).toEqual(['CVE-2018-5407']);
    expect(found.has('npm\u0000not-there')).toBe(false);

    // what the re-match job does once it ran: the advisories no longer wait
    const waiting = await pendingRematch(t.store.db, 100);
    expect(waiting.advisoryIds?.sort()).toHaveLength(6);
    await clearPendingRematch(t.store.db, waiting.tokens);

    const again = await importAdvisories(t.store, RECORDS_DIR, 'records', { batchSize: 3 });
    if (!again.ok) throw new Error(again.reason);
    expect(again.counts).toMatchObject({ processed: 12, added: 0, updated: 0, unchanged: 8, skipped: 4 });
    expect(again.rematchJobId).toBeNull();

    const status = await advisoryStatus(t.store.db);
    expect(status.total).toBe(6);
    expect(status.malicious).toBe(1);
    expect(status.byEcosystem.find((e) => e.ecosystem === 'PyPI')?.count).toBe(3);
    expect(status.lastImport).toMatchObject({ id: again.importId, status: 'done', unchanged: 8 });
  });

  it('imports an all.zip incrementally: newer modified or changed content replaces, older or the same is unchanged', async () => {
    const zip1Record3 = osvRecord({
      id: 'GHSA-aaaa-0003',
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N' }],
    });
    const zip1 = await zipBuffer([
      { name: 'GHSA-aaaa-0001.json', data: osvRecord({ id: 'GHSA-aaaa-0001' }) },
      { name: 'GHSA-aaaa-0002.json', data: osvRecord({ id: 'GHSA-aaaa-0002' }) },
      { name: 'GHSA-aaaa-0003.json', data: zip1Record3 },
    ]);
    const r1 = await importAdvisories(t.store, writeTemp(dir, 'one.zip', zip1), 'one.zip');
    if (!r1.ok) throw new Error(r1.reason);
    expect(r1.counts).toMatchObject({ processed: 3, added: 3, updated: 0, unchanged: 0 });
    expect((await findAdvisory(t.store.db, 'GHSA-aaaa-0003'))?.severity).toBe('medium');

    const zip2 = await zipBuffer([
      // newer: replaces the record and its packages
      {
        name: 'GHSA-aaaa-0001.json',
        data: osvRecord({
          id: 'GHSA-aaaa-0001',
          modified: '2024-06-01T00:00:00Z',
          summary: 'changed',
          affected: [{ package: { ecosystem: 'npm', name: 'right-pad' }, versions: ['1.0.0'] }],
        }),
      },
      // older than stored: unchanged
      {
        name: 'GHSA-aaaa-0002.json',
        data: osvRecord({ id: 'GHSA-aaaa-0002', modified: '2023-01-01T00:00:00Z', summary: 'old' }),
      },
      // same modified, same content: unchanged
      { name: 'GHSA-aaaa-0003.json', data: zip1Record3 },
    ]);
    const r2 = await importAdvisories(t.store, writeTemp(dir, 'two.zip', zip2), 'two.zip');
    if (!r2.ok) throw new Error(r2.reason);
    expect(r2.counts).toMatchObject({ processed: 3, added: 0, updated: 1, unchanged: 2 });
    expect((await findAdvisory(t.store.db, 'GHSA-aaaa-0001'))?.summary).toBe('changed');
    expect((await findAdvisory(t.store.db, 'GHSA-aaaa-0002'))?.summary).toBe('summary of GHSA-aaaa-0002');
    expect((await findAdvisory(t.store.db, 'GHSA-aaaa-0003'))?.summary).toBe('summary of GHSA-aaaa-0003');

    // Same modified, changed content (golang/vulndb dates every record 0001-01-01): re-imported.
    const zip3 = await zipBuffer([
      { name: 'GHSA-aaaa-0003.json', data: { ...zip1Record3, summary: 'same time, new text' } },
    ]);
    const r3 = await importAdvisories(t.store, writeTemp(dir, 'three.zip', zip3), 'three.zip');
    if (!r3.ok) throw new Error(r3.reason);
    expect(r3.counts).toMatchObject({ processed: 1, updated: 1, unchanged: 0 });
    expect((await findAdvisory(t.store.db, 'GHSA-aaaa-0003'))?.summary).toBe('same time, new text');
    const found = await advisoriesFor(t.store.db, [
      { ecosystem: 'npm', name: 'left-pad' },
      { ecosystem: 'npm', name: 'right-pad' },
    ]);
    expect(
      found
        .get('npm\u0000left-pad')
        ?.map((a) => a.id)
        .sort(),
    ).toEqual(['GHSA-aaaa-0002', 'GHSA-aaaa-0003']);
    expect(found.get('npm\u0000right-pad')?.map((a) => a.id)).toEqual(['GHSA-aaaa-0001']);

    // one queued re-match takes whatever waits when it starts: r2 found it queued and added none
    const jobs = await t.store.db
      .selectFrom('jobs')
      .select(['payload'])
      .where('kind', '=', 'software.rematch')
      .where('status', '=', 'queued')
      .execute();
    expect(jobs.map((j) => JSON.parse(j.payload) as unknown)).toEqual([{ pending: true }]);
    expect(r2.rematchJobId).toBeNull();
    // r1's three and r2's one wait for the re-match (nobody ran it here)
    const waiting = await pendingRematch(t.store.db, 100);
    expect(waiting.advisoryIds).toEqual(expect.arrayContaining(['GHSA-aaaa-0001', 'GHSA-aaaa-0002']));
  });

  it('reads OSV records in YAML (as PyPA publishes them) like JSON, and skips malformed YAML', async () => {
    const pypa = [
      'id: PYSEC-2098-1',
      'modified: 2024-03-01T00:00:00Z',
      'published: 2024-02-01T00:00:00Z',
      'summary: a YAML record',
      'aliases:',
      '- CVE-2098-0001',
      'affected:',
      '- package:',
      '    name: Some_Package',
      '    ecosystem: PyPI',
      '  ranges:',
      '  - type: ECOSYSTEM',
      '    events:',
      '    - introduced: "0"',
      '    - fixed: 1.2.0',
      '',
    ].join('\n');
    const zip = await zipBuffer([
      { name: 'vulns/some-package/PYSEC-2098-1.yaml', data: pypa },
      { name: 'vulns/bad/PYSEC-2098-2.yml', data: 'id: [unclosed' },
      { name: 'vulns/bad/PYSEC-2098-3.yaml', data: 'id: a\nid: b\nmodified: 2024-01-01T00:00:00Z\n' },
    ]);
    const r = await importAdvisories(t.store, writeTemp(dir, 'pypa.zip', zip), 'pypa.zip');
    if (!r.ok) throw new Error(r.reason);
    expect(r.counts).toMatchObject({ processed: 3, added: 1, skipped: 2 });
    expect(r.skippedReasons.malformed_yaml?.count).toBe(2);
    const stored = await findAdvisory(t.store.db, 'PYSEC-2098-1');
    // Dates stay the strings they are in the file; the PyPI name is normalised for matching.
    expect(stored).toMatchObject({ modified: '2024-03-01T00:00:00Z', summary: 'a YAML record' });
    const found = await advisoriesFor(t.store.db, [{ ecosystem: 'PyPI', name: 'some-package' }]);
    expect(found.get('PyPI\u0000some-package')?.map((a) => a.id)).toEqual(['PYSEC-2098-1']);
    // The same record as JSON has the same content: unchanged.
    const asJson = JSON.parse(stored?.record ?? '{}') as Record<string, unknown>;
    const again = await importAdvisories(
      t.store,
      writeTemp(dir, 'PYSEC-2098-1.json', JSON.stringify(asJson)),
      'PYSEC-2098-1.json',
    );
    if (!again.ok) throw new Error(again.reason);
    expect(again.counts).toMatchObject({ processed: 1, unchanged: 1, updated: 0 });
  });

  it('keeps withdrawn records out of matching, marks MAL- critical, skips unknown ecosystems and bad JSON', async () => {
    const zip = await zipBuffer([
      {
        name: 'w/GHSA-wwww-0001.json',
        data: osvRecord({
          id: 'GHSA-wwww-0001',
          withdrawn: '2024-02-01T00:00:00Z',
          affected: [{ package: { ecosystem: 'npm', name: 'withdrawn-pkg' }, versions: ['1.0.0'] }],
        }),
      },
      {
        name: 'm/MAL-2099-0001.json',
        data: osvRecord({
          id: 'MAL-2099-0001',
          affected: [{ package: { ecosystem: 'npm', name: 'flatmap-stream' }, versions: ['0.1.1'] }],
        }),
      },
      {
        name: 'u/BIOC-0001.json',
        data: osvRecord({
          id: 'BIOC-0001',
          affected: [{ package: { ecosystem: 'Bioconductor', name: 'x' }, versions: ['1'] }],
        }),
      },
      { name: 'bad/broken.json', data: '{"id": "GHSA-bad", "modified": ' },
      { name: 'bad/not-a-record.json', data: '[1, 2, 3]' },
      { name: 'README.md', data: 'not a record' },
    ]);
    const r = await importAdvisories(t.store, writeTemp(dir, 'mixed.zip', zip), 'mixed.zip');
    if (!r.ok) throw new Error(r.reason);
    expect(r.counts).toMatchObject({ processed: 5, added: 2, withdrawn: 1, malicious: 1, skipped: 3 });
    expect(r.skippedReasons.unknown_ecosystem).toEqual({ count: 1, examples: ['BIOC-0001 (Bioconductor)'] });
    expect(r.skippedReasons.malformed_json).toEqual({ count: 1, examples: ['bad/broken.json'] });
    expect(r.skippedReasons.invalid_record?.count).toBe(1);

    expect(await findAdvisory(t.store.db, 'GHSA-wwww-0001')).toMatchObject({
      withdrawn: '2024-02-01T00:00:00Z',
    });
    expect(await findAdvisory(t.store.db, 'MAL-2099-0001')).toMatchObject({
      malicious: 1,
      severity: 'critical',
    });
    const keys = await advisoryKeySet(t.store.db);
    expect(keys.has('npm\u0000withdrawn-pkg')).toBe(false);
    expect(keys.has('npm\u0000flatmap-stream')).toBe(true);
    const found = await advisoriesFor(t.store.db, [{ ecosystem: 'npm', name: 'withdrawn-pkg' }]);
    expect(found.size).toBe(0);
    const all = await advisoriesFor(t.store.db, [{ ecosystem: 'npm', name: 'withdrawn-pkg' }], {
      includeWithdrawn: true,
    });
    expect(all.get('npm\u0000withdrawn-pkg')?.[0]?.id).toBe('GHSA-wwww-0001');
    expect((await advisoryStatus(t.store.db)).withdrawn).toBeGreaterThanOrEqual(1);
  });

  it('imports one .json record file', async () => {
    const file = writeTemp(
      dir,
      'single.json',
      JSON.stringify(
        osvRecord({
          id: 'PYSEC-2099-1',
          affected: [{ package: { ecosystem: 'PyPI', name: 'Foo_Bar.baz' }, versions: ['1.0'] }],
        }),
      ),
    );
    const r = await importAdvisories(t.store, file, 'single.json');
    if (!r.ok) throw new Error(r.reason);
    expect(r.counts.added).toBe(1);
    // PyPI names are stored PEP 503-normalized, as purls map them
    expect((await advisoryKeySet(t.store.db)).has('PyPI\u0000foo-bar-baz')).toBe(true);
  });
});
