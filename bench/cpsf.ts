/**
 * CPSF benchmark (issue 5): a seeded model of 5,000 elements and 20,000 edges; times indexModel,
 * checkModel and deriveModel (built-in risk-source pack and mapping), median of 5 runs each.
 * Target: index + check + derive < 1 s. Run: node --import tsx bench/cpsf.ts
 */
import { checkModel, deriveModel, indexModel, rulesFromPack, type CatalogPack } from '@shinrai/core';
import { loadConfig, startServer } from '@shinrai/server';
import { migrate, openStore } from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { EDGES, ELEMENTS, generate } from './cpsf-model.ts';
import { seedOwner } from './seed.ts';
import { machineLine, writeSection } from './sections.ts';

const RUNS = 5;
const TODAY = '2025-04-01';

function median(fn: () => unknown): { median: number; min: number; max: number; result: unknown } {
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)] ?? 0,
    min: times[0] ?? 0,
    max: times.at(-1) ?? 0,
    result,
  };
}

const root = new URL('../catalogs/', import.meta.url);
const pack = parse(
  readFileSync(new URL('packs/shinrai-cpsf-risk-sources.yaml', root), 'utf8'),
) as CatalogPack;
const mapping = parse(readFileSync(new URL('mappings/cpsf-risk-sources-to-cpsf.yaml', root), 'utf8')) as {
  entries: { source: string; target: string }[];
};
const built = rulesFromPack(pack, mapping);
if (!built.ok) throw new Error(`risk-source pack has problems: ${JSON.stringify(built.problems)}`);
const rules = built.rules;
const model = generate(20250401);

const rows = [
  ['rulesFromPack', median(() => rulesFromPack(pack, mapping))],
  ['indexModel', median(() => indexModel(model, TODAY))],
  ['checkModel', median(() => checkModel(model, TODAY))],
  ['deriveModel', median(() => deriveModel(model, rules, [], TODAY))],
] as const;
const checks = (rows[2][1].result as unknown[]).length;
const derived = rows[3][1].result as { riskSources: unknown[]; requirements: unknown[] }[];
const total = rows[1][1].median + rows[2][1].median + rows[3][1].median;
const ms = (n: number) => n.toFixed(1);

console.log(`CPSF model: ${ELEMENTS} elements, ${EDGES} edges, ${rules.riskSources.length} risk sources`);
console.log(`${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, Node ${process.version}\n`);
console.log('| step | median ms | min ms | max ms |');
console.log('|---|---:|---:|---:|');
for (const [name, r] of rows) console.log(`| ${name} | ${ms(r.median)} | ${ms(r.min)} | ${ms(r.max)} |`);
console.log(`| **index + check + derive** | **${ms(total)}** | | |`);
console.log(
  `\n${checks} findings; ${derived.reduce((n, d) => n + d.riskSources.length, 0)} risk sources and ` +
    `${derived.reduce((n, d) => n + d.requirements.length, 0)} requirements derived. ` +
    `Target < 1000 ms: ${total < 1000 ? 'met' : 'NOT met'}.`,
);

// ---- The same model through the server (issue 5: "loads, validates and derives all requirements in < 1 s
// on the server"): PUT the whole graph (JSON parse + schema + integrity + store) and GET the analysis (load +
// checks + derivation + status + heat map), over HTTP on SQLite.
async function medianAsync(
  fn: () => Promise<unknown>,
): Promise<{ median: number; min: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? 0, min: times[0] ?? 0, max: times.at(-1) ?? 0 };
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shinrai-bench-cpsf-'));
const orgId = randomUUID();
const email = 'bench@example.jp';
const password = 'bench passphrase 123';
{
  const store = openStore({ databaseUrl: undefined, dataDir });
  await migrate(store);
  const now = new Date().toISOString();
  const userId = randomUUID();
  await store.db.transaction().execute(async (trx) => {
    await seedOwner(trx, { orgId, userId, email, password, now });
  });
  await store.close();
}
const server = await startServer(
  loadConfig({ SHINRAI_DATA_DIR: dataDir, PORT: '0', SHINRAI_LOGIN_RATE_LIMIT: '1000' }),
  { logger: false },
);
const login = await fetch(`${server.url}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email, password }),
});
const { csrfToken } = (await login.json()) as { csrfToken: string };
const headers = {
  cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
  'x-csrf-token': csrfToken,
  'content-type': 'application/json',
};
const body = JSON.stringify(model);
const created = (await (
  await fetch(`${server.url}/api/orgs/${orgId}/cpsf/models`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: 'bench', graph: model }),
  })
).json()) as { model: { id: string; revision: number } };
const modelUrl = `${server.url}/api/orgs/${orgId}/cpsf/models/${created.model.id}`;
let revision = created.model.revision;
const put = await medianAsync(async () => {
  const res = await fetch(`${modelUrl}/graph`, {
    method: 'PUT',
    headers,
    body: `{"revision":${revision},${body.slice(1)}`,
  });
  if (res.status !== 200) throw new Error(`PUT graph ${res.status}: ${await res.text()}`);
  revision = ((await res.json()) as { model: { revision: number } }).model.revision;
});
let analysed = { elements: 0, required: 0 };
const analysis = await medianAsync(async () => {
  const res = await fetch(`${modelUrl}/analysis`, { headers });
  if (res.status !== 200) throw new Error(`GET analysis ${res.status}`);
  const a = (await res.json()) as { summary: { elements: number; required: number } };
  analysed = a.summary;
});
await server.stop();
rmSync(dataDir, { recursive: true, force: true });
console.log('\n| over HTTP (SQLite) | median ms | min ms | max ms |');
console.log('|---|---:|---:|---:|');
console.log(`| PUT graph (parse, validate, store) | ${ms(put.median)} | ${ms(put.min)} | ${ms(put.max)} |`);
console.log(
  `| GET analysis (load, check, derive, status, heat map) | ${ms(analysis.median)} | ${ms(analysis.min)} | ${ms(analysis.max)} |`,
);

writeSection(
  'cpsf',
  `## CPSF model (bench/cpsf.ts)

${new Date().toISOString().slice(0, 10)} · ${machineLine()}

A seeded model of ${ELEMENTS.toLocaleString('en')} elements and ${EDGES.toLocaleString('en')} edges, the built-in
risk-source pack (${rules.riskSources.length} risk sources); median of ${RUNS} runs. Target (issue 5): load, validate
and derive all requirements in < 1 s on the server.

| step (in process) | median ms | min ms | max ms |
|---|---:|---:|---:|
${rows.map(([name, r]) => `| ${name} | ${ms(r.median)} | ${ms(r.min)} | ${ms(r.max)} |`).join('\n')}
| **index + check + derive** | **${ms(total)}** | | |

| over HTTP, SQLite | median ms | min ms | max ms |
|---|---:|---:|---:|
| PUT whole graph (JSON parse, schema, integrity, store) | ${ms(put.median)} | ${ms(put.min)} | ${ms(put.max)} |
| GET analysis (load, check, derive, status, heat map) | ${ms(analysis.median)} | ${ms(analysis.min)} | ${ms(analysis.max)} |

${analysed.elements.toLocaleString('en')} elements analysed, ${analysed.required.toLocaleString('en')} (element × requirement) pairs.
Target < 1,000 ms for each request: ${put.median < 1000 && analysis.median < 1000 ? 'met' : 'NOT met'}.
The editor itself is timed in Chromium in the next section (bench/cpsf-editor.ts).`,
);
