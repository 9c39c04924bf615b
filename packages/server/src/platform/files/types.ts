import type { Readable } from 'node:stream';

/** A stored file's description. */
export interface StoredFile {
  key: string;
  /** What the file is for, e.g. `advisories.import`. */
  purpose: string;
  name: string | null;
  contentType: string | null;
  size: number;
  sha256: string;
  /** The job whose input the file is: the file is removed when that job ends. */
  jobId: string | null;
  createdAt: string;
  expiresAt: string | null;
}

export interface PutOptions {
  purpose: string;
  name?: string;
  contentType?: string;
  /** Makes the file the input of this job: it is removed once the job has ended (succeeded or failed for good). */
  jobId?: string;
  /** After this time the daily sweep removes the file (a safety net for files nobody deletes). */
  expiresAt?: Date;
  /** Refuses (FileTooLarge) and keeps nothing once more bytes than this arrive. */
  maxBytes?: number;
}

/** Bytes to store: a buffer, or a stream (any async iterable of byte chunks) read with back-pressure. */
export type FileContent = Uint8Array | AsyncIterable<Uint8Array>;

/**
 * Where the server keeps files that any instance must be able to read: uploads waiting for a job, and
 * the like. On PostgreSQL the bytes are in the database (1 MiB chunks, streamed in and out); on SQLite,
 * whose server is a single instance, in the data folder (written to a temporary name, then renamed).
 * Either way a file is found only once it is whole.
 */
export interface FileStore {
  readonly kind: 'database' | 'folder';
  /** Stores the bytes and returns their key; on any failure nothing is kept. */
  put(content: FileContent, options: PutOptions): Promise<StoredFile>;
  /** The file's description, or undefined if there is no (whole) file under that key. */
  stat(key: string): Promise<StoredFile | undefined>;
  /** The bytes as a stream; throws FileNotFound. */
  open(key: string): Promise<Readable>;
  /** Runs `fn` with a path to the bytes on this machine's disk (a temporary copy when they are in the database). */
  withLocalFile<T>(key: string, fn: (file: string) => Promise<T>): Promise<T>;
  /** Removes the file; true if there was one. */
  delete(key: string): Promise<boolean>;
  /** Removes the files that are the input of a job (called when the job has ended). */
  deleteForJob(jobId: string): Promise<number>;
  /** Removes expired files and files whose writing was abandoned more than a day before `now`. */
  sweep(now: Date): Promise<number>;
}

export class FileNotFound extends Error {
  constructor(readonly key: string) {
    super(`no stored file ${key}`);
  }
}

export class FileTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`file larger than ${limitBytes} bytes`);
  }
}
