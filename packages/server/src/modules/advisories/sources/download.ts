import type { Deps } from '../../../platform/deps.ts';
import { FileTooLarge, readHead, type StoredFile } from '../../../platform/files/index.ts';
import type { FeedErrorCode } from './reasons.ts';

/** Largest archive a feed downloads (OSV's biggest per-ecosystem all.zip is far below). */
export const FEED_MAX_BYTES = 1024 * 1024 * 1024;
/** Longest a whole download may take. */
export const FEED_TIMEOUT_MS = 30 * 60_000;
/** Purpose of the downloaded archives in the file store. */
export const FEED_FILE_PURPOSE = 'advisories.feed';

export interface DownloadOptions {
  url: string;
  /** From the last successful download: sent as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  maxBytes: number;
  timeoutMs: number;
  /** The job the file is input of (the worker removes it when the job ends). */
  jobId: string;
  name: string;
  /** Called as bytes arrive (the run renews its lease). */
  onBytes?: (total: number) => Promise<void>;
}

export type DownloadResult =
  | { kind: 'not_modified' }
  | { kind: 'stored'; file: StoredFile; etag: string | null; lastModified: string | null }
  | { kind: 'error'; code: FeedErrorCode; detail: string };

const isZip = (h: Buffer) =>
  h.length >= 4 && (h.readUInt32LE(0) === 0x04034b50 || h.readUInt32LE(0) === 0x06054b50);

function causeOf(err: unknown): string {
  const c = (err as { cause?: { code?: string; message?: string } }).cause;
  return c?.code ?? c?.message ?? (err instanceof Error ? err.message : String(err));
}

/**
 * Downloads an OSV all.zip into the file store, conditionally: with the last ETag / Last-Modified the
 * server may answer 304 and nothing is downloaded. The body streams into the store with a byte limit
 * (refused before reading when Content-Length already says too much), under one timeout for the whole
 * transfer; on any failure nothing is kept.
 */
export async function downloadArchive(
  deps: Pick<Deps, 'files' | 'now'>,
  o: DownloadOptions,
): Promise<DownloadResult> {
  const signal = AbortSignal.timeout(o.timeoutMs);
  const headers: Record<string, string> = {
    'user-agent': 'Shinrai advisory feed',
    accept: 'application/zip',
  };
  if (o.etag) headers['if-none-match'] = o.etag;
  if (o.lastModified) headers['if-modified-since'] = o.lastModified;
  let res: Response;
  try {
    res = await fetch(o.url, { headers, signal, redirect: 'follow' });
  } catch (err) {
    if (signal.aborted) return { kind: 'error', code: 'timeout', detail: `${o.url} (${o.timeoutMs} ms)` };
    return { kind: 'error', code: 'network', detail: `${o.url}: ${causeOf(err)}` };
  }
  if (res.status === 304) {
    await res.body?.cancel();
    return { kind: 'not_modified' };
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    return { kind: 'error', code: 'http_status', detail: `${o.url}: HTTP ${res.status}` };
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  const tooLarge = (): DownloadResult => ({
    kind: 'error',
    code: 'download_too_large',
    detail: `${o.url}: > ${o.maxBytes} bytes`,
  });
  if (Number.isFinite(declared) && declared > o.maxBytes) {
    await res.body.cancel();
    return tooLarge();
  }
  const body = res.body;
  async function* counted(): AsyncGenerator<Uint8Array> {
    let total = 0;
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      yield chunk;
      await o.onBytes?.(total);
    }
  }
  let file: StoredFile;
  try {
    file = await deps.files.put(counted(), {
      purpose: FEED_FILE_PURPOSE,
      name: o.name,
      contentType: 'application/zip',
      jobId: o.jobId,
      expiresAt: new Date(deps.now().getTime() + 24 * 3_600_000),
      maxBytes: o.maxBytes,
    });
  } catch (err) {
    if (err instanceof FileTooLarge) return tooLarge();
    if (signal.aborted) return { kind: 'error', code: 'timeout', detail: `${o.url} (${o.timeoutMs} ms)` };
    return { kind: 'error', code: 'network', detail: `${o.url}: ${causeOf(err)}` };
  }
  if (!isZip(await readHead(deps.files, file.key, 4))) {
    await deps.files.delete(file.key);
    return { kind: 'error', code: 'not_zip', detail: o.url };
  }
  return {
    kind: 'stored',
    file,
    etag: res.headers.get('etag'),
    lastModified: res.headers.get('last-modified'),
  };
}
