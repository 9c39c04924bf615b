import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yazl from 'yazl';

/** Real OSV records from ossf/osv-schema, copied into the repository (see its README). */
export const RECORDS_DIR = path.resolve(import.meta.dirname, '../conformance/data/osv-schema/records');

/** A small OSV record; `over` replaces any field. */
export function osvRecord(over: Record<string, unknown> & { id: string }): Record<string, unknown> {
  return {
    schema_version: '1.6.0',
    modified: '2024-01-01T00:00:00Z',
    published: '2023-12-01T00:00:00Z',
    summary: `summary of ${over.id}`,
    aliases: [`CVE-2024-${over.id.length}000`],
    affected: [
      {
        package: { ecosystem: 'npm', name: 'left-pad' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.3.0' }] }],
      },
    ],
    ...over,
  };
}

export interface ZipItem {
  name: string;
  data: Buffer | string | Record<string, unknown>;
  store?: boolean;
}

/** A zip built with yazl (stored or deflated entries), as a Buffer. */
export async function zipBuffer(items: readonly ZipItem[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const it of items) {
    const data = Buffer.isBuffer(it.data)
      ? it.data
      : Buffer.from(typeof it.data === 'string' ? it.data : JSON.stringify(it.data));
    zip.addBuffer(data, it.name, { compress: !it.store });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'shinrai-adv-'));
}

export function writeTemp(dir: string, name: string, data: Buffer | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
}

/** Replaces every occurrence of an entry name (same length) in a built zip: how a hostile name is forged. */
export function renameEntry(zip: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error('names must have the same length');
  const out = Buffer.from(zip);
  const needle = Buffer.from(from);
  let at = out.indexOf(needle);
  let n = 0;
  while (at >= 0) {
    out.write(to, at);
    n++;
    at = out.indexOf(needle, at + 1);
  }
  if (n < 2) throw new Error(`expected the name in a local and a central header, found ${n}`);
  return out;
}
