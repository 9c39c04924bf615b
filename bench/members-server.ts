/**
 * The server side of bench/members.ts, in its own process (the orchestrator forks it and talks over IPC):
 * `bare` serves a constant from a bare Fastify route, `app` runs the Shinrai server on the seeded data
 * folder. Between `start` and `stop` it measures its own CPU time (process.cpuUsage) and, when asked,
 * takes a CPU profile (the V8 profiler `node --cpu-prof` uses, here over the load window only).
 * `querylog` records the SQL statements one request runs (better-sqlite3 statements, with their
 * parameters) and times them natively: the same statements run directly, outside the server.
 */
import Sqlite from 'better-sqlite3';
import Fastify from 'fastify';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadConfig, startServer } from '@shinrai/server';

type Msg =
  | { cmd: 'start'; profile: boolean }
  | { cmd: 'stop'; profileFile?: string }
  | { cmd: 'querylog'; url: string; cookie: string }
  | { cmd: 'exit' };

const [mode, dataDir] = process.argv.slice(2);
const send = (m: unknown): void => void process.send?.(m);

// Query log: wrap the statement methods so each execution is recorded while logging is on.
interface Logged {
  source: string;
  method: 'get' | 'all' | 'run' | 'iterate';
  params: unknown[];
}
const probe = new Sqlite(':memory:');
const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, unknown>;
probe.close();
const METHODS = ['get', 'all', 'run', 'iterate'] as const;
const originals = METHODS.map((m) => proto[m] as (...a: unknown[]) => unknown);

/** Records every statement run while `fn` runs (the methods are wrapped only meanwhile). */
async function logStatements(fn: () => Promise<void>): Promise<Logged[]> {
  const log: Logged[] = [];
  METHODS.forEach((method, i) => {
    const original = originals[i] as (...a: unknown[]) => unknown;
    proto[method] = function (this: { source: string }, ...params: unknown[]) {
      log.push({ source: this.source, method, params });
      return original.apply(this, params);
    };
  });
  try {
    await fn();
  } finally {
    METHODS.forEach((method, i) => (proto[method] = originals[i]));
  }
  return log;
}

let url = '';
let stop: () => Promise<void>;
if (mode === 'bare') {
  const app = Fastify({ logger: false });
  app.get('/const', async () => ({ status: 'ok' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  stop = () => app.close();
} else {
  const config = loadConfig({
    SHINRAI_DATA_DIR: dataDir ?? '',
    PORT: '0',
    SHINRAI_LOGIN_RATE_LIMIT: '1000000000',
  });
  const server = await startServer(config, { logger: false });
  url = server.url;
  stop = () => server.stop();
}

let cpuStart = process.cpuUsage();
let session: Session | null = null;

/** Runs the logged statements directly (prepared once) and returns the median time for the set in ms. */
function nativeTime(file: string, statements: Logged[]): number {
  const db = new Sqlite(file);
  const prepared = statements.map((s) => ({ stmt: db.prepare(s.source), s }));
  const runOnce = (): void => {
    for (const { stmt, s } of prepared) {
      if (s.method === 'run') continue; // writes (a throttled touch) are left out
      if (stmt.reader) void stmt.all(...s.params);
    }
  };
  for (let i = 0; i < 200; i++) runOnce();
  const rounds: number[] = [];
  for (let r = 0; r < 9; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < 500; i++) runOnce();
    rounds.push(Number(process.hrtime.bigint() - t) / 1e6 / 500);
  }
  db.close();
  return rounds.sort((a, b) => a - b)[4] ?? 0;
}

process.on('message', (m: Msg) => {
  void (async () => {
    if (m.cmd === 'start') {
      if (m.profile) {
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 200 });
        await session.post('Profiler.start');
      }
      cpuStart = process.cpuUsage();
      send({ ok: true });
    } else if (m.cmd === 'stop') {
      const cpu = process.cpuUsage(cpuStart);
      if (session !== null) {
        const { profile } = await session.post('Profiler.stop');
        if (m.profileFile) writeFileSync(m.profileFile, JSON.stringify(profile));
        session.disconnect();
        session = null;
      }
      send({ cpuMicros: cpu.user + cpu.system });
    } else if (m.cmd === 'querylog') {
      let status = 0;
      const get = async (): Promise<void> => {
        const res = await fetch(m.url, { headers: { cookie: m.cookie } });
        await res.arrayBuffer();
        status = res.status;
      };
      const statements = await logStatements(get);
      // A second request: what runs on every request once caches are warm.
      // Only the request's reads: the job worker's claim (an UPDATE … RETURNING) may run meanwhile.
      const warm = (await logStatements(get)).filter((s) => /^\s*(select|pragma)\b/i.test(s.source));
      const file = `${dataDir}/shinrai.db`;
      send({
        status,
        statements: warm.map((s) => s.source.replace(/\s+/g, ' ').trim()),
        firstStatements: statements.length,
        nativeMs: nativeTime(file, warm),
      });
    } else {
      await stop();
      process.exit(0);
    }
  })();
});
send({ url });
