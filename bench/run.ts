/**
 * HTTP benchmark (issue 2): autocannon (in its own process) on loopback, 50 connections, SQLite.
 *  (a) a bare Fastify route returning a constant
 *  (b) an authenticated request for the first page (50) of members, in an organization of 1,000 members
 *  (c) login
 * Target: (b) ≥ 20 % of (a)'s requests per second, with p99 < 50 ms.
 * Writes the results to docs/benchmarks.md with the machine and date.
 * Run: npm run bench   (BENCH_SECONDS=10 by default)
 */
import type autocannon from 'autocannon';
import Fastify from 'fastify';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, startServer } from '@shinrai/server';
import { seedMembers } from './members-seed.ts';
import { machineLine, writeSection } from './sections.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** autocannon runs in a child process, so the load generator and the server each get a core. */
async function run(name: string, opts: autocannon.Options): Promise<Figures> {
  const args = [
    path.resolve('bench/load.mjs'),
    JSON.stringify({ connections: CONNECTIONS, duration: SECONDS, ...opts }),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise((resolve) => child.on('exit', resolve));
  const r = JSON.parse(out) as Omit<Figures, 'name'>;
  return { name, ...r };
}

async function bare(): Promise<Figures> {
  const app = Fastify({ logger: false });
  app.get('/const', async () => ({ status: 'ok' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  try {
    return await run('(a) bare Fastify route', { url: `http://127.0.0.1:${port}/const` });
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shinrai-bench-'));
  const email = 'bench@example.jp';
  const password = 'benchmark passphrase 2026';
  const { orgId } = await seedMembers(dataDir, email, password);
  const results: Figures[] = [await bare()];

  const config = {
    ...loadConfig({ SHINRAI_DATA_DIR: dataDir, PORT: '0', SHINRAI_LOGIN_RATE_LIMIT: '1000000000' }),
  };
  const server = await startServer(config, { logger: false });
  try {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const check = await fetch(`${server.url}/api/orgs/${orgId}/members?limit=50`, { headers: { cookie } });
    const page = (await check.json()) as { items: unknown[] };
    if (check.status !== 200 || page.items.length !== 50)
      throw new Error(`members page not as expected: ${check.status}`);
    results.push(
      await run('(b) members page 50 of 1,000 (session cookie)', {
        url: `${server.url}/api/orgs/${orgId}/members?limit=50`,
        headers: { cookie },
      }),
    );
    results.push(
      await run('(c) login (scrypt N=2^15, r=8)', {
        url: `${server.url}/api/auth/login`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      }),
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const [a, b] = results;
  const ratio = a && b ? b.rps / a.rps : 0;
  const body = [
    '## HTTP (bench/run.ts)',
    '',
    `autocannon (in its own process) on loopback, 50 connections, ${SECONDS} s per case, SQLite (WAL) in a temporary data folder.`,
    '',
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${machineLine()}`,
    '',
    '| case | requests/s (avg) | p50 ms | p99 ms | errors | non-2xx |',
    '|---|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) => `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`,
    ),
    '',
    `Target for (b): at least 20 % of (a)'s requests per second with p99 under 50 ms. ` +
      `This run: ${(ratio * 100).toFixed(1)} % of (a), p99 ${b?.p99 ?? '?'} ms — ${ratio >= 0.2 && (b?.p99 ?? 999) < 50 ? 'met' : 'NOT met'}.`,
    '',
    'Login is deliberately slow: every attempt computes a memory-hard scrypt hash (32 MiB), which is what makes stolen password hashes expensive to crack.',
  ].join('\n');
  writeSection('http', body);
  process.stdout.write(`${body}\n`);
}

await main();
