/**
 * Campaign benchmark (issue 14): a questionnaire campaign to 5,000 suppliers (one contact each) created and
 * its 5,000 mails queued in the outbox, through the real HTTP route on SQLite (target < 10 s), then the outbox
 * delivered (each mail mints its link; the mailer is a no-op here, so this is Shinrai's own share of the work).
 * Run: node --import tsx bench/supplychain-campaigns.ts [suppliers]. Writes docs/benchmarks.md
 * (section `supplychain-campaigns`).
 */
import { SERVER_MODULES } from '@shinrai/server';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { execSync } from 'node:child_process';
import { machineLine, writeSection } from './sections.ts';
import { supplierRow } from '../test/helpers/supplier-row.ts';
import { supplychainBenchApp } from './supplychain-app.ts';

const N = Number(process.argv[2] ?? 5_000);
const { dir, store, deps, app, cookie, csrf, orgId, catalogId, sentCount } = await supplychainBenchApp(
  'campaigns',
  'BENC-HSUP-PLYC',
);

// Seed the registry directly (the registry's own import is benchmarked by its module).
const at = new Date().toISOString();
const ids: string[] = [];
for (let i = 0; i < N; i += 500) {
  const suppliers = [];
  const contacts = [];
  for (let j = i; j < Math.min(N, i + 500); j++) {
    const id = randomUUID();
    ids.push(id);
    suppliers.push(supplierRow(orgId, at, { id, name: `取引先${j}株式会社` }));
    contacts.push({
      id: randomUUID(),
      supplier_id: id,
      org_id: orgId,
      name: `担当${j}`,
      email: `c${j}@s${j}.example.jp`,
      role: '',
      is_primary: 1,
      created_at: at,
    });
  }
  await store.db.insertInto('suppliers').values(suppliers).execute();
  await store.db.insertInto('supplier_contacts').values(contacts).execute();
}

const deadline = new Date(Date.now() + 30 * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
const t0 = performance.now();
const res = await app.inject({
  method: 'POST',
  url: `/api/orgs/${orgId}/supplychain/campaigns`,
  headers: { cookie, 'x-csrf-token': csrf },
  payload: { title: 'ベンチ', catalogId, deadline, supplierIds: ids },
});
const createMs = performance.now() - t0;
if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
const { mails } = JSON.parse(res.body) as { mails: number };

const jobs = SERVER_MODULES.find((m) => m.name === 'supplychain')!.jobs!(deps);
const t1 = performance.now();
await jobs['supplychain.outbox']!({ progress: async () => undefined } as never);
const deliverMs = performance.now() - t1;

await app.close();
await store.close();
rmSync(dir, { recursive: true, force: true });

const load = execSync('uptime').toString().trim();
const body = `## Supply-chain campaign to ${N.toLocaleString('en')} suppliers (SQLite)

${machineLine()}; ${new Date().toISOString().slice(0, 10)}; load: \`${load}\`.

| step | time | target | ratio to target |
|---|---|---|---|
| POST campaigns: ${N.toLocaleString('en')} requests created, ${mails.toLocaleString('en')} mails queued (pre-send check included) | ${(createMs / 1000).toFixed(2)} s | < 10 s | ${(createMs / 10_000).toFixed(2)} |
| outbox delivered: ${sentCount().toLocaleString('en')} links minted (hash stored) and handed to a no-op mailer | ${(deliverMs / 1000).toFixed(2)} s | — | — |

Assessments are created when a respondent first opens the link, not at send time, so sending to thousands stays cheap.
`;
console.log(body);
writeSection('supplychain-campaigns', body);
