/**
 * Coverage dashboard benchmark (issue 14): the dashboard of a registry of 5,000 suppliers, each asked by a
 * campaign of 25 items (the SME self-check), half of the answers accepted and scored, a tenth overdue from an
 * earlier campaign: GET /suppliers/coverage/dashboard through the real HTTP route on SQLite (target < 300 ms
 * server time; median of 20 after 3 warm-up calls). Run: node --import tsx bench/supplychain-coverage.ts
 * [suppliers]. Writes docs/benchmarks.md (section `supplychain-coverage`).
 */
import { insertCampaign } from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { execSync } from 'node:child_process';
import { machineLine, writeSection } from './sections.ts';
import { supplychainBenchApp } from './supplychain-app.ts';

const N = Number(process.argv[2] ?? 5_000);
const { dir, store, app, cookie, orgId, catalogId } = await supplychainBenchApp('coverage', 'BENC-HCOV-ERAG');

// Seed the registry, two campaigns, their requests and the accepted answers' assessments directly.
const at = new Date().toISOString();
const past = new Date(Date.now() - 90 * 86_400_000).toISOString();
const crit = ['high', 'medium', 'low'];
const campaigns = [
  { id: randomUUID(), title: '前回', deadline: past.slice(0, 10), sentAt: past },
  { id: randomUUID(), title: '今回', deadline: '2099-12-31', sentAt: at },
];
for (const c of campaigns)
  await insertCampaign(store.db, {
    id: c.id,
    org_id: orgId,
    title: c.title,
    catalog_id: catalogId,
    tier: null,
    deadline: c.deadline,
    link_days: 30,
    mail_language: 'ja_en',
    message: null,
    status: 'sent',
    owner_id: null,
    created_by: null,
    created_at: c.sentAt,
    sent_at: c.sentAt,
  });
for (let i = 0; i < N; i += 400) {
  const suppliers = [];
  const requests = [];
  const assessments = [];
  for (let j = i; j < Math.min(N, i + 400); j++) {
    const id = randomUUID();
    suppliers.push({
      id,
      org_id: orgId,
      corporate_number: null,
      name: `取引先${j}株式会社`,
      name_kana: null,
      supplies: '[]',
      criticality: crit[j % 3]!,
      contract_start: null,
      contract_end: null,
      star_required: j % 4 === 0 ? 3 : j % 4 === 1 ? 4 : null,
      star_held: j % 5 === 0 ? 4 : j % 5 === 1 ? 3 : null,
      linked_org_id: null,
      tier: 1 + (j % 2),
      parent_supplier_id: null,
      notes: '',
      created_by: null,
      created_at: at,
      updated_at: at,
    });
    const accepted = j % 2 === 0;
    const assessmentId = accepted ? randomUUID() : null;
    if (assessmentId)
      assessments.push({
        id: assessmentId,
        org_id: orgId,
        catalog_id: catalogId,
        tier: null,
        title: `取引先${j}`,
        scope_type: 'supplier',
        scope_label: null,
        status: 'in_progress',
        status_by: null,
        status_at: null,
        due_date: null,
        based_on: null,
        created_by: null,
        created_at: at,
        updated_at: at,
        score_points: (j * 7) % 76,
        score_max: 75,
        score_percent: Math.round((((j * 7) % 76) / 75) * 1000) / 10,
        answered_count: 25,
        item_count: 25,
        band_id: null,
      });
    const overdue = j % 10 === 1;
    requests.push({
      id: randomUUID(),
      org_id: orgId,
      campaign_id: overdue ? campaigns[0]!.id : campaigns[1]!.id,
      supplier_id: id,
      supplier_name: `取引先${j}株式会社`,
      assessment_id: assessmentId,
      status: accepted ? 'accepted' : 'sent',
      opened_at: null,
      submitted_at: accepted ? at : null,
      accepted_at: accepted ? at : null,
      accepted_by: null,
      reminders: '[]',
      escalated_at: null,
      updated_at: at,
    });
  }
  await store.db.insertInto('suppliers').values(suppliers).execute();
  if (assessments.length > 0) await store.db.insertInto('assessments').values(assessments).execute();
  await store.db.insertInto('campaign_requests').values(requests).execute();
}

const url = `/api/orgs/${orgId}/suppliers/coverage/dashboard`;
const call = async () => {
  const t0 = performance.now();
  const r = await app.inject({ method: 'GET', url, headers: { cookie } });
  const ms = performance.now() - t0;
  if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
  return { ms, body: JSON.parse(r.body) as { overall: { known: number }; overdue: { count: number } } };
};
let last = await call();
for (let i = 0; i < 2; i++) await call();
const times: number[] = [];
for (let i = 0; i < 20; i++) {
  last = await call();
  times.push(last.ms);
}
times.sort((a, b) => a - b);
const median = times[10]!;
const p95 = times[18]!;

await app.close();
await store.close();
rmSync(dir, { recursive: true, force: true });

const load = execSync('uptime').toString().trim();
const body = `## Coverage dashboard for ${N.toLocaleString('en')} suppliers (SQLite)

${machineLine()}; ${new Date().toISOString().slice(0, 10)}; load: \`${load}\`.

| step | time | target | ratio to target |
|---|---|---|---|
| GET coverage/dashboard (median of 20, in-process inject) | ${median.toFixed(0)} ms | < 300 ms | ${(median / 300).toFixed(2)} |
| same, 19th of 20 | ${p95.toFixed(0)} ms | — | — |

${N.toLocaleString('en')} suppliers each asked a 25-item questionnaire, ${last.body.overall.known.toLocaleString('en')} answers accepted and scored, ${last.body.overdue.count.toLocaleString('en')} requests overdue. The dashboard reads the stored score of each accepted answer (computed when the buyer accepts), not the answers.
`;
console.log(body);
writeSection('supplychain-coverage', body);
