import yauzl, { type Entry } from 'yauzl';
import { crc32, inflateRawSync } from 'node:zlib';
import { DEFAULT_LIMITS, type ImportLimits } from './limits.ts';
import { WindowReader } from './window-reader.ts';
import {
  isRecordName,
  SourceBroken,
  type OpenSource,
  type RefusedSource,
  type SourceEntry,
} from './source.ts';

const OPTIONS = {
  lazyEntries: true,
  decodeStrings: false,
  validateEntrySizes: true,
  autoClose: true,
} as const;

function entryName(e: Entry): string {
  return yauzl.getFileNameLowLevel(e.generalPurposeBitFlag, e.fileNameRaw, e.extraFields, false);
}

/** Why an entry must not be read, judged from the central directory alone (before any data is inflated). */
function entryProblem(e: Entry, name: string, limits: ImportLimits): RefusedSource | null {
  const bad = yauzl.validateFileName(name);
  if (bad !== null || name.split('/').includes('..'))
    return { ok: false, reason: 'path_traversal', detail: name };
  if (name.endsWith('/') || !isRecordName(name)) return null;
  if (e.isEncrypted()) return { ok: false, reason: 'encrypted_entry', detail: name };
  if (!e.canDecodeFileData()) return { ok: false, reason: 'unsupported_compression', detail: name };
  if (e.uncompressedSize > limits.maxEntryBytes)
    return { ok: false, reason: 'entry_too_large', detail: `${name} (${e.uncompressedSize} bytes)` };
  if (
    e.uncompressedSize > limits.ratioFloorBytes &&
    e.uncompressedSize > limits.maxRatio * Math.max(e.compressedSize, 1)
  )
    return {
      ok: false,
      reason: 'compression_ratio',
      detail: `${name} (${e.compressedSize} → ${e.uncompressedSize} bytes)`,
    };
  return null;
}

interface OpenZip {
  zip: yauzl.ZipFile;
  reader: WindowReader;
}

async function open(file: string): Promise<OpenZip | RefusedSource> {
  let reader: WindowReader;
  try {
    reader = await WindowReader.open(file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    return { ok: false, reason: 'unreadable', detail: `${file} (${code ?? 'error'})` };
  }
  try {
    return { zip: await yauzl.fromRandomAccessReaderPromise(reader, reader.size, OPTIONS), reader };
  } catch (err) {
    reader.close(() => {});
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR')
      return { ok: false, reason: 'unreadable', detail: file };
    return { ok: false, reason: 'not_a_zip', detail: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Reads one entry: yauzl checks the local header and that the data lies inside the file, the compressed
 * bytes (exactly the size in the checked central directory) are sliced from the reader's window and
 * inflated in one call that stops at `max` bytes, then size and CRC-32 are checked against the directory.
 */
async function readEntry({ zip, reader }: OpenZip, e: Entry, name: string, max: number): Promise<Buffer> {
  // deflate never grows data by more than a few bytes per 16 KB block: more is not a record we would keep
  if (e.compressedSize > max + 64 * 1024) throw new SourceBroken('entry_too_large', name);
  const { fileDataStart } = await zip.readLocalFileHeaderPromise(e, { minimal: true });
  const raw = await reader.slice(fileDataStart, fileDataStart + e.compressedSize);
  if (raw.length !== e.compressedSize) throw new SourceBroken('corrupt_archive', name);
  let data: Buffer;
  if (e.compressionMethod === 0) data = Buffer.from(raw);
  else {
    try {
      data = inflateRawSync(raw, { maxOutputLength: max });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
        throw new SourceBroken('entry_too_large', name);
      throw new SourceBroken(
        'corrupt_archive',
        `${name}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  if (data.length !== e.uncompressedSize || crc32(data) !== e.crc32)
    throw new SourceBroken('corrupt_archive', `${name}: size or CRC-32 does not match the directory`);
  return data;
}

/**
 * An OSV `all.zip` (or any zip of .json records), read as a stream: the central directory is checked first
 * (names that leave the archive, oversized or suspiciously compressed entries, encryption refuse the whole
 * archive before anything is read), then entries are inflated one at a time. Nothing is written to disk.
 */
export async function openZipSource(
  file: string,
  limits: ImportLimits = DEFAULT_LIMITS,
): Promise<OpenSource | RefusedSource> {
  const opened = await open(file);
  if ('ok' in opened) return opened;
  const scan = opened.zip;
  let total = 0;
  let bytes = 0;
  try {
    for await (const e of scan.eachEntry()) {
      const name = entryName(e);
      const problem = entryProblem(e, name, limits);
      if (problem) {
        scan.close();
        return problem;
      }
      if (name.endsWith('/') || !isRecordName(name)) continue;
      total++;
      bytes += e.uncompressedSize;
      if (bytes > limits.maxTotalBytes) {
        scan.close();
        return { ok: false, reason: 'archive_too_large', detail: `> ${limits.maxTotalBytes} bytes` };
      }
    }
  } catch (err) {
    scan.close();
    return { ok: false, reason: 'not_a_zip', detail: err instanceof Error ? err.message : String(err) };
  }
  if (total === 0) return { ok: false, reason: 'no_records', detail: file };

  async function* entries(): AsyncGenerator<SourceEntry> {
    const zip = await open(file);
    if ('ok' in zip) throw new SourceBroken(zip.reason, zip.detail);
    const it = zip.zip.eachEntry();
    try {
      for (;;) {
        let next: IteratorResult<Entry>;
        try {
          next = await it.next();
        } catch (err) {
          throw new SourceBroken('corrupt_archive', err instanceof Error ? err.message : String(err));
        }
        if (next.done) break;
        const e = next.value;
        const name = entryName(e);
        // the archive may have changed since the scan: check again
        const problem = entryProblem(e, name, limits);
        if (problem) throw new SourceBroken(problem.reason, problem.detail);
        if (name.endsWith('/') || !isRecordName(name)) continue;
        let data: Buffer;
        try {
          data = await readEntry(zip, e, name, limits.maxEntryBytes);
        } catch (err) {
          if (err instanceof SourceBroken) throw err;
          throw new SourceBroken(
            'corrupt_archive',
            `${name}: ${err instanceof Error ? err.message : String(err)}`,
          );
        }
        yield { name, data };
      }
    } finally {
      await it.return?.();
      zip.zip.close();
    }
  }
  return { ok: true, total, entries };
}
