import { findFileChunk, insertFileChunk, type Database } from '@shinrai/store';
import type { Kysely } from 'kysely';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Contents } from './file-store.ts';

export const CHUNK_BYTES = 1024 * 1024;

/** Regroups incoming pieces into chunks of exactly `size` bytes (the last one shorter). */
async function* rechunk(pieces: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let held: Buffer[] = [];
  let heldBytes = 0;
  for await (const piece of pieces) {
    let p = piece;
    while (heldBytes + p.length >= size) {
      const take = size - heldBytes;
      held.push(p.subarray(0, take));
      yield Buffer.concat(held, size);
      p = p.subarray(take);
      held = [];
      heldBytes = 0;
    }
    if (p.length > 0) {
      held.push(p);
      heldBytes += p.length;
    }
  }
  if (heldBytes > 0) yield Buffer.concat(held, heldBytes);
}

/**
 * The bytes in the database (`file_chunks`, one row per 1 MiB), so every instance on the same
 * PostgreSQL reads what any of them stored. One chunk is in memory at a time, in and out.
 */
export function databaseContents(db: Kysely<Database>, chunkBytes = CHUNK_BYTES): Contents {
  function read(key: string, size: number): Readable {
    async function* chunks(): AsyncGenerator<Buffer> {
      let total = 0;
      // the next chunk is asked for while the reader takes this one: two chunks in memory at most
      const ask = (seq: number) => {
        const p = findFileChunk(db, key, seq);
        p.catch(() => undefined); // a reader that stops early never awaits it: no unhandled rejection
        return p;
      };
      let next = ask(0);
      for (let seq = 0; ; seq++) {
        const data = await next;
        if (!data) break;
        total += data.length;
        next = total < size ? ask(seq + 1) : Promise.resolve(undefined);
        yield data;
      }
      if (total !== size) throw new Error(`stored file ${key} has ${total} of its ${size} bytes`);
    }
    return Readable.from(chunks(), { objectMode: false });
  }
  return {
    kind: 'database',
    async write(key, pieces) {
      let seq = 0;
      for await (const chunk of rechunk(pieces, chunkBytes)) await insertFileChunk(db, key, seq++, chunk);
    },
    read,
    async withLocalFile(key, size, fn) {
      const dir = await mkdtemp(path.join(tmpdir(), 'shinrai-file-'));
      try {
        const file = path.join(dir, key);
        await pipeline(read(key, size), createWriteStream(file));
        return await fn(file);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async remove(key) {
      await db.deleteFrom('file_chunks').where('file_key', '=', key).execute();
    },
    async sweepLeftovers() {
      return 0; // chunks go with their row (foreign key, and deleteFileRow)
    },
  };
}
