import { fileKeyKnown, type Database } from '@shinrai/store';
import type { Kysely } from 'kysely';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Contents } from './file-store.ts';

const PARTIAL = '.partial';

/**
 * The bytes in the data folder (`<dataDir>/files/<key>`), for SQLite, whose server runs as one
 * instance. A file is written under `.partial/`, flushed to disk, then renamed into place, so a reader
 * never sees half a file.
 */
export function folderContents(db: Kysely<Database>, root: string): Contents {
  const final = (key: string) => path.join(root, key);
  const partial = (key: string) => path.join(root, PARTIAL, key);

  async function removeOlder(dir: string, before: Date, keep: (name: string) => Promise<boolean>) {
    let n = 0;
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return 0;
    }
    for (const name of names) {
      if (name === PARTIAL) continue;
      const p = path.join(dir, name);
      const s = await stat(p).catch(() => undefined);
      if (!s?.isFile() || s.mtime >= before || (await keep(name))) continue;
      await rm(p, { force: true });
      n++;
    }
    return n;
  }

  return {
    kind: 'folder',
    async write(key, chunks) {
      await mkdir(path.join(root, PARTIAL), { recursive: true });
      const tmp = partial(key);
      await pipeline(chunks, createWriteStream(tmp));
      const fh = await open(tmp, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, final(key));
    },
    read(key): Readable {
      return createReadStream(final(key));
    },
    async withLocalFile(key, _size, fn) {
      return fn(final(key));
    },
    async remove(key) {
      await rm(final(key), { force: true });
      await rm(partial(key), { force: true });
    },
    async sweepLeftovers(before) {
      // pieces of writes that never finished, and bytes whose row is gone (a crash between the two deletes)
      const partials = await removeOlder(path.join(root, PARTIAL), before, async () => false);
      const orphans = await removeOlder(root, before, (name) => fileKeyKnown(db, name));
      return partials + orphans;
    },
  };
}
