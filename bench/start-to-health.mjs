#!/usr/bin/env node
/**
 * Milliseconds from starting `shinrai serve` to the first healthy GET /api/health, then the server is
 * killed. Times one start; run it under an outside timer (e.g. /usr/bin/time, hyperfine) for several.
 *
 *   node bench/start-to-health.mjs [--source] DATA_DIR
 *
 * --source runs the TypeScript sources through tsx (SHINRAI_FROM_SOURCE=1, how `shinrai` ran before
 * the build existed); without it the compiled bundle (`npm run build` first). DATA_DIR: a data folder,
 * migrated by a first start (give the same one to every run so each times a start, not a migration).
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv.includes('--source');
const dataDir = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!dataDir) {
  console.error('usage: node bench/start-to-health.mjs [--source] DATA_DIR');
  process.exit(2);
}

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port: p } = s.address();
    s.close(() => resolve(p));
  });
});

const t0 = performance.now();
const server = spawn(process.execPath, [path.join(ROOT, 'packages/cli/bin/shinrai.mjs'), 'serve'], {
  cwd: ROOT,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SHINRAI_DATA_DIR: path.resolve(dataDir),
    SHINRAI_LOG_LEVEL: 'warn',
    SHINRAI_FROM_SOURCE: source ? '1' : '0',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
let exited = false;
server.on('exit', () => (exited = true));

const healthy = () =>
  new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/health' }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d) => (body += d));
      res.on('end', () => resolve(res.statusCode === 200 && body.includes('"ok"')));
    });
    req.on('error', () => resolve(false));
    req.end();
  });

while (!(await healthy())) {
  if (exited || performance.now() - t0 > 60_000) {
    console.error('the server did not become healthy');
    server.kill('SIGKILL');
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 10));
}
console.log(`healthy after ${Math.round(performance.now() - t0)} ms`);
server.kill('SIGKILL');
