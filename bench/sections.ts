import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BENCH_FILE = path.resolve('docs/benchmarks.md');

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node.js ${process.version}`;
}

/** Replaces (or appends) one section of docs/benchmarks.md between markers, leaving the others. */
export function writeSection(id: string, body: string): void {
  let doc = '';
  try {
    doc = readFileSync(BENCH_FILE, 'utf8');
  } catch {
    doc = '';
  }
  if (!doc.startsWith('# Benchmarks'))
    doc =
      '# Benchmarks\n\nEach section is written by its script under bench/ (`npm run bench`). Figures come from one run on a shared, noisy machine: compare ratios within a section.\n';
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  doc =
    i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(BENCH_FILE, doc);
}
