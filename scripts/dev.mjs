#!/usr/bin/env node
/**
 * `npm run dev`: the server from the TypeScript sources, rebuilt and restarted on every change, plus the
 * web app's Vite dev server (hot reload; it proxies /api to the server on port 8080).
 *
 * esbuild rebuilds the bundles incrementally (scripts/build.mjs --watch, tens of milliseconds) and
 * `node --watch` restarts `shinrai serve` when a bundle changes. Extra arguments go to `shinrai serve`'s
 * environment as usual (PORT, SHINRAI_DATA_DIR, …). --no-web: the server only.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'packages/cli/dist');
const children = [];

function start(cmd, args, stdout = 'inherit') {
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ['inherit', stdout, 'inherit'] });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) stop(code ?? 1);
  });
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const watcher = start(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--watch'], 'pipe');
// The server starts once the watcher's first build is written (it reports every build on stdout).
let serving = false;
watcher.stdout.setEncoding('utf8').on('data', (text) => {
  process.stdout.write(text);
  if (serving || stopping || !text.includes('bundles: rebuilt')) return;
  serving = true;
  start(process.execPath, ['--watch', '--enable-source-maps', path.join(DIST, 'main.mjs'), 'serve']);
  if (!process.argv.includes('--no-web'))
    start(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'packages/web']);
});
