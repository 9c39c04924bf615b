#!/usr/bin/env node
/**
 * `npm run test:pg`: the repository suites (test/store, test/jobs, test/software), the API tests
 * (test/api, with SHINRAI_TEST_API_DIALECT=postgres) and the several-instances test (test/instances:
 * two server processes on one database) against the real PostgreSQL server named by
 * SHINRAI_TEST_PG_URL. Each test store is a database created on that server and dropped afterwards,
 * so the URL's user needs CREATEDB. .ci/run starts a throwaway server and calls this.
 *
 *   SHINRAI_TEST_PG_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:pg
 *
 * Extra arguments go to both vitest runs (e.g. `npm run test:pg -- --reporter=dot`).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const url = process.env.SHINRAI_TEST_PG_URL;

function fail(message) {
  console.error(`npm run test:pg: ${message}`);
  process.exit(2);
}

if (!url) {
  fail(
    'SHINRAI_TEST_PG_URL is not set.\n' +
      'These tests need a real PostgreSQL server whose user may create databases, e.g.\n' +
      '  SHINRAI_TEST_PG_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:pg\n' +
      '(`npm test` already runs the same suites on SQLite and in-process PostgreSQL; .ci/run starts a\n' +
      'throwaway server for this step.)',
  );
}
let parsed;
try {
  parsed = new URL(url);
} catch {
  fail(`SHINRAI_TEST_PG_URL is not a URL: ${url}`);
}
if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
  fail(`SHINRAI_TEST_PG_URL must be a postgres:// URL, got ${parsed.protocol}//…`);
}

// Reach the server first, so a wrong URL is one clear line rather than every test failing.
const pg = require('pg');
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
try {
  await client.connect();
  await client.query('select 1');
} catch (err) {
  parsed.password = parsed.password ? '***' : '';
  fail(`cannot reach PostgreSQL at ${parsed.href}: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  await client.end().catch(() => {});
}

const vitest = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const extra = process.argv.slice(2);

function run(title, args, env = {}, project = 'main') {
  console.log(`\n--- ${title}`);
  const r = spawnSync(process.execPath, [vitest, 'run', '--project', project, ...args, ...extra], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run('repository suites on SQLite, PGlite and PostgreSQL', ['test/store', 'test/jobs', 'test/software']);
run('API tests on PostgreSQL', ['test/api'], { SHINRAI_TEST_API_DIALECT: 'postgres' });
run(
  'two server processes on one PostgreSQL',
  ['test/instances'],
  { SHINRAI_TEST_INSTANCES: '1' },
  'instances',
);
