import { importAdvisories } from '@shinrai/server';
import { advisoryStatus, findAdvisory } from '@shinrai/store';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStore, testDialects, type TestStore } from '../helpers/stores.ts';
import { osvRecord, renameEntry, tempDir, writeTemp, zipBuffer } from './advisories-fixtures.ts';

const good = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `GHSA-good-${String(i).padStart(4, '0')}.json`,
    data: osvRecord({ id: `GHSA-good-${String(i).padStart(4, '0')}` }),
  }));

describe.each(testDialects())('hostile advisory archives on %s', (dialect) => {
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

  async function refused(zip: Buffer, name: string) {
    const before = (await advisoryStatus(t.store.db)).total;
    const r = await importAdvisories(t.store, writeTemp(dir, name, zip), name);
    expect((await advisoryStatus(t.store.db)).total).toBe(before);
    const status = await advisoryStatus(t.store.db);
    expect(status.lastImport).toMatchObject({ id: r.importId, status: 'failed', added: 0 });
    if (r.ok) throw new Error('expected the archive to be refused');
    return r;
  }

  it('refuses a zip bomb: an entry larger than 20 MB uncompressed, before writing anything', async () => {
    const zip = await zipBuffer([
      ...good(3),
      { name: 'bomb.json', data: Buffer.alloc(21 * 1024 * 1024, 0x20) },
    ]);
    expect(zip.length).toBeLessThan(1024 * 1024);
    const r = await refused(zip, 'bomb.zip');
    expect(r.reason).toBe('entry_too_large');
    expect(r.detail).toContain('bomb.json');
    expect(await findAdvisory(t.store.db, 'GHSA-good-0000')).toBeUndefined();
  });

  it('refuses an entry compressed far beyond any real record (ratio), even under the size cap', async () => {
    const zip = await zipBuffer([
      { name: 'dense.json', data: `{"id":"X","pad":"${' '.repeat(4 * 1024 * 1024)}"}` },
      ...good(2),
    ]);
    const r = await refused(zip, 'dense.zip');
    expect(r.reason).toBe('compression_ratio');
  });

  it('refuses path traversal and absolute entry names, extracting nothing', async () => {
    const base = await zipBuffer([
      ...good(2),
      { name: 'zz/evil.json', data: osvRecord({ id: 'GHSA-evil' }) },
    ]);
    const dotdot = await refused(renameEntry(base, 'zz/evil.json', '../evil.json'), 'dotdot.zip');
    expect(dotdot.reason).toBe('path_traversal');
    expect(dotdot.detail).toBe('../evil.json');
    const abs = await refused(renameEntry(base, 'zz/evil.json', '/tmp/ev.json'), 'abs.zip');
    expect(abs.reason).toBe('path_traversal');
    expect(await findAdvisory(t.store.db, 'GHSA-evil')).toBeUndefined();
  });

  it('refuses a truncated zip with nothing written', async () => {
    const zip = await zipBuffer(good(50));
    const r = await refused(zip.subarray(0, Math.floor(zip.length * 0.6)), 'truncated.zip');
    expect(r.reason).toBe('not_a_zip');
  });

  it('an interrupted import leaves whole batches: each record old or new', async () => {
    const zip = writeTemp(dir, 'ten.zip', await zipBuffer(good(10)));
    let batches = 0;
    const r = await importAdvisories(t.store, zip, 'ten.zip', {
      batchSize: 4,
      onProgress: () => void batches++,
      shouldStop: () => batches >= 1,
    });
    if (!r.ok) throw new Error(r.reason);
    expect(r.stopped).toBe(true);
    expect(r.counts.added).toBe(4);
    const present = await Promise.all(
      good(10).map((g) => findAdvisory(t.store.db, g.name.replace('.json', ''))),
    );
    expect(present.filter(Boolean).length).toBe(4);
    // the previous database stays usable and a re-run completes the rest
    const again = await importAdvisories(t.store, zip, 'ten.zip', { batchSize: 4 });
    if (!again.ok) throw new Error(again.reason);
    expect(again.counts).toMatchObject({ added: 6, unchanged: 4 });
  });
});
