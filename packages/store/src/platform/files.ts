import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { FilesTable } from './tables.ts';

/** The description of a stored file (the bytes are read separately). */
export interface FileRow extends Omit<Selectable<FilesTable>, 'size'> {
  size: number;
}

export interface NewFile {
  key: string;
  purpose: string;
  name: string | null;
  contentType: string | null;
  jobId: string | null;
  createdAt: string;
  expiresAt: string | null;
}

const toRow = (r: Selectable<FilesTable>): FileRow => ({ ...r, size: Number(r.size) });

/** Records a file being written: it is found only once `completeFile` marks it complete. */
export async function insertFile(ex: Executor, f: NewFile): Promise<void> {
  await ex
    .insertInto('files')
    .values({
      key: f.key,
      purpose: f.purpose,
      name: f.name,
      content_type: f.contentType,
      size: 0,
      sha256: null,
      complete: 0,
      job_id: f.jobId,
      created_at: f.createdAt,
      expires_at: f.expiresAt,
    })
    .execute();
}

export async function completeFile(ex: Executor, key: string, size: number, sha256: string): Promise<void> {
  await ex.updateTable('files').set({ size, sha256, complete: 1 }).where('key', '=', key).execute();
}

/** A complete file's description. */
export async function findFile(ex: Executor, key: string): Promise<FileRow | undefined> {
  const row = await ex
    .selectFrom('files')
    .selectAll()
    .where('key', '=', key)
    .where('complete', '=', 1)
    .executeTakeFirst();
  return row ? toRow(row) : undefined;
}

export async function insertFileChunk(ex: Executor, key: string, seq: number, data: Buffer): Promise<void> {
  await ex.insertInto('file_chunks').values({ file_key: key, seq, data }).execute();
}

/** Chunk `seq` of a file stored in the database, or undefined past the last one. */
export async function findFileChunk(ex: Executor, key: string, seq: number): Promise<Buffer | undefined> {
  const row = await ex
    .selectFrom('file_chunks')
    .select('data')
    .where('file_key', '=', key)
    .where('seq', '=', seq)
    .executeTakeFirst();
  // pg returns bytea as a Buffer, PGlite as a Uint8Array
  return row ? Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength) : undefined;
}

/** Removes a file's description and its database chunks (if any). True if there was one. */
export async function deleteFileRow(ex: Executor, key: string): Promise<boolean> {
  await ex.deleteFrom('file_chunks').where('file_key', '=', key).execute();
  const r = await ex.deleteFrom('files').where('key', '=', key).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Keys of the files that are a job's input. */
export async function fileKeysOfJob(ex: Executor, jobId: string): Promise<string[]> {
  const rows = await ex.selectFrom('files').select('key').where('job_id', '=', jobId).execute();
  return rows.map((r) => r.key);
}

/** Keys of files past their expiry, and of files whose writing began before `unfinishedBefore` and never completed. */
export async function sweepableFileKeys(
  ex: Executor,
  now: string,
  unfinishedBefore: string,
): Promise<string[]> {
  const rows = await ex
    .selectFrom('files')
    .select('key')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<', now),
        eb.and([eb('complete', '=', 0), eb('created_at', '<', unfinishedBefore)]),
      ]),
    )
    .execute();
  return rows.map((r) => r.key);
}

/** Whether any row (complete or not) has this key. */
export async function fileKeyKnown(ex: Executor, key: string): Promise<boolean> {
  const row = await ex.selectFrom('files').select('key').where('key', '=', key).executeTakeFirst();
  return row !== undefined;
}
