import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** A fresh database on the server of SHINRAI_TEST_PG_URL, dropped by `drop()`. */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.SHINRAI_TEST_PG_URL;
  if (!base) throw new Error('test/instances needs SHINRAI_TEST_PG_URL (run it with `npm run test:pg`)');
  const name = `inst_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}

/** One `shinrai serve` process (the TypeScript sources: vitest sets SHINRAI_FROM_SOURCE=1). */
export class ServerProcess {
  log = '';
  readonly url: string;
  private readonly child: ChildProcessByStdio<null, Readable, Readable>;
  private readonly dataDir: string;
  private readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    port: number,
    env: Record<string, string>,
  ) {
    // each instance has its own data folder: nothing may depend on files another instance wrote there
    this.dataDir = mkdtempSync(path.join(tmpdir(), `shinrai-${name}-`));
    this.url = `http://127.0.0.1:${port}`;
    this.child = spawn(process.execPath, ['packages/cli/bin/shinrai.mjs', 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        SHINRAI_DATA_DIR: this.dataDir,
        PORT: String(port),
        SHINRAI_LOG_LEVEL: 'info',
        SHINRAI_WEB_DIST: '/nonexistent',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout.on('data', (d: Buffer) => (this.log += d.toString()));
    this.child.stderr.on('data', (d: Buffer) => (this.log += d.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (c) => resolve(c)));
  }

  /** Resolves once the server listens; rejects if the process ends first. */
  async ready(): Promise<void> {
    await this.waitFor(/Server listening/, 60_000);
  }

  /**
   * The first match of `re` in the log, once the process has written it (its output arrives through a
   * pipe, so a line may follow the response it belongs to); rejects if the process ends or `ms` pass.
   */
  waitFor(re: RegExp, ms = 10_000): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`${this.name}: no ${re} in ${ms} ms:\n${this.log}`)),
        ms,
      );
      const check = () => {
        const m = this.log.match(re);
        if (m !== null) finish(null, m);
      };
      const finish = (err: Error | null, m?: RegExpMatchArray) => {
        clearTimeout(timer);
        this.child.stdout.off('data', check);
        this.child.stderr.off('data', check);
        if (err !== null) reject(err);
        else resolve(m as RegExpMatchArray);
      };
      this.child.stdout.on('data', check);
      this.child.stderr.on('data', check);
      void this.exited.then((code) => finish(new Error(`${this.name} exited (${code}):\n${this.log}`)));
      check();
    });
  }

  /** The parsed JSON log lines. */
  lines(): { msg?: string; jobId?: string; [k: string]: unknown }[] {
    return this.log
      .split('\n')
      .filter((l) => l.startsWith('{') && l.endsWith('}'))
      .map((l) => JSON.parse(l) as { msg?: string });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
      await this.exited;
      clearTimeout(timer);
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** A browser-like client over real HTTP: keeps the session cookie and sends the CSRF header on writes. */
export class HttpClient {
  cookie: string | undefined;
  csrf: string | undefined;

  async req(base: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload: Buffer | string | undefined;
    if (Buffer.isBuffer(body)) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const res = await fetch(base + url, { method, headers: h, body: payload });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      if (pair?.startsWith('shinrai_session=')) this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const buf = Buffer.from(await res.arrayBuffer());
    let json: unknown;
    try {
      json = JSON.parse(buf.toString('utf8'));
    } catch {
      json = undefined;
    }
    const token = (json as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (typeof token === 'string' && token) this.csrf = token;
    return { status: res.status, body: buf, json };
  }
}
