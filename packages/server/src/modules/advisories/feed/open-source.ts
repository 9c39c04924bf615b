import { open as openFile, stat } from 'node:fs/promises';
import { openFolderSource } from './folder-source.ts';
import { DEFAULT_LIMITS, type ImportLimits } from './limits.ts';
import type { OpenSource, RefusedSource } from './source.ts';
import { openZipSource } from './zip-source.ts';

async function startsWithZipMagic(file: string): Promise<boolean> {
  const fh = await openFile(file, 'r');
  try {
    const head = Buffer.alloc(4);
    await fh.read(head, 0, 4, 0);
    return head.readUInt32LE(0) === 0x04034b50 || head.readUInt32LE(0) === 0x06054b50;
  } finally {
    await fh.close();
  }
}

/** A folder, an OSV all.zip (recognised by its content or a .zip name) or a single .json record. */
export async function openAdvisorySource(
  target: string,
  limits: ImportLimits = DEFAULT_LIMITS,
): Promise<OpenSource | RefusedSource> {
  let info;
  try {
    info = await stat(target);
  } catch {
    return { ok: false, reason: 'unreadable', detail: target };
  }
  if (info.isDirectory()) return openFolderSource(target, limits);
  if (target.toLowerCase().endsWith('.zip') || (await startsWithZipMagic(target)))
    return openZipSource(target, limits);
  return openFolderSource(target, limits);
}
