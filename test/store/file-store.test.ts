import { FileNotFound, FileTooLarge, openFileStore, type FileStore } from '@shinrai/server';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeStore, testDialects, type TestStore } from '../helpers/stores.ts';

// real time: the data folder's leftovers are judged by their modification time
const T0 = Date.now();
const DAY = 86_400_000;
const MiB = 1024 * 1024;

async function bytesOf(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Buffer>) parts.push(c);
  return Buffer.concat(parts);
}

/** `data` as a stream of odd-sized pieces, as a network upload arrives. */
function pieces(data: Buffer, size: number): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
    })(),
  );
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The file store contract, on every database: SQLite keeps the bytes in the data folder, PGlite and a
 * real PostgreSQL server in the database (1 MiB chunks).
 */
describe.each(testDialects())('file store on %s', (dialect) => {
  let t: TestStore;
  let files: FileStore;
  let clock = T0;
  const expected = dialect === 'sqlite' ? 'folder' : 'database';
  const folder = () => path.join(t.dataDir, 'files');
  const rows = async () => (await t.store.db.selectFrom('files').select('key').execute()).length;
  const chunkRows = () => t.store.db.selectFrom('file_chunks').select(['seq', 'data']).execute();
  const folderNames = () =>
    existsSync(folder())
      ? readdirSync(folder(), { recursive: true, withFileTypes: true })
          .filter((d) => d.isFile())
          .map((d) => d.name)
      : [];

  beforeAll(async () => {
    t = await makeStore(dialect);
    files = openFileStore(t.store, t.dataDir, { now: () => new Date(clock) });
  });
  afterAll(async () => {
    await t?.cleanup();
  });
  beforeEach(async () => {
    clock = T0;
    await t.store.db.deleteFrom('file_chunks').execute();
    await t.store.db.deleteFrom('files').execute();
    rmSync(folder(), { recursive: true, force: true });
  });

  it(`is chosen from the database (${expected})`, () => {
    expect(files.kind).toBe(expected);
  });

  it('stores a buffer and gives back the same bytes, its size and SHA-256, until deleted', async () => {
    const data = Buffer.from('信頼の証跡 — evidence bytes\n');
    const f = await files.put(data, { purpose: 'test', name: 'メモ.txt', contentType: 'text/plain' });
    expect(f).toMatchObject({ purpose: 'test', name: 'メモ.txt', size: data.length, sha256: sha(data) });
    expect(await files.stat(f.key)).toEqual(f);
    expect((await bytesOf(await files.open(f.key))).equals(data)).toBe(true);
    expect(await files.withLocalFile(f.key, async (p) => readFileSync(p).equals(data))).toBe(true);
    expect(await files.delete(f.key)).toBe(true);
    expect(await files.stat(f.key)).toBeUndefined();
    await expect(files.open(f.key)).rejects.toBeInstanceOf(FileNotFound);
    await expect(files.withLocalFile(f.key, async () => 1)).rejects.toBeInstanceOf(FileNotFound);
    expect(await files.delete(f.key)).toBe(false);
    expect(await rows()).toBe(0);
    expect(folderNames()).toEqual([]);
  });

  it('streams a multi-megabyte upload in and out in 1 MiB chunks', async () => {
    const data = randomBytes(2 * MiB + 512 * 1024 + 17);
    const f = await files.put(pieces(data, 65_537), { purpose: 'test' });
    expect(f.size).toBe(data.length);
    expect(f.sha256).toBe(sha(data));
    const out = await files.open(f.key);
    const seen: number[] = [];
    const parts: Buffer[] = [];
    for await (const c of out as AsyncIterable<Buffer>) {
      seen.push(c.length);
      parts.push(c);
    }
    expect(Buffer.concat(parts).equals(data)).toBe(true);
    if (expected === 'database') {
      const chunks = await chunkRows();
      expect(chunks.map((c) => c.data.length).sort((a, b) => b - a)).toEqual([MiB, MiB, 512 * 1024 + 17]);
      expect(Math.max(...seen)).toBeLessThanOrEqual(MiB); // read back one chunk at a time
    } else {
      expect(folderNames()).toEqual([f.key]);
      expect(await chunkRows()).toEqual([]);
    }
    const copy = await files.withLocalFile(f.key, async (p) => {
      expect(existsSync(p)).toBe(true);
      return { p, same: readFileSync(p).equals(data) };
    });
    expect(copy.same).toBe(true);
    // a copy made for the call is gone afterwards; the data folder's own file stays
    expect(existsSync(copy.p)).toBe(expected === 'folder');
  });

  it('stores an empty file', async () => {
    const f = await files.put(Buffer.alloc(0), { purpose: 'test' });
    expect(f.size).toBe(0);
    expect((await bytesOf(await files.open(f.key))).length).toBe(0);
  });

  it('keeps nothing when the incoming stream breaks half-way', async () => {
    const broken = Readable.from(
      (async function* () {
        yield randomBytes(MiB + 100);
        yield randomBytes(300);
        throw new Error('connection reset');
      })(),
    );
    await expect(files.put(broken, { purpose: 'test' })).rejects.toThrow('connection reset');
    expect(await rows()).toBe(0);
    expect(await chunkRows()).toEqual([]);
    expect(folderNames()).toEqual([]);
  });

  it('refuses more than maxBytes and keeps nothing', async () => {
    const err = await files
      .put(pieces(randomBytes(10_000), 1000), { purpose: 'test', maxBytes: 4096 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileTooLarge);
    expect((err as FileTooLarge).limitBytes).toBe(4096);
    expect(await rows()).toBe(0);
    expect(folderNames()).toEqual([]);
  });

  it('treats a key that is not one of its own (a path, say) as no file', async () => {
    for (const key of ['../shinrai.db', '/etc/passwd', 'files/../../x', '', randomUUID()]) {
      expect(await files.stat(key)).toBeUndefined();
      await expect(files.open(key)).rejects.toBeInstanceOf(FileNotFound);
      expect(await files.delete(key)).toBe(false);
    }
  });

  it("removes a job's input files, only that job's", async () => {
    const job = randomUUID();
    const a = await files.put(Buffer.from('a'), { purpose: 'test', jobId: job });
    const b = await files.put(Buffer.from('b'), { purpose: 'test', jobId: job });
    const c = await files.put(Buffer.from('c'), { purpose: 'test', jobId: randomUUID() });
    expect(await files.deleteForJob(job)).toBe(2);
    expect(await files.stat(a.key)).toBeUndefined();
    expect(await files.stat(b.key)).toBeUndefined();
    expect(await files.stat(c.key)).toBeDefined();
    expect(folderNames()).toEqual(expected === 'folder' ? [c.key] : []);
  });

  it('sweeps expired files and writes abandoned more than a day ago, and keeps the rest', async () => {
    const expiring = await files.put(Buffer.from('old upload'), {
      purpose: 'test',
      expiresAt: new Date(T0 + DAY),
    });
    const kept = await files.put(Buffer.from('kept'), { purpose: 'test' });
    const later = await files.put(Buffer.from('later'), {
      purpose: 'test',
      expiresAt: new Date(T0 + 9 * DAY),
    });
    // a write that a crash cut off: its row never completed, its bytes half there
    const cut = randomUUID();
    await t.store.db
      .insertInto('files')
      .values({
        key: cut,
        purpose: 'test',
        name: null,
        content_type: null,
        size: 0,
        sha256: null,
        complete: 0,
        job_id: null,
        created_at: new Date(T0).toISOString(),
        expires_at: null,
      })
      .execute();
    if (expected === 'database') {
      await t.store.db
        .insertInto('file_chunks')
        .values({ file_key: cut, seq: 0, data: Buffer.from('half') })
        .execute();
    } else {
      mkdirSync(path.join(folder(), '.partial'), { recursive: true });
      writeFileSync(path.join(folder(), '.partial', cut), 'half');
      const stray = path.join(folder(), '.partial', randomUUID());
      writeFileSync(stray, 'stray');
      const old = new Date(T0 - 2 * DAY);
      utimesSync(stray, old, old);
    }
    expect(await files.stat(cut)).toBeUndefined(); // never found while incomplete

    // nothing has expired and the cut write is young; only the stray piece, two days old, goes
    expect(await files.sweep(new Date(T0 + DAY / 2))).toBe(expected === 'folder' ? 1 : 0);
    expect(await rows()).toBe(4);
    expect(await files.sweep(new Date(T0 + 2 * DAY))).toBe(2);
    expect(await files.stat(expiring.key)).toBeUndefined();
    expect(await files.stat(kept.key)).toBeDefined();
    expect(await files.stat(later.key)).toBeDefined();
    expect(await rows()).toBe(2);
    if (expected === 'database') expect((await chunkRows()).length).toBe(2);
    else expect(folderNames().sort()).toEqual([kept.key, later.key].sort());
  });
});
