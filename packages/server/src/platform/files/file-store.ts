import {
  completeFile,
  deleteFileRow,
  fileKeysOfJob,
  findFile,
  insertFile,
  sweepableFileKeys,
  type Database,
  type FileRow,
} from '@shinrai/store';
import type { Kysely } from 'kysely';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  FileNotFound,
  FileTooLarge,
  type FileContent,
  type FileStore,
  type PutOptions,
  type StoredFile,
} from './types.ts';

/** Where the bytes go; the description of every file is a `files` row whatever the backend. */
export interface Contents {
  readonly kind: FileStore['kind'];
  /** Writes the bytes of a file whose (incomplete) row exists; may leave pieces behind on failure (`remove` clears them). */
  write(key: string, chunks: AsyncIterable<Buffer>): Promise<void>;
  read(key: string, size: number): Readable;
  withLocalFile<T>(key: string, size: number, fn: (file: string) => Promise<T>): Promise<T>;
  /** Removes whatever bytes exist for the key (none is fine). */
  remove(key: string): Promise<void>;
  /** Removes leftovers the rows do not know of, older than `before`. */
  sweepLeftovers(before: Date): Promise<number>;
}

/** Keys are random UUIDs; anything else (e.g. a path from a tampered job payload) is not a file. */
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DAY_MS = 24 * 3_600_000;

function view(r: FileRow): StoredFile {
  return {
    key: r.key,
    purpose: r.purpose,
    name: r.name,
    contentType: r.content_type,
    size: r.size,
    sha256: r.sha256 ?? '',
    jobId: r.job_id,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  };
}

async function* chunksOf(content: FileContent): AsyncGenerator<Buffer> {
  if (content instanceof Uint8Array) {
    yield Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    return;
  }
  for await (const c of content) yield Buffer.from(c.buffer, c.byteOffset, c.byteLength);
}

export class RowFileStore implements FileStore {
  readonly kind: FileStore['kind'];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly contents: Contents,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.kind = contents.kind;
  }

  async put(content: FileContent, o: PutOptions): Promise<StoredFile> {
    const key = randomUUID();
    const createdAt = this.now().toISOString();
    await insertFile(this.db, {
      key,
      purpose: o.purpose,
      name: o.name ?? null,
      contentType: o.contentType ?? null,
      jobId: o.jobId ?? null,
      createdAt,
      expiresAt: o.expiresAt?.toISOString() ?? null,
    });
    const hash = createHash('sha256');
    let size = 0;
    const max = o.maxBytes ?? Number.POSITIVE_INFINITY;
    async function* counted(): AsyncGenerator<Buffer> {
      for await (const c of chunksOf(content)) {
        size += c.length;
        if (size > max) throw new FileTooLarge(max);
        hash.update(c);
        yield c;
      }
    }
    try {
      await this.contents.write(key, counted());
      const sha256 = hash.digest('hex');
      await completeFile(this.db, key, size, sha256);
      return view({
        key,
        purpose: o.purpose,
        name: o.name ?? null,
        content_type: o.contentType ?? null,
        size,
        sha256,
        complete: 1,
        job_id: o.jobId ?? null,
        created_at: createdAt,
        expires_at: o.expiresAt?.toISOString() ?? null,
      });
    } catch (err) {
      await this.remove(key).catch(() => undefined);
      throw err;
    }
  }

  async stat(key: string): Promise<StoredFile | undefined> {
    if (!KEY.test(key)) return undefined;
    const row = await findFile(this.db, key);
    return row ? view(row) : undefined;
  }

  private async found(key: string): Promise<StoredFile> {
    return (await this.stat(key)) ?? Promise.reject(new FileNotFound(key));
  }

  async open(key: string): Promise<Readable> {
    const f = await this.found(key);
    return this.contents.read(key, f.size);
  }

  async withLocalFile<T>(key: string, fn: (file: string) => Promise<T>): Promise<T> {
    const f = await this.found(key);
    return this.contents.withLocalFile(key, f.size, fn);
  }

  async delete(key: string): Promise<boolean> {
    if (!KEY.test(key)) return false;
    return this.remove(key);
  }

  /** The row goes first: a crash in between leaves unknown bytes (swept), never a row without bytes. */
  private async remove(key: string): Promise<boolean> {
    const had = await deleteFileRow(this.db, key);
    await this.contents.remove(key);
    return had;
  }

  async deleteForJob(jobId: string): Promise<number> {
    let n = 0;
    for (const key of await fileKeysOfJob(this.db, jobId)) if (await this.remove(key)) n++;
    return n;
  }

  async sweep(now: Date): Promise<number> {
    const before = new Date(now.getTime() - DAY_MS);
    let n = 0;
    for (const key of await sweepableFileKeys(this.db, now.toISOString(), before.toISOString()))
      if (await this.remove(key)) n++;
    return n + (await this.contents.sweepLeftovers(before));
  }
}
