import type { Store } from '@shinrai/store';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { databaseContents } from './database-contents.ts';
import { RowFileStore } from './file-store.ts';
import { folderContents } from './folder-contents.ts';
import type { FileStore } from './types.ts';

export * from './types.ts';

/**
 * The file store for a database: PostgreSQL (several instances may share it) keeps the bytes in the
 * database; SQLite keeps them in `<dataDir>/files`.
 */
export function openFileStore(
  store: Pick<Store, 'db' | 'ops'>,
  dataDir: string,
  opts: { now?: () => Date; chunkBytes?: number } = {},
): FileStore {
  const contents =
    store.ops.name === 'postgres'
      ? databaseContents(store.db, opts.chunkBytes)
      : folderContents(store.db, path.join(dataDir, 'files'));
  return new RowFileStore(store.db, contents, opts.now);
}

/** At most the first `n` bytes of a stored file (e.g. to recognize its kind). */
export async function readHead(files: FileStore, key: string, n: number): Promise<Buffer> {
  const stream: Readable = await files.open(key);
  const parts: Buffer[] = [];
  let got = 0;
  try {
    for await (const c of stream as AsyncIterable<Buffer>) {
      parts.push(c);
      got += c.length;
      if (got >= n) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts).subarray(0, n);
}
