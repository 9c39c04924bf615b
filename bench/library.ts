/**
 * Library benchmark (issue 3), SQLite:
 *  - an organization dashboard over 1,000 assessments of a 100-item catalog (100,000 answers):
 *    the trend read from stored scores over HTTP, and a full recomputation of every score from the answers;
 *  - import of a 2,000-row catalog from .xlsx (parse, check, store).
 * Targets: dashboard < 200 ms; import < 3 s. Run: npm run bench
 */
import { flattenPack, scoreAssessment, type AnswerValue, type CatalogPack } from '@shinrai/core';
import {
  applyImport,
  loadConfig,
  openFileStore,
  packChecksum,
  prepareImport,
  startServer,
} from '@shinrai/server';
import { insertCatalog, listAnswers, migrate, openStore } from '@shinrai/store';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedOwner } from './seed.ts';
import { machineLine, writeSection } from './sections.ts';

const ASSESSMENTS = 1000;
const ITEMS = 100;
const URN = 'urn:shinrai:catalog:bench-100';

function pack100(): CatalogPack {
  const t = (s: string) => ({ ja: `項目 ${s}`, en: `Item ${s}` });
  return {
    id: URN,
    version: '1.0.0',
    publisher: { ja: 'ベンチ', en: 'Bench' },
    title: { ja: '100項目', en: '100 items' },
    sources: [{ title: 'bench', url: 'https://example.org' }],
    answerModels: {
      m: {
        kind: 'choice',
        options: [0, 1, 2, 3, 4].map((p) => ({ value: `v${p}`, label: t(String(p)), points: p })),
      },
    },
    scoring: { method: 'sum' },
    nodes: Array.from({ length: 10 }, (_, g) => ({
      ref: `G${g}`,
      provenance: 'own' as const,
      title: t(`G${g}`),
      children: Array.from({ length: ITEMS / 10 }, (_, i) => ({
        ref: `Q${g}-${i}`,
        provenance: 'own' as const,
        title: t(`${g}-${i}`),
        answerModel: 'm',
        tags: [],
      })),
    })),
  };
}

async function median(
  runs: number,
  fn: () => Promise<unknown>,
): Promise<{ median: number; min: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)] ?? 0,
    min: times[0] ?? 0,
    max: times[times.length - 1] ?? 0,
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shinrai-bench-lib-'));
  const store = openStore({ databaseUrl: undefined, dataDir });
  await migrate(store);
  const pack = pack100();
  const flat = flattenPack(pack.nodes);
  const orgId = randomUUID();
  const userId = randomUUID();
  const catalogId = randomUUID();
  const now = new Date().toISOString();
  const email = 'bench@example.jp';
  const password = 'benchmark passphrase 2026';
  const seed0 = performance.now();
  await store.db.transaction().execute(async (trx) => {
    await seedOwner(trx, { orgId, userId, email, password, now });
    await insertCatalog(trx, { id: catalogId, scope: orgId, pack, checksum: packChecksum(pack), now });
    const items = flat.filter((n) => n.kind === 'item');
    for (let a = 0; a < ASSESSMENTS; a++) {
      const id = randomUUID();
      const at = new Date(Date.UTC(2020, 0, 1) + a * 86_400_000).toISOString();
      const answers = items.map((n, i) => ({
        assessment_id: id,
        org_id: orgId,
        ref: n.ref,
        value: JSON.stringify({ kind: 'choice', value: `v${(a + i) % 5}` }),
        comment: null,
        assignee_id: null,
        due_date: null,
        revision: 1,
        updated_by: userId,
        updated_at: at,
      }));
      const values = new Map(answers.map((x) => [x.ref, JSON.parse(x.value) as AnswerValue]));
      const s = scoreAssessment(pack, flat, values).overall;
      await trx
        .insertInto('assessments')
        .values({
          id,
          org_id: orgId,
          catalog_id: catalogId,
          tier: null,
          title: `評価 ${a}`,
          scope_type: 'organization',
          scope_label: null,
          status: 'approved',
          status_by: userId,
          status_at: at,
          due_date: null,
          based_on: null,
          created_by: userId,
          created_at: at,
          updated_at: at,
          score_points: s.points,
          score_max: s.max,
          score_percent: s.percent,
          answered_count: s.answered,
          item_count: s.items,
          band_id: null,
        })
        .execute();
      await trx.insertInto('answers').values(answers).execute();
    }
  });
  const seedMs = performance.now() - seed0;
  await store.close();

  const server = await startServer(
    loadConfig({ SHINRAI_DATA_DIR: dataDir, PORT: '0', SHINRAI_LOGIN_RATE_LIMIT: '1000' }),
    { logger: false },
  );
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const trendUrl = `${server.url}/api/orgs/${orgId}/assessments/trend?urn=${encodeURIComponent(URN)}`;
  const check = (await (await fetch(trendUrl, { headers: { cookie } })).json()) as { points: unknown[] };
  if (check.points.length !== ASSESSMENTS) throw new Error(`trend has ${check.points.length} points`);
  const trend = await median(15, async () => (await fetch(trendUrl, { headers: { cookie } })).arrayBuffer());

  const recompute = await median(5, async () => {
    const ids = await server.store.db
      .selectFrom('assessments')
      .select('id')
      .where('org_id', '=', orgId)
      .execute();
    const all = await server.store.db
      .selectFrom('answers')
      .select(['assessment_id', 'ref', 'value'])
      .where('org_id', '=', orgId)
      .execute();
    const by = new Map<string, Map<string, AnswerValue>>();
    for (const r of all) {
      let m = by.get(r.assessment_id);
      if (!m) by.set(r.assessment_id, (m = new Map<string, AnswerValue>()));
      if (r.value !== null) m.set(r.ref, JSON.parse(r.value) as AnswerValue);
    }
    for (const { id } of ids) scoreAssessment(pack, flat, by.get(id) ?? new Map<string, AnswerValue>());
  });
  const one = await median(15, async () =>
    listAnswers(server.store.db, orgId, (check.points[0] as { id: string }).id),
  );

  // .xlsx import of a 2,000-row catalog.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('catalog');
  ws.addRow(['ID', '親ID', '項目名', 'Title']);
  for (let g = 0; g < 40; g++) {
    ws.addRow([`G${g}`, null, `グループ${g}`, `Group ${g}`]);
    for (let i = 0; i < 49; i++)
      ws.addRow([`R${g}-${i}`, `G${g}`, `要件 ${g}-${i} の説明文`, `Requirement ${g}-${i}`]);
  }
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  const deps = {
    store: server.store,
    files: openFileStore(server.store, dataDir),
    config: loadConfig({ SHINRAI_DATA_DIR: dataDir }),
    mailer: { send: async () => {} },
    now: () => new Date(),
    log: server.app.log,
  };
  let version = 0;
  const importRun = await median(3, async () => {
    version++;
    const prepared = await prepareImport(deps, orgId, xlsx, 'big.xlsx', {
      mapping: { ref: 'ID', parent: '親ID', titleJa: '項目名', titleEn: 'Title' },
      header: {
        id: 'urn:shinrai:catalog:bench-2000',
        version: `1.0.${version}`,
        title: { ja: '2000行', en: '2000 rows' },
      },
    });
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems.slice(0, 3)));
    if (prepared.itemCount !== 1960) throw new Error(`items ${prepared.itemCount}`);
    await server.store.db
      .transaction()
      .execute((trx) =>
        applyImport(deps, trx, { userId: null, tokenId: null, requestId: 'bench' }, orgId, prepared),
      );
  });
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });

  const f = (x: number) => x.toFixed(1);
  const body = [
    '## Library and assessments (bench/library.ts)',
    '',
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${machineLine()}`,
    `- Data: ${ASSESSMENTS.toLocaleString()} assessments × ${ITEMS} items = ${(ASSESSMENTS * ITEMS).toLocaleString()} answers in SQLite (seeded in ${(seedMs / 1000).toFixed(1)} s)`,
    '',
    '| case | median ms | min | max | target |',
    '|---|---:|---:|---:|---|',
    `| dashboard trend over ${ASSESSMENTS} assessments (HTTP, stored scores) | ${f(trend.median)} | ${f(trend.min)} | ${f(trend.max)} | < 200 ms: ${trend.median < 200 ? 'met' : 'NOT met'} |`,
    `| recompute all ${ASSESSMENTS} scores from ${(ASSESSMENTS * ITEMS).toLocaleString()} answers (in process) | ${f(recompute.median)} | ${f(recompute.min)} | ${f(recompute.max)} | (reference: what stored scores avoid) |`,
    `| load one assessment's ${ITEMS} answers | ${f(one.median)} | ${f(one.min)} | ${f(one.max)} | |`,
    `| import a 2,000-row .xlsx catalog (parse, check, store) | ${f(importRun.median)} | ${f(importRun.min)} | ${f(importRun.max)} | < 3,000 ms: ${importRun.median < 3000 ? 'met' : 'NOT met'} |`,
    '',
    'Scores are stored on each assessment in the transaction that changes an answer, so the dashboard reads one row per assessment.',
  ].join('\n');
  writeSection('library', body);
  process.stdout.write(`${body}\n`);
}

await main();
