/**
 * Members-page benchmark (issue 10): GET /api/orgs/:id/members?limit=50 with a session cookie, in an
 * organization of 1,000 members on SQLite, against a bare Fastify route. The server runs in its own
 * process (bench/members-server.ts) and autocannon in another (bench/load.mjs), so each has a core.
 * Per case: requests/s, p50/p99, the server's CPU time per request (process.cpuUsage over the load
 * window), and for the members page a CPU profile summarised by where the self time goes, plus the
 * query log of one request and the native time of its statements (the same SQL run directly).
 * Run: node --import tsx bench/members.ts   (BENCH_SECONDS=10; BENCH_PROFILE_DIR=dir keeps the .cpuprofile files)
 * A/B in one run: BENCH_BASELINE=<folder> names a checkout of an earlier commit with its node_modules
 * (e.g. `git archive <commit> | tar -x -C dir` and `cp -al node_modules dir/`); its server is measured
 * in the same run, with the same data, right after this one's.
 */
import { fork, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type autocannon from 'autocannon';
import { seedMembers } from './members-seed.ts';
import { summarizeProfile } from './profile.ts';
import { machineLine, writeSection } from './sections.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const BASELINE = process.env.BENCH_BASELINE;

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

async function load(opts: autocannon.Options): Promise<Load> {
  const args = [path.resolve('bench/load.mjs'), JSON.stringify({ connections: CONNECTIONS, ...opts })];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise((resolve) => child.on('exit', resolve));
  return JSON.parse(out) as Load;
}

class ServerProcess {
  private waiting: ((m: unknown) => void)[] = [];
  private constructor(private child: ReturnType<typeof fork>) {
    child.on('message', (m) => this.waiting.shift()?.(m));
  }
  static async start(
    mode: 'bare' | 'app',
    dataDir: string,
    root = '.',
  ): Promise<{ proc: ServerProcess; url: string }> {
    // The server script runs from the checkout it measures (so it imports that checkout's packages).
    const script = path.resolve(root, 'bench/members-server.ts');
    if (root !== '.') copyFileSync(path.resolve('bench/members-server.ts'), script);
    const child = fork(script, [mode, dataDir], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const proc = new ServerProcess(child);
    const { url } = (await proc.next()) as { url: string };
    return { proc, url };
  }
  next(): Promise<unknown> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  async ask<T>(m: object): Promise<T> {
    const p = this.next();
    this.child.send(m);
    return (await p) as T;
  }
  async exit(): Promise<void> {
    const done = new Promise((resolve) => this.child.on('exit', resolve));
    this.child.send({ cmd: 'exit' });
    await done;
  }
}

interface CaseResult extends Load {
  name: string;
  cpuMsPerRequest: number;
}

async function measure(
  name: string,
  proc: ServerProcess,
  opts: autocannon.Options,
  profileFile?: string,
): Promise<CaseResult> {
  // A short warm-up so the JIT and the caches are in their steady state.
  await load({ ...opts, duration: 2 });
  await proc.ask({ cmd: 'start', profile: profileFile !== undefined });
  const r = await load({ ...opts, duration: SECONDS });
  const { cpuMicros } = await proc.ask<{ cpuMicros: number }>({ cmd: 'stop', profileFile });
  return { name, ...r, cpuMsPerRequest: cpuMicros / 1000 / Math.max(1, r.total) };
}

interface AppResult {
  result: CaseResult;
  statements: string[];
  nativeMs: number;
  profile: { name: string; percent: number }[];
}

/** The members page on one checkout's server: query log, measured load, then a profiled load. */
async function members(name: string, dataDir: string, root: string, seeded: Seeded): Promise<AppResult> {
  const app = await ServerProcess.start('app', dataDir, root);
  try {
    const login = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: seeded.email, password: seeded.password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const url = `${app.url}/api/orgs/${seeded.orgId}/members?limit=50`;
    const check = await fetch(url, { headers: { cookie } });
    const page = (await check.json()) as { items: unknown[] };
    if (check.status !== 200 || page.items.length !== 50) throw new Error(`members page: ${check.status}`);
    const qlog = await app.proc.ask<{ statements: string[]; nativeMs: number }>({
      cmd: 'querylog',
      url,
      cookie,
    });
    const result = await measure(name, app.proc, { url, headers: { cookie } });
    const profileDir = process.env.BENCH_PROFILE_DIR ?? dataDir;
    const profileFile = path.join(profileDir, `members-${root === '.' ? 'current' : 'baseline'}.cpuprofile`);
    await measure('profiled', app.proc, { url, headers: { cookie } }, profileFile);
    return {
      result,
      statements: qlog.statements,
      nativeMs: qlog.nativeMs,
      profile: summarizeProfile(profileFile, 12),
    };
  } finally {
    await app.proc.exit();
  }
}

type Seeded = Awaited<ReturnType<typeof seedMembers>>;

function describe(label: string, r: AppResult): string[] {
  return [
    `Query log of one warm request (${label}) — ${r.statements.length} statement(s); the same statements prepared and run directly with better-sqlite3 take ${r.nativeMs.toFixed(3)} ms, and the server spends ${(r.result.cpuMsPerRequest / r.nativeMs).toFixed(1)} × that in CPU per request:`,
    '',
    ...r.statements.map((s) => `- \`${s.length > 150 ? `${s.slice(0, 147)}…` : s}\``),
    '',
    `Profile (${label}), self time by bucket (V8 sampling profiler over a second load window):`,
    '',
    '| bucket | self % |',
    '|---|---:|',
    ...r.profile.map((x) => `| ${x.name} | ${x.percent.toFixed(1)} |`),
    '',
  ];
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shinrai-bench-members-'));
  const load0 = os.loadavg();
  try {
    const seeded = await seedMembers(dataDir);
    const bare = await ServerProcess.start('bare', dataDir);
    const a = await measure('(a) bare Fastify route', bare.proc, { url: `${bare.url}/const` });
    await bare.proc.exit();
    const b = await members('(b) members page, this commit', dataDir, '.', seeded);
    const base = BASELINE ? await members('(b0) members page, baseline', dataDir, BASELINE, seeded) : null;
    const rows = [a, b.result, ...(base ? [base.result] : [])];
    const load1 = os.loadavg();
    const body = [
      '## Members page (bench/members.ts)',
      '',
      `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${machineLine()} · load average (1/5/15 min) ${load0.map((l) => l.toFixed(2)).join(' ')} before, ${load1.map((l) => l.toFixed(2)).join(' ')} after`,
      '',
      `GET /api/orgs/:id/members?limit=50 with a session cookie, organization of 1,000 members, SQLite (WAL). Server and autocannon in separate processes, ${CONNECTIONS} connections, ${SECONDS} s per case after a 2 s warm-up${base ? '; the baseline is measured in the same run on the same data' : ''}. CPU per request = the server process's user + system CPU time over the load window / requests answered.`,
      '',
      '| case | requests/s | p50 ms | p99 ms | server CPU ms / request | errors | non-2xx |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.cpuMsPerRequest.toFixed(3)} | ${r.errors} | ${r.non2xx} |`,
      ),
      '',
      `(b) / (a): ${((b.result.rps / a.rps) * 100).toFixed(1)} % of the requests per second, ${(b.result.cpuMsPerRequest / a.cpuMsPerRequest).toFixed(1)} × the CPU per request.` +
        (base
          ? ` (b) / (b0): ${(b.result.rps / base.result.rps).toFixed(2)} × the requests per second, ${(b.result.cpuMsPerRequest / base.result.cpuMsPerRequest).toFixed(2)} × the CPU per request.`
          : ''),
      '',
      ...describe('this commit', b),
      ...(base ? describe('baseline', base) : []),
    ].join('\n');
    writeSection('members', body);
    process.stdout.write(`${body}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
