/**
 * TAXII 2.1 client benchmark (issue 15: "a sync with nothing new in < 1 s"): a Shinrai hub's collection seeded
 * with N objects (20,000 by default) and served over real HTTP on a loopback port; a member organization of the
 * same instance pulls it as a TAXII source — once in full, then again from the stored checkpoint (nothing new),
 * five times, the median timed. SQLite by default; `--pg URL` on a fresh PostgreSQL database (created and
 * dropped). Run: node --import tsx bench/sharing-intake.ts [--pg URL] [objects]. Writes docs/benchmarks.md
 * (section `sharing-intake-sqlite` or `sharing-intake-postgres`).
 */
import {
  buildApp,
  loadConfig,
  openFileStore,
  prepareSetupCode,
  pullSource,
  setTaxiiNet,
  type Deps,
} from '@shinrai/server';
import { insertSharingReport, insertTaxiiObjects, migrate, openStore } from '@shinrai/store';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { machineLine, writeSection } from './sections.ts';

const args = process.argv.slice(2);
const pgAt = args.indexOf('--pg');
const base = pgAt >= 0 ? args[pgAt + 1] : undefined;
const N = Number(args.filter((a, i) => i !== pgAt && i !== pgAt + 1)[0] ?? 20_000);
const SETUP = 'BENC-HINT-AKEV';
const dir = mkdtempSync(path.join(os.tmpdir(), 'shinrai-bench-intake-'));
let databaseUrl: string | undefined;
let dbName = '';
if (base) {
  dbName = `bench_intake_${process.pid}`;
  const admin = openStore({ databaseUrl: base, dataDir: dir });
  await sql`create database ${sql.id(dbName)}`.execute(admin.db);
  await admin.close();
  const u = new URL(base);
  u.pathname = `/${dbName}`;
  databaseUrl = u.href;
}
const store = openStore({ databaseUrl, dataDir: dir });
await migrate(store);
const deps: Deps = {
  store,
  files: openFileStore(store, dir),
  config: loadConfig({ SHINRAI_DATA_DIR: dir, SHINRAI_SETUP_CODE: SETUP, SHINRAI_WEB_DIST: '/nonexistent' }),
  mailer: { send: async () => {} },
  now: () => new Date(),
  log: undefined as never,
};
const app = await buildApp(deps);
deps.log = app.log;
await prepareSetupCode(deps);

let cookie = '';
let csrf = '';
async function call<T>(method: string, url: string, payload?: unknown): Promise<T> {
  const res = await app.inject({
    method: method as 'GET',
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  const set = res.headers['set-cookie'];
  const c = (Array.isArray(set) ? set : set ? [String(set)] : []).find((x) =>
    x.startsWith('shinrai_session='),
  );
  if (c) cookie = c.split(';')[0] ?? '';
  const body = res.body ? (JSON.parse(res.body) as T & { csrfToken?: string }) : ({} as T);
  if ((body as { csrfToken?: string }).csrfToken) csrf = (body as { csrfToken: string }).csrfToken;
  return body;
}

await call('POST', '/api/setup', {
  setupCode: SETUP,
  email: 'bench@example.jp',
  displayName: 'ベンチ',
  password: 'correct horse battery staple',
  locale: 'ja',
  organization: { name: 'ベンチ会員', kind: 'enterprise' },
});
const me = await call<{ memberships: { organization: { id: string } }[] }>('GET', '/api/me');
const memberId = me.memberships[0]?.organization.id ?? '';
const hub = (
  await call<{ organization: { id: string; slug: string } }>('POST', '/api/orgs', {
    name: 'ベンチハブ',
    kind: 'hub',
  })
).organization;
const member = await call<{ organization: { slug: string } }>('GET', `/api/orgs/${memberId}`);
await call('PUT', `/api/orgs/${hub.id}/sharing/hub`, { ndaVersion: '1' });
const rel = await call<{ relationship: { id: string } }>('POST', `/api/orgs/${hub.id}/relationships`, {
  counterpartSlug: member.organization.slug,
  type: 'hub_member',
  side: 'from',
});
await call('POST', `/api/orgs/${memberId}/relationships/${rel.relationship.id}/accept`);
await call('POST', `/api/orgs/${memberId}/sharing/hubs/${hub.id}/nda`, { version: '1', named: false });
const { secret } = await call<{ secret: string }>('POST', `/api/orgs/${memberId}/tokens`, {
  name: 'taxii',
  role: 'viewer',
  expiresInDays: 7,
});

// Seed the collection directly (publication itself is measured elsewhere): one report row for the
// foreign key, then N indicator objects in the all-members TLP:GREEN collection, 50 per date_added.
const reportId = randomUUID();
const t0 = Date.parse('2026-12-01T00:00:00.000Z');
await insertSharingReport(store.db, {
  id: reportId,
  hub_org_id: hub.id,
  reporter_org_id: memberId,
  submitted_by: null,
  lang: 'ja',
  attack_type: 'other',
  occurred_on: '2026-12-01',
  title: 'bench',
  text: 'bench',
  declared_indicators: '[]',
  proposal: '{}',
  redactions: '[]',
  indicators: '[]',
  published_title: 'bench',
  status: 'published',
  revision: 1,
  approved_revision: 1,
  approved_text: 'bench',
  approved_at: null,
  approved_by: null,
  reporter_note: null,
  tlp: 'green',
  published_at: new Date(t0).toISOString(),
  published_seq: 1,
  created_at: new Date(t0).toISOString(),
  updated_at: new Date(t0).toISOString(),
});
const seedStart = performance.now();
for (let i = 0; i < N; i += 1000) {
  const rows: Parameters<typeof insertTaxiiObjects>[2] = [];
  for (let j = i; j < Math.min(N, i + 1000); j++) {
    const at = new Date(t0 + Math.floor(j / 50) * 1000).toISOString();
    const id = `indicator--${randomUUID()}`;
    const o = {
      type: 'indicator',
      spec_version: '2.1',
      id,
      created: at,
      modified: at,
      pattern: `[ipv4-addr:value = '198.51.${(j >> 8) & 255}.${j & 255}']`,
      pattern_type: 'stix',
      valid_from: at,
      object_marking_refs: ['marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'],
    };
    rows.push({
      collection: 'all/green',
      report_id: reportId,
      stix_id: id,
      stix_type: 'indicator',
      version: at,
      date_added: at,
      object: JSON.stringify(o),
    });
  }
  await store.db.transaction().execute((trx) => insertTaxiiObjects(trx, hub.id, rows));
}
const seedSeconds = (performance.now() - seedStart) / 1000;

const auth = { authorization: `Bearer ${secret}`, accept: 'application/taxii+json;version=2.1' };
const cols = JSON.parse(
  (await app.inject({ method: 'GET', url: `/taxii2/${hub.slug}/collections/`, headers: auth })).body,
) as { collections: { id: string; title: string }[] };
const green = cols.collections.find((c) => c.title.endsWith('TLP:GREEN') && c.title.startsWith('全メンバー'));
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as { port: number }).port;
const net = { allowHttp: true, allow: (a: string) => a === '127.0.0.1', timeoutMs: 120_000 };
setTaxiiNet(deps, net);
const { source } = await call<{ source: { id: string } }>(
  'POST',
  `/api/orgs/${memberId}/sharing/intake/sources`,
  {
    name: 'bench',
    apiRootUrl: `http://127.0.0.1:${port}/taxii2/${hub.slug}/`,
    collectionId: green?.id,
    authKind: 'bearer',
    secret,
    intervalMinutes: 60,
  },
);

// An upload near the 16 MiB limit through the HTTP route (multipart), parsed and imported in the request.
const uploadObjects: unknown[] = [];
let uploadBytes = 0;
for (let j = 0; uploadBytes < 15 * 1024 * 1024; j++) {
  const at = new Date(t0 + j).toISOString();
  const o = {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: at,
    modified: at,
    name: `bench upload ${j}`,
    pattern: `[domain-name:value = 'host-${j}.bench.example']`,
    pattern_type: 'stix',
    valid_from: at,
    labels: ['tlp:green', 'misp:type="domain"'],
  };
  uploadBytes += JSON.stringify(o).length + 1;
  uploadObjects.push(o);
}
const bundleText = JSON.stringify({ type: 'bundle', id: `bundle--${randomUUID()}`, objects: uploadObjects });
const boundary = '----benchintake';
const payload = Buffer.concat([
  Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.json"\r\nContent-Type: application/json\r\n\r\n`,
  ),
  Buffer.from(bundleText),
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);
const uploadStart = performance.now();
const uploaded = await app.inject({
  method: 'POST',
  url: `/api/orgs/${memberId}/sharing/intake/imports`,
  payload,
  headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie, 'x-csrf-token': csrf },
});
const uploadSeconds = (performance.now() - uploadStart) / 1000;
if (uploaded.statusCode !== 200)
  throw new Error(`upload: ${uploaded.statusCode} ${uploaded.body.slice(0, 300)}`);
const uploadAdded = (JSON.parse(uploaded.body) as { added: number }).added;
if (uploadAdded !== uploadObjects.length)
  throw new Error(`upload added ${uploadAdded} of ${uploadObjects.length}`);

const fullStart = performance.now();
const full = await pullSource(deps, source.id, null, net);
const fullSeconds = (performance.now() - fullStart) / 1000;
if (!full.ok || full.summary.added !== N) throw new Error(`full pull: ${JSON.stringify(full).slice(0, 500)}`);
const times: number[] = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  const again = await pullSource(deps, source.id, null, net);
  times.push(performance.now() - started);
  if (!again.ok || again.summary.added + again.summary.updated !== 0) throw new Error('something new?');
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[2] ?? 0;
const dialect = base ? 'PostgreSQL 15' : 'SQLite';
const load = execSync('uptime').toString().trim();
const body = `## TAXII 2.1 client: a sync with nothing new, ${dialect} (bench/sharing-intake.ts)

${machineLine()}; ${new Date().toISOString().slice(0, 10)}; load: \`${load}\`.

A hub's collection of ${N.toLocaleString('en')} indicator objects served by Shinrai's own \`/taxii2/\` over HTTP on a loopback port; a member organization of the same instance pulls it as a TAXII source (\`pullSource\`: fetch every page from the checkpoint, check, import, move the checkpoint). The full pull follows \`next\` over ${full.pages} pages of 1,000; the nothing-new pull sends \`added_after\` = the stored \`X-TAXII-Date-Added-Last\` and gets one empty page (median of 5).

| measure | value | target | ratio to target |
|---|---|---|---|
| full pull (${N.toLocaleString('en')} objects added) | ${fullSeconds.toFixed(2)} s | — | — |
| sync with nothing new (median of 5) | ${median.toFixed(1)} ms | < 1 s | ${(median / 1000).toFixed(3)} |
| sync with nothing new (slowest of 5) | ${sorted[4]?.toFixed(1)} ms | < 1 s | ${((sorted[4] ?? 0) / 1000).toFixed(3)} |
| seeding (insertTaxiiObjects, 1,000 per transaction) | ${seedSeconds.toFixed(1)} s | — | — |
| upload of a ${(Buffer.byteLength(bundleText) / 1048576).toFixed(1)} MiB bundle (${uploadObjects.length.toLocaleString('en')} indicators; HTTP route, parsed and imported in the request) | ${uploadSeconds.toFixed(2)} s | — | — |
`;
console.log(body);
writeSection(base ? 'sharing-intake-postgres' : 'sharing-intake-sqlite', body);
await app.close();
if (base) {
  const admin = openStore({ databaseUrl: base, dataDir: dir });
  await sql`drop database if exists ${sql.id(dbName)} with (force)`.execute(admin.db);
  await admin.close();
}
rmSync(dir, { recursive: true, force: true });
