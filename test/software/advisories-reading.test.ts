import { importAdvisories } from '@shinrai/server';
import { advisoryStatus, findAdvisory } from '@shinrai/store';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStore, type TestStore } from '../helpers/stores.ts';
import { osvRecord, tempDir, writeTemp, zipBuffer } from './advisories-fixtures.ts';

// How the zip is read (entry data sliced from 8 MB read-ahead windows, headers copied without streams) and
// how severity is computed once per distinct vector: SQLite is enough, the archive tests cover PGlite.
describe('reading an advisory archive', () => {
  let t: TestStore;
  let dir: string;
  beforeAll(async () => {
    t = await makeStore('sqlite');
    dir = tempDir();
  });
  afterAll(async () => {
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads stored and deflated entries across read-ahead windows, each record intact', async () => {
    // random text barely compresses: 1,200 records of ~12 kB make a zip well beyond one 8 MB window
    const noise = (n: number) => randomBytes(n).toString('base64');
    const records = Array.from({ length: 1200 }, (_, i) =>
      osvRecord({ id: `GHSA-win-${String(i).padStart(4, '0')}`, details: noise(9_000) }),
    );
    const zip = await zipBuffer(
      records.map((r, i) => ({ name: `${String(r.id)}.json`, data: r, store: i % 3 === 0 })),
    );
    expect(zip.length).toBeGreaterThan(9 * 1024 * 1024);
    const r = await importAdvisories(t.store, writeTemp(dir, 'windows.zip', zip), 'windows.zip');
    if (!r.ok) throw new Error(`${r.reason}: ${r.detail}`);
    expect(r.counts).toMatchObject({ processed: 1200, added: 1200, skipped: 0 });
    for (const i of [0, 1, 2, 599, 600, 1198, 1199]) {
      const rec = records[i]!;
      const row = await findAdvisory(t.store.db, String(rec.id));
      expect(JSON.parse(row?.record ?? 'null')).toEqual(rec);
    }
  });

  it('refuses an entry whose compressed bytes were altered (CRC-32), writing none of its batch', async () => {
    const items = Array.from({ length: 5 }, (_, i) => ({
      name: `GHSA-crc-${i}.json`,
      data: osvRecord({ id: `GHSA-crc-${i}`, details: 'x'.repeat(2000) + String(i) }),
    }));
    const zip = await zipBuffer(items);
    // flip one byte inside the third entry's data (after its local header and name)
    const at = zip.indexOf(Buffer.from('GHSA-crc-2.json')) + 'GHSA-crc-2.json'.length + 10;
    zip[at] = (zip[at] ?? 0) ^ 0xff;
    const before = (await advisoryStatus(t.store.db)).total;
    const r = await importAdvisories(t.store, writeTemp(dir, 'crc.zip', zip), 'crc.zip');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('corrupt_archive');
    expect(r.detail).toContain('GHSA-crc-2.json');
    expect((await advisoryStatus(t.store.db)).total).toBe(before);
  });

  it('scores the highest vector of a record, the same vector alike everywhere, and tolerates odd shapes', async () => {
    const high = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
    const low = 'CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N';
    const zip = await zipBuffer([
      {
        name: 'a.json',
        data: osvRecord({ id: 'GHSA-sev-a', severity: [{ type: 'CVSS_V3', score: low }] }),
      },
      {
        name: 'b.json',
        data: osvRecord({
          id: 'GHSA-sev-b',
          severity: [{ type: 'CVSS_V3', score: low }],
          affected: [
            {
              package: { ecosystem: 'npm', name: 'b' },
              severity: [{ type: 'CVSS_V3', score: high }],
            },
          ],
        }),
      },
      {
        name: 'c.json',
        data: osvRecord({ id: 'GHSA-sev-c', severity: [{ type: 'CVSS_V3', score: low }] }),
      },
      // not a list, a null entry and a non-string vector: no severity, still imported
      { name: 'd.json', data: osvRecord({ id: 'GHSA-sev-d', severity: { type: 'CVSS_V3' } }) },
      {
        name: 'e.json',
        data: osvRecord({ id: 'GHSA-sev-e', severity: [null, { type: 'CVSS_V3', score: 7 }] }),
      },
    ]);
    const r = await importAdvisories(t.store, writeTemp(dir, 'sev.zip', zip), 'sev.zip');
    if (!r.ok) throw new Error(r.reason);
    expect(r.counts).toMatchObject({ added: 5, skipped: 0 });
    const [a, b, c, d, e] = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((x) => findAdvisory(t.store.db, `GHSA-sev-${x}`)),
    );
    expect(b).toMatchObject({ severity: 'critical', score: 9.8, vector: high });
    expect(a).toMatchObject({ severity: 'low', vector: low });
    expect(a?.score).toBeGreaterThan(0);
    expect(c).toMatchObject({ severity: a?.severity, score: a?.score, vector: low });
    expect(d).toMatchObject({ severity: 'unknown', score: null, vector: null });
    expect(e).toMatchObject({ severity: 'unknown', score: null, vector: null });
  });
});
