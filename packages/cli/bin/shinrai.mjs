#!/usr/bin/env node
// Runs the TypeScript CLI directly (no build step): tsx registers its loader, then main.ts runs.
const command = process.argv[2];
// sbom and artifact commands load only what a build pipeline needs (no HTTP server): fast start-up.
const lean = command === 'sbom' || command === 'artifact';
// advisories import reads a whole OSV database: no HTTP server either, for less start-up and peak memory.
const afterLang = process.argv[2] === '--lang' ? 4 : process.argv[2]?.startsWith('--lang=') ? 3 : 2;
const advisories = process.argv[afterLang] === 'advisories';
// Once tsx is registered every module file passes through its loader hooks (a round trip to the hooks
// thread each); Kysely alone is ~280 files. The lean path loads its plain-JavaScript dependencies
// first, so later imports of them from TypeScript find them already in the module cache.
// (pg is loaded by the store even for SQLite; fast-xml-parser by SBOM parsing.)
const preload = ['kysely', 'better-sqlite3', 'commander', 'pg', ...(lean ? ['fast-xml-parser'] : [])];
if (lean || advisories) await Promise.all(preload.map((m) => import(m)));
const { register } = await import('tsx/esm/api');
register();
await import(lean ? '../src/software-cli.ts' : advisories ? '../src/advisories-cli.ts' : '../src/main.ts');
