/**
 * Publication notification benchmark (issue 15): a hub with N members (default 1,000), each with one owner
 * and a signed webhook. One approved report is published through the real HTTP route; the job worker (its
 * normal polling) notifies the audience: one e-mail per owner through a real local SMTP server
 * (smtp-server, mails read and dropped) and one signed webhook per member to a local node:http receiver.
 * Measured: publish request → every delivery recorded as delivered (target < 60 s).
 * Run: node --import tsx bench/sharing-publish.ts [members]. Writes docs/benchmarks.md (section
 * `sharing-publish`).
 */
import {
  buildApp,
  createMailer,
  JobWorker,
  loadConfig,
  openFileStore,
  prepareSetupCode,
  sharingNotifyJobs,
  type Deps,
} from '@shinrai/server';
import { migrate, openStore } from '@shinrai/store';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';
import { machineLine, writeSection } from './sections.ts';

const N = Number(process.argv[2] ?? 1_000);
const SETUP = 'BENC-HSHA-RING';
const dir = mkdtempSync(path.join(os.tmpdir(), 'shinrai-bench-sharing-'));
const store = openStore({ databaseUrl: undefined, dataDir: dir });
await migrate(store);

let mails = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, done) {
    stream.on('end', () => {
      mails++;
      done();
    });
    stream.resume();
  },
});
await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
let hooks = 0;
const receiver = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    hooks++;
    res.writeHead(204).end();
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
const hookPort = (receiver.address() as AddressInfo).port;

const config = loadConfig({
  SHINRAI_DATA_DIR: dir,
  SHINRAI_SETUP_CODE: SETUP,
  SHINRAI_WEB_DIST: '/nonexistent',
});
const deps: Deps = {
  store,
  files: openFileStore(store, dir),
  config,
  mailer: { send: async () => undefined },
  now: () => new Date(),
  log: undefined as never,
};
const app = await buildApp(deps);
deps.log = app.log;
deps.mailer = createMailer(
  `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
  'Shinrai <no-reply@bench.example.jp>',
  app.log,
);
await prepareSetupCode(deps);

const setup = await app.inject({
  method: 'POST',
  url: '/api/setup',
  payload: {
    setupCode: SETUP,
    email: 'hub@example.jp',
    displayName: 'ハブ',
    password: 'correct horse battery staple',
    locale: 'ja',
    organization: {
      name: 'ベンチ情報共有ハブ',
      kind: 'hub',
      prefecture: '13',
      size: 'large',
      industry: '製造業',
    },
  },
});
if (setup.statusCode !== 201) throw new Error(`setup: ${setup.statusCode} ${setup.body}`);
const setCookie = setup.headers['set-cookie'];
const cookie = (Array.isArray(setCookie) ? setCookie : [String(setCookie)])
  .find((c) => c.startsWith('shinrai_session='))!
  .split(';')[0]!;
const csrf = (JSON.parse(setup.body) as { csrfToken: string }).csrfToken;
const me = JSON.parse((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).body) as {
  memberships: { organization: { id: string } }[];
};
const hubId = me.memberships[0]!.organization.id;
const headers = { cookie, 'x-csrf-token': csrf };
const hubRes = await app.inject({
  method: 'PUT',
  url: `/api/orgs/${hubId}/sharing/hub`,
  headers,
  payload: { ndaVersion: '2026-04' },
});
if (hubRes.statusCode !== 200) throw new Error(`hub: ${hubRes.statusCode} ${hubRes.body}`);

// Members seeded directly (their onboarding is not what is measured).
const at = new Date().toISOString();
const memberIds: string[] = [];
for (let i = 0; i < N; i += 250) {
  const orgs = [];
  const users = [];
  const ms = [];
  const rels = [];
  const nda = [];
  const settings = [];
  for (let j = i; j < Math.min(N, i + 250); j++) {
    const id = randomUUID();
    const userId = randomUUID();
    memberIds.push(id);
    orgs.push({
      id,
      slug: `member-${j}`,
      name: `会員${j}株式会社`,
      kind: 'enterprise',
      corporate_number: null,
      industry: null,
      size: null,
      prefecture: null,
      discoverable: 0,
      search_name: `会員${j}株式会社`,
      created_at: at,
      updated_at: at,
    });
    users.push({
      id: userId,
      email: `owner${j}@m${j}.example.jp`,
      display_name: `担当${j}`,
      password_hash: null,
      locale: j % 5 === 0 ? 'en' : 'ja',
      totp_secret: null,
      totp_enabled: 0,
      totp_last_step: null,
      is_instance_admin: 0,
      failed_logins: 0,
      locked_until: null,
      created_at: at,
      updated_at: at,
    });
    ms.push({ org_id: id, user_id: userId, role: 'owner', created_at: at });
    rels.push({
      id: randomUUID(),
      type: 'hub_member',
      from_org_id: hubId,
      to_org_id: id,
      status: 'active',
      requested_by_org_id: hubId,
      created_at: at,
      accepted_at: at,
      ended_at: null,
    });
    nda.push({
      hub_org_id: hubId,
      member_org_id: id,
      nda_version: '2026-04',
      nda_accepted_at: at,
      nda_accepted_by: userId,
      named: 0,
    });
    settings.push({
      org_id: id,
      webhook_url: `http://hooks.invalid:${hookPort}/m/${j}`,
      webhook_secret: randomUUID(),
      email_enabled: 1,
      updated_at: at,
    });
  }
  await store.db.insertInto('organizations').values(orgs).execute();
  await store.db.insertInto('users').values(users).execute();
  await store.db.insertInto('memberships').values(ms).execute();
  await store.db.insertInto('relationships').values(rels).execute();
  await store.db.insertInto('sharing_members').values(nda).execute();
  await store.db.insertInto('sharing_notify_settings').values(settings).execute();
}
const reportId = randomUUID();
await store.db
  .insertInto('sharing_reports')
  .values({
    id: reportId,
    hub_org_id: hubId,
    reporter_org_id: memberIds[0]!,
    submitted_by: null,
    lang: 'ja',
    attack_type: 'targeted-attack',
    occurred_on: '2026-11-05',
    title: '元の件名',
    text: '本文',
    declared_indicators: '[]',
    proposal: '{}',
    redactions: '[]',
    indicators: '[]',
    published_title: '請求書を装った標的型メール',
    status: 'approved',
    revision: 2,
    approved_revision: 2,
    approved_text: '本文',
    approved_at: at,
    approved_by: null,
    reporter_note: null,
    tlp: null,
    published_at: null,
    published_seq: null,
    created_at: at,
    updated_at: at,
  })
  .execute();

const worker = new JobWorker(
  deps,
  sharingNotifyJobs(deps, {
    resolve: async () => [{ address: '127.0.0.1', family: 4 }],
    allow: () => true,
  }),
);
worker.start();
const expected = 2 * N;
const t0 = performance.now();
const pub = await app.inject({
  method: 'POST',
  url: `/api/orgs/${hubId}/sharing/reports/${reportId}/publish`,
  headers,
  payload: { revision: 2, tlp: 'green', groupIds: [] },
});
const publishMs = performance.now() - t0;
if (pub.statusCode !== 200) throw new Error(`publish: ${pub.statusCode} ${pub.body}`);
let firstMs = 0;
for (;;) {
  const done = await store.db
    .selectFrom('sharing_deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'delivered')
    .executeTakeFirstOrThrow();
  const n = Number(done.n);
  if (n > 0 && firstMs === 0) firstMs = performance.now() - t0;
  if (n >= expected) break;
  if (performance.now() - t0 > 300_000) throw new Error(`only ${n} of ${expected} delivered after 300 s`);
  await new Promise((r) => setTimeout(r, 50));
}
const totalMs = performance.now() - t0;
await worker.stop();
const failed = await store.db
  .selectFrom('sharing_deliveries')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .where('status', '!=', 'delivered')
  .executeTakeFirstOrThrow();
await app.close();
await new Promise((r) => receiver.close(r));
await new Promise<void>((r) => smtp.close(r));
await store.close?.();
rmSync(dir, { recursive: true, force: true });

const load = execSync('uptime').toString().trim();
const s = (ms: number) => (ms / 1000).toFixed(1);
const body = `## Sharing: publish to ${N.toLocaleString('en')} members and notify them (bench/sharing-publish.ts)

- Date: ${new Date().toISOString().slice(0, 10)}
- Machine: ${machineLine()}
- Load: \`${load}\`
- Data: SQLite; ${N.toLocaleString('en')} member organizations of one hub, each with one owner and a webhook; one approved report published to all (TLP:GREEN, no sector group)

| step | seconds | target |
|---|---:|---|
| publish request (HTTP; the notification job is enqueued in its transaction) | ${s(publishMs)} | |
| first delivery recorded (includes the worker's poll interval, ${config.jobPollMs} ms) | ${s(firstMs)} | |
| all ${expected.toLocaleString('en')} deliveries delivered (${mails} mails through a local SMTP server, ${hooks} signed webhooks to a local HTTP receiver) | ${s(totalMs)} | < 60 s: ${totalMs < 60_000 ? 'met' : 'NOT met'} |

Deliveries not delivered at the end: ${Number(failed.n)}. The audience is computed with the module's one visibility rule, asked member by member (${N.toLocaleString('en')} queries); the notification job then sends 16 deliveries at a time. The SMTP server and the receiver run in the same process, so their work is counted too.`;
writeSection('sharing-publish', body);
console.log(body);
