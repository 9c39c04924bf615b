import { loadConfig, startServer, type RunningServer } from '@shinrai/server';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

describe('operations: health, metrics, headers, request ids', () => {
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'shinrai-ops-'));
    server = await startServer(loadConfig({ SHINRAI_DATA_DIR: dir, PORT: '0' }), { logger: false });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the stable health contract', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('serves OpenAPI 3.1 with the documented routes', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/orgs/{orgId}/members', '/api/orgs/{orgId}/audit']),
    );
  });

  it('exposes Prometheus metrics on loopback', async () => {
    await fetch(`${server.url}/api/health`);
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/# TYPE shinrai_http_requests_total counter/);
    expect(text).toMatch(
      /shinrai_http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/,
    );
  });

  it('echoes a request id and sets security headers', async () => {
    const res = await fetch(`${server.url}/api/health`, { headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-123');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const generated = await fetch(`${server.url}/api/health`, {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API paths with the error body, in the asked language', async () => {
    const res = await fetch(`${server.url}/api/nope`, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
    const ja = await fetch(`${server.url}/api/nope`);
    expect(((await ja.json()) as { error: { message: string } }).error.message).toBe(
      '対象が見つかりません。',
    );
  });
});

describe('graceful shutdown', () => {
  it('finishes an in-flight request on SIGTERM and exits 0', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shinrai-term-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['packages/cli/bin/shinrai.mjs', 'serve'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, SHINRAI_DATA_DIR: dir, PORT: String(port), SHINRAI_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    try {
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      await expect
        .poll(() => log.includes('Server listening') || err, { timeout: 20_000, interval: 100 })
        .toBe(true);
      const code = log.match(/"setupCode":"([A-Z0-9-]+)"/)?.[1];
      expect(code).toBeDefined();
      // An in-flight request: setup hashes a password (memory-hard, takes a while).
      const pending = fetch(`http://127.0.0.1:${port}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          setupCode: code,
          email: 'ops@example.jp',
          displayName: '運用',
          password: 'graceful shutdown passphrase',
          organization: { name: '運用テスト株式会社', kind: 'enterprise' },
        }),
      });
      // Signal only once the server has taken the request in (Fastify logs "incoming request" when it
      // routes it), so the request is really in flight, whatever the machine's speed.
      const arrived = () =>
        log.split('\n').some((line) => {
          if (!line.startsWith('{') || !line.endsWith('}')) return false; // not a (whole) log line yet
          const e = JSON.parse(line) as { msg?: string; req?: { url?: string } };
          return e.msg === 'incoming request' && e.req?.url === '/api/setup';
        });
      await expect.poll(arrived, { timeout: 20_000, interval: 5 }).toBe(true);
      child.kill('SIGTERM');
      const res = await pending;
      expect(res.status).toBe(201);
      const exitCode = await exited;
      expect(exitCode).toBe(0);
      expect(log).toMatch(/shutting down/);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
