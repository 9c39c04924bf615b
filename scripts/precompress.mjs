#!/usr/bin/env node
/**
 * Writes FILE.br (brotli, quality 11) and FILE.gz (gzip -9) next to every compressible file of a built
 * web dist, for @fastify/static's `preCompressed` (it serves the .br or .gz sibling when the browser
 * accepts it). Node's own zlib: no dependency. Skips small files and those compression does not shrink.
 * Usage: node scripts/precompress.mjs [DIR] (default packages/web/dist).
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|svg|txt|map|xml|wasm|ttf|otf|ico)$/i;
const MIN_BYTES = 1024;

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (COMPRESSIBLE.test(entry.name)) yield full;
  }
}

/** Compresses every eligible file under `dir`; returns counts of files and bytes (raw and brotli). */
export async function precompress(dir) {
  const totals = { files: 0, raw: 0, br: 0 };
  const jobs = [];
  for await (const file of files(dir)) {
    jobs.push(
      (async () => {
        if ((await stat(file)).size < MIN_BYTES) return;
        const data = await readFile(file);
        const [br, gz] = await Promise.all([
          brotli(data, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
          gzip(data, { level: 9 }),
        ]);
        if (br.length >= data.length) return;
        await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        totals.files++;
        totals.raw += data.length;
        totals.br += br.length;
      })(),
    );
  }
  await Promise.all(jobs);
  return totals;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? 'packages/web/dist');
  const { files: n, raw, br } = await precompress(dir);
  console.log(`${n} files precompressed in ${dir}: ${raw} → ${br} bytes (brotli)`);
}
