import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_LIMITS, type ImportLimits } from './limits.ts';
import {
  isRecordName,
  SourceBroken,
  type OpenSource,
  type RefusedSource,
  type SourceEntry,
} from './source.ts';

/** Reads at most `max` bytes of a file; larger files are refused. */
async function readCapped(file: string, max: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    if (size > max) throw new SourceBroken('entry_too_large', `${file} (${size} bytes)`);
    const buf = Buffer.alloc(size);
    const { bytesRead } = await fh.read(buf, 0, size, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * A folder of OSV .json records (searched recursively; symbolic links are not followed), or a single
 * .json file. Entry names are relative to the folder.
 */
export async function openFolderSource(
  target: string,
  limits: ImportLimits = DEFAULT_LIMITS,
): Promise<OpenSource | RefusedSource> {
  let info;
  try {
    info = await stat(target);
  } catch {
    return { ok: false, reason: 'unreadable', detail: target };
  }
  let files: string[];
  if (info.isDirectory()) {
    const listed = await readdir(target, { recursive: true, withFileTypes: true });
    files = listed
      .filter((d) => d.isFile() && isRecordName(d.name))
      .map((d) => path.join(d.parentPath, d.name))
      .sort();
  } else {
    files = [target];
  }
  if (files.length === 0) return { ok: false, reason: 'no_records', detail: target };
  const root = info.isDirectory() ? target : path.dirname(target);
  async function* entries(): AsyncGenerator<SourceEntry> {
    for (const f of files) {
      const name = path.relative(root, f);
      let data: Buffer;
      try {
        data = await readCapped(f, limits.maxEntryBytes);
      } catch (err) {
        if (err instanceof SourceBroken) throw err;
        throw new SourceBroken('unreadable', name);
      }
      yield { name, data };
    }
  }
  return { ok: true, total: files.length, entries };
}
