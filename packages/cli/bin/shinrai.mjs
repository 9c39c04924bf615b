#!/usr/bin/env node
// Runs the compiled CLI (packages/cli/dist, written by `npm run build`: scripts/build.mjs).
// SHINRAI_FROM_SOURCE=1 runs the TypeScript sources through tsx instead (development, and the tests,
// which must see the sources as they are, never a stale build: vitest.config.ts sets it).
import module from 'node:module';

// Node 22.1+ keeps the compiled code on disk between runs (a faster start from the second run on);
// Node 20 has no such cache and skips this.
module.enableCompileCache?.();
const command = process.argv[2];
// sbom and artifact commands load only what a build pipeline needs (no HTTP server): fast start-up.
const lean = command === 'sbom' || command === 'artifact';
// advisories import reads a whole OSV database: no HTTP server either, for less start-up and peak memory.
const afterLang = process.argv[2] === '--lang' ? 4 : process.argv[2]?.startsWith('--lang=') ? 3 : 2;
const advisories = process.argv[afterLang] === 'advisories';
const entry = lean ? 'software-cli' : advisories ? 'advisories-cli' : 'main';

if (process.env.SHINRAI_FROM_SOURCE === '1') {
  // Once tsx is registered every module file passes through its loader hooks (a round trip to the hooks
  // thread each); Kysely alone is ~280 files. Its plain-JavaScript dependencies are loaded first, so
  // later imports of them from TypeScript find them already in the module cache.
  const preload = ['kysely', 'better-sqlite3', 'commander', 'pg', ...(lean ? ['fast-xml-parser'] : [])];
  if (lean || advisories) await Promise.all(preload.map((m) => import(m)));
  const { register } = await import('tsx/esm/api');
  register();
  await import(`../src/${entry}.ts`);
} else {
  const { existsSync } = await import('node:fs');
  const bundle = new URL(`../dist/${entry}.mjs`, import.meta.url);
  if (existsSync(bundle)) await import(bundle.href);
  else {
    process.stderr.write(
      'shinrai: no build found (packages/cli/dist is missing).\n' +
        '  Run `npm run build` once (or `npm start`, which builds, then serves),\n' +
        '  or set SHINRAI_FROM_SOURCE=1 to run the TypeScript sources through tsx (slower start-up).\n' +
        'shinrai: ビルドがありません。`npm run build` を実行してください（開発時は SHINRAI_FROM_SOURCE=1 でソースを直接実行）。\n',
    );
    process.exitCode = 1;
  }
}
