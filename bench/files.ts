/**
 * The file store (platform/files) with a 100 MiB upload: put (streamed in 64 KiB pieces, as an HTTP
 * upload arrives), read back as a stream, and copied to a local file (what the advisory import does on
 * PostgreSQL), on PostgreSQL (chunks in the database) and on SQLite (the data folder). Each case runs in
 * its own process so that its peak RSS is its own. Needs a PostgreSQL server whose user may create
 * databases: SHINRAI_TEST_PG_URL (as `npm run test:pg`). Writes docs/benchmarks.md (section `files`).
 *
 *   SHINRAI_TEST_PG_URL=postgres://postgres@127.0.0.1:55433/postgres node --import tsx bench/files.ts
 */
import { openFileStore } from '@shinrai/server';
import { migrate, openStore } from '@shinrai/store';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { machineLine, writeSection } from './sections.ts';

const MiB = 1024 * 1024;
const SIZE = 100 * MiB;
const PIECE = 64 * 1024;

interface Run {
  putMs: number;
  readMs: number;
  localMs: number;
  baseRssMb: number;
  peakRssMb: number;
  same: boolean;
}

/** SIZE bytes of a repeating pseudo-random pattern, made piece by piece (the source holds no more than a piece). */
function source(size: number): Readable {
  const pattern = Buffer.alloc(PIECE + 251);
  for (let i = 0; i < pattern.length; i++) pattern[i] = (i * 2_654_435_761) >>> 24;
  return Readable.from(
    (function* () {
      for (let off = 0; off < size; off += PIECE)
        yield Buffer.from(pattern.subarray(off % 251, (off % 251) + PIECE));
    })(),
  );
}

async function child(url: string | undefined, dataDir: string, size: number): Promise<Run> {
  const store = openStore({ databaseUrl: url, dataDir });
  await migrate(store);
  const files = openFileStore(store, dataDir);
  const baseRssMb = process.memoryUsage().rss / MiB;
  let peak = baseRssMb;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / MiB)), 10);
  const expected = createHash('sha256');
  for await (const c of source(size)) expected.update(c as Buffer);
  let t = performance.now();
  const f = await files.put(source(size), { purpose: 'bench' });
  const putMs = performance.now() - t;
  t = performance.now();
  const got = createHash('sha256');
  for await (const c of await files.open(f.key)) got.update(c as Buffer);
  const readMs = performance.now() - t;
  t = performance.now();
  const localSha = await files.withLocalFile(f.key, async (p) => {
    const h = createHash('sha256');
    for await (const c of createReadStream(p)) h.update(c as Buffer);
    return h.digest('hex');
  });
  const localMs = performance.now() - t;
  clearInterval(sample);
  const want = expected.digest('hex');
  await files.delete(f.key);
  await store.close();
  return {
    putMs,
    readMs,
    localMs,
    baseRssMb,
    peakRssMb: peak,
    same: f.sha256 === want && got.digest('hex') === want && localSha === want,
  };
}

if (process.argv[2] === '--child') {
  const url = process.argv[3] === '-' ? undefined : process.argv[3];
  process.stdout.write(JSON.stringify(await child(url, process.argv[4]!, Number(process.argv[5]))));
  process.exit(0);
}

const base = process.env.SHINRAI_TEST_PG_URL;
if (!base) {
  process.stderr.write(
    'bench/files.ts needs SHINRAI_TEST_PG_URL (a PostgreSQL server that may create databases)\n',
  );
  process.exit(2);
}
const name = `bench_files_${process.pid}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database "${name}"`);
const dbUrl = new URL(base);
dbUrl.pathname = `/${name}`;
const work = mkdtempSync(path.join(os.tmpdir(), 'shinrai-bench-files-'));
const self = fileURLToPath(import.meta.url);
const loadBefore = os.loadavg();
const run = (url: string, dir: string, size = SIZE): Run =>
  JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', self, '--child', url, dir, String(size)], {
      encoding: 'utf8',
    }),
  ) as Run;
let pgRun: Run;
let pgTwice: Run;
let folderRun: Run;
try {
  pgRun = run(dbUrl.href, path.join(work, 'pg'));
  pgTwice = run(dbUrl.href, path.join(work, 'pg2'), 2 * SIZE);
  folderRun = run('-', path.join(work, 'sqlite'));
} finally {
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
  rmSync(work, { recursive: true, force: true });
}
const row = (label: string, r: Run, size = SIZE) => {
  const mbps = (ms: number) => (size / MiB / (ms / 1000)).toFixed(0);
  const rss = (r.peakRssMb - r.baseRssMb).toFixed(0);
  return `| ${label} | ${mbps(r.putMs)} | ${mbps(r.readMs)} | ${mbps(r.localMs)} | ${rss} MB | ${r.same ? 'yes' : 'NO'} |`;
};
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');
const lines = [
  '## File store (bench/files.ts)',
  '',
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  `- Machine: ${machineLine()}; load average (1, 5, 15 min) ${load(loadBefore)} before, ${load(os.loadavg())} after (other work shares the 2 cores)`,
  `- Data: one ${SIZE / MiB} MiB file (and one twice that size) arriving in 64 KiB pieces; PostgreSQL 15 on loopback (1 MiB chunks), SQLite's data folder`,
  '',
  '| store | put MB/s | read MB/s | local file (copy + read) MB/s | peak RSS growth | bytes identical |',
  '|---|---:|---:|---:|---:|---|',
  row(`PostgreSQL (database chunks), ${SIZE / MiB} MiB`, pgRun),
  row(`PostgreSQL (database chunks), ${(2 * SIZE) / MiB} MiB`, pgTwice, 2 * SIZE),
  row(`SQLite (data folder), ${SIZE / MiB} MiB`, folderRun),
  '',
  `PostgreSQL put takes ${(pgRun.putMs / folderRun.putMs).toFixed(1)}× the data folder's time, read ${(pgRun.readMs / folderRun.readMs).toFixed(1)}×. Peak RSS growth does not follow the file size (twice the file: ${(pgTwice.peakRssMb - pgTwice.baseRssMb).toFixed(0)} MB against ${(pgRun.peakRssMb - pgRun.baseRssMb).toFixed(0)} MB): it is garbage not yet collected, the file is never whole in memory. On PostgreSQL the bytes travel as bytea text (hex) through node-postgres, hence the lower rate; it is spent once per upload and once per job.`,
];
writeSection('files', lines.join('\n'));
process.stdout.write(lines.join('\n') + '\n');
