/**
 * Issue 10: GET /api/health latency while a 300,000-component CycloneDX SBOM (generated here, ~36 MB)
 * is uploaded and ingested, on SQLite, for this tree and for a base revision ("before", by default the
 * commit before the parse workers), one after the other on the same machine. Each server runs in its own
 * process; the health probe (bench/health-probe.mjs) runs in another, one request after another, so a
 * stalled event loop shows as one long request.
 *
 * Run: node --import tsx bench/ingest-health.ts [--before REV] [--components N] [--no-write]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { cdxBom, largeCdxBom } from '@shinrai/formats/sbom/fixtures';
import { machineLine, writeSection } from './sections.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const arg = (name: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const BEFORE = arg('--before') ?? 'ed3e55f';
const COMPONENTS = Number(arg('--components') ?? 300_000);
const WRITE = !process.argv.includes('--no-write');

interface Probe {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

/** The tree at `rev`, runnable: sources from git, node_modules linked to this checkout's (but @shinrai/*). */
function checkout(rev: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shinrai-before-'));
  const archive = spawnSync('git', ['-C', ROOT, 'archive', rev], { maxBuffer: 1 << 30 });
  if (archive.status !== 0) throw new Error(`git archive ${rev}: ${archive.stderr.toString()}`);
  spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  mkdirSync(path.join(dir, 'node_modules/@shinrai'), { recursive: true });
  for (const e of readdirSync(path.join(ROOT, 'node_modules')))
    if (e !== '@shinrai') symlinkSync(path.join(ROOT, 'node_modules', e), path.join(dir, 'node_modules', e));
  for (const p of readdirSync(path.join(dir, 'packages'))) {
    symlinkSync(path.join(dir, 'packages', p), path.join(dir, 'node_modules/@shinrai', p));
    try {
      symlinkSync(
        path.join(ROOT, 'packages', p, 'node_modules'),
        path.join(dir, 'packages', p, 'node_modules'),
      );
    } catch {
      // no own node_modules
    }
  }
  cpSync(path.join(ROOT, 'bench/ingest-health-server.ts'), path.join(dir, 'bench/ingest-health-server.ts'));
  return dir;
}

async function startServer(root: string): Promise<{ url: string; child: ChildProcess; data: string }> {
  const data = mkdtempSync(path.join(os.tmpdir(), 'shinrai-bench-ingest-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/ingest-health-server.ts', data], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  for await (const chunk of child.stdout) {
    out += chunk as string;
    if (out.includes('\n')) break;
  }
  return { url: out.trim(), child, data };
}

async function probe(url: string, during: () => Promise<void>): Promise<Probe> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bench/health-probe.mjs'), url], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  await during();
  child.stdin.end();
  await once(child, 'exit');
  return JSON.parse(out) as Probe;
}

async function run(label: string, root: string, bom: Buffer) {
  const { url, child, data } = await startServer(root);
  try {
    const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${url}${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const setup = await post('/api/setup', {
      setupCode: 'BENC-HSET-UPCD',
      email: 'bench@example.jp',
      displayName: 'ベンチ',
      password: 'correct horse battery staple',
      locale: 'ja',
      organization: {
        name: 'ベンチ製作所',
        kind: 'enterprise',
        prefecture: '13',
        size: 'large',
        industry: '製造業',
      },
    });
    if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
    const login = await post('/api/auth/login', {
      email: 'bench@example.jp',
      password: 'correct horse battery staple',
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const auth = {
      cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      'x-csrf-token': csrfToken,
    };
    const me = (await (await fetch(`${url}/api/me`, { headers: auth })).json()) as {
      memberships: { organization: { id: string } }[];
    };
    const base = `/api/orgs/${me.memberships[0]!.organization.id}/software`;
    const product = (await (
      await post(`${base}/products`, { name: 'ベンチ', kind: 'application' }, auth)
    ).json()) as {
      product: { id: string };
    };
    const release = (await (
      await post(`${base}/products/${product.product.id}/releases`, { version: '1.0.0' }, auth)
    ).json()) as { release: { id: string } };

    // A small upload first, so that neither tree's figures include first-use compilation (schemas, workers).
    const warm = new FormData();
    warm.append('file', new Blob([JSON.stringify(largeCdxBom(100))]), 'warm.cdx.json');
    const warmRelease = (await (
      await post(`${base}/products/${product.product.id}/releases`, { version: '0.9.0' }, auth)
    ).json()) as { release: { id: string } };
    const w = await fetch(`${url}${base}/releases/${warmRelease.release.id}/sbom`, {
      method: 'POST',
      headers: { cookie: auth.cookie, 'x-csrf-token': auth['x-csrf-token'] },
      body: warm,
    });
    if (w.status !== 200) throw new Error(`warm-up upload: ${w.status}`);
    const idle = await probe(url, () => new Promise((r) => setTimeout(r, 2_000)));
    let uploadMs = 0;
    const during = await probe(url, async () => {
      const form = new FormData();
      form.append('file', new Blob([bom]), 'big.cdx.json');
      const t0 = performance.now();
      const res = await fetch(`${url}${base}/releases/${release.release.id}/sbom`, {
        method: 'POST',
        headers: { cookie: auth.cookie, 'x-csrf-token': auth['x-csrf-token'] },
        body: form,
      });
      const body = (await res.json()) as { release?: { sbom?: { componentCount: number } } };
      uploadMs = performance.now() - t0;
      if (res.status !== 200 || body.release?.sbom?.componentCount !== COMPONENTS)
        throw new Error(`upload: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    });
    console.log(label, { idle, during, uploadMs: Math.round(uploadMs) });
    return { idle, during, uploadMs };
  } finally {
    child.kill('SIGKILL');
    rmSync(data, { recursive: true, force: true });
  }
}

/** `n` npm components under the app as a binary tree (depth ~18 for 300,000): about 130 bytes each. */
function treeBom(n: number) {
  const version = (i: number) => `1.${i % 50}.${i % 7}`;
  const components = Array.from({ length: n }, (_, i) => ({
    type: 'library',
    'bom-ref': `c${i}`,
    name: `pkg-${i}`,
    version: version(i),
    purl: `pkg:npm/pkg-${i}@${version(i)}`,
  }));
  const dependencies = [{ ref: 'app', dependsOn: ['c0'] }];
  for (let i = 0; 2 * i + 1 < n; i++)
    dependencies.push({
      ref: `c${i}`,
      dependsOn: [2 * i + 1, 2 * i + 2].filter((j) => j < n).map((j) => `c${j}`),
    });
  return cdxBom(components, { dependencies });
}

const bom = Buffer.from(JSON.stringify(treeBom(COMPONENTS)));
console.log(`BOM: ${COMPONENTS} components, ${(bom.length / 2 ** 20).toFixed(1)} MB`);
const beforeRoot = checkout(BEFORE);
const before = await run(`before (${BEFORE})`, beforeRoot, bom);
rmSync(beforeRoot, { recursive: true, force: true });
const after = await run('after (this tree)', ROOT, bom);

const f = (x: number) => (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en'));
const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b < 10 ? 1 : 0)}×`;
const row = (label: string, r: typeof before) =>
  `| ${label} | ${f(r.idle.p99)} | ${f(r.during.p50)} | ${f(r.during.p99)} | ${f(r.during.max)} | ${r.during.n} | ${f(r.uploadMs)} |`;
const body = `## Heavy uploads off the request path (issue 10)

\`node --import tsx bench/ingest-health.ts\` — GET /api/health, one request after another from its own
process, while a ${COMPONENTS.toLocaleString('en')}-component CycloneDX JSON SBOM (${(bom.length / 2 ** 20).toFixed(0)} MB, generated) is
uploaded and ingested (SQLite), after a 100-component warm-up upload. "Before" is ${BEFORE} (parse on the event loop, one synchronous bulk write);
"after" parses in a worker thread, takes the rows in chunks and yields between insert batches.

Machine: ${machineLine()}. Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Load (uptime): ${os
  .loadavg()
  .map((x) => x.toFixed(2))
  .join(', ')}.

| tree | idle p99 (ms) | during p50 (ms) | during p99 (ms) | during max (ms) | health answers during | upload (ms) |
|---|---|---|---|---|---|---|
${row('before', before)}
${row('after', after)}

During the upload, p99 ${ratio(before.during.p99, after.during.p99)} lower and max ${ratio(before.during.max, after.during.max)} lower after; ${after.during.n} health answers
during the ingest against ${before.during.n}; the upload itself ${ratio(after.uploadMs, before.uploadMs)} the time of before. On SQLite, requests that query
the database still wait for the ingest's one write transaction (a single connection, serialized by Kysely);
/api/health and everything that does not touch the database is answered throughout.`;
console.log(body);
if (WRITE) writeSection('ingest-health', body);
