import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  json,
  makeApp,
  setupInstance,
  type Client,
  type TestApp,
} from '../../../../../test/helpers/app.ts';

interface YearBody {
  years: number[];
  year: number;
  rows: { rank: number; key: string; titleJa: string; movement: string; previousRank: number | null }[];
  dropped: { previousRank: number; threat: { key: string } }[];
}
interface Coverage {
  cpsf: {
    assessment: { id: string } | null;
    items: { id: string; answered: boolean; percent: number | null; title: { ja: string } | null }[];
  };
  directives: { assessment: { id: string } | null; items: { ref: string; percent: number | null }[] };
}

describe('threat library', () => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;

  beforeAll(async () => {
    t = await makeApp('sqlite', { packs: true });
    ({ admin, orgId } = await setupInstance(t));
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the latest year by default with movements, and any year held on request', async () => {
    const latest = json<YearBody>(await admin.get(`/api/orgs/${orgId}/threats`));
    expect(latest.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(latest.year).toBe(2026);
    expect(latest.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const ai = latest.rows.find((r) => r.rank === 3)!;
    expect(ai.key).toBe('ai-risk');
    expect(ai.movement).toBe('new');
    expect(latest.rows.find((r) => r.key === 'ransomware')).toMatchObject({ rank: 1, movement: 'same' });

    const y2020 = json<YearBody>(await admin.get(`/api/orgs/${orgId}/threats?year=2020`));
    expect(y2020.rows).toHaveLength(10);
    expect(y2020.rows.every((r) => r.movement === 'unknown')).toBe(true);
    expect((await admin.get(`/api/orgs/${orgId}/threats?year=2019`)).statusCode).toBe(404);
  });

  it('gives a threat its history over every year and the requirements that answer it', async () => {
    const res = await admin.get(`/api/orgs/${orgId}/threats/ransomware`);
    expect(res.statusCode, res.body).toBe(200);
    const body = json<{
      history: { year: number; rank: number | null }[];
      mapping: { cpsf: { id: string }[]; directives: { ref: string }[] };
    }>(res);
    expect(body.history.map((h) => h.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(body.history.at(-1)?.rank).toBe(1);
    expect(body.mapping.cpsf.length).toBeGreaterThan(0);
    expect(body.mapping.directives.length).toBeGreaterThan(0);
    expect((await admin.get(`/api/orgs/${orgId}/threats/not-a-threat`)).statusCode).toBe(404);
  });

  it("reports what answers a threat in the organization's own assessments, nothing assessed as null", async () => {
    const url = `/api/orgs/${orgId}/threats/ransomware/coverage`;
    const before = json<Coverage>(await admin.get(url));
    expect(before.cpsf.assessment).toBeNull();
    expect(before.cpsf.items.every((i) => !i.answered && i.percent === null)).toBe(true);
    expect(before.directives.assessment).toBeNull();

    const catalogs = json<{ items: { id: string; urn: string }[] }>(
      await admin.get(`/api/orgs/${orgId}/catalogs`),
    );
    const cpsf = catalogs.items.find((c) => c.urn === 'urn:shinrai:catalog:meti-cpsf')!;
    const created = await admin.post(`/api/orgs/${orgId}/assessments`, {
      catalogId: cpsf.id,
      title: 'CPSF 2026',
    });
    expect(created.statusCode, created.body).toBe(201);
    const assessmentId = json<{ assessment: { id: string } }>(created).assessment.id;
    const ref = before.cpsf.items[0]!.id;
    const answered = await admin.req('PUT', `/api/orgs/${orgId}/assessments/${assessmentId}/answers/${ref}`, {
      value: { kind: 'choice', value: 'implemented' },
      revision: 0,
    });
    expect(answered.statusCode, answered.body).toBe(200);

    const after = json<Coverage>(await admin.get(url));
    expect(after.cpsf.assessment?.id).toBe(assessmentId);
    const item = after.cpsf.items.find((i) => i.id === ref)!;
    expect(item).toMatchObject({ answered: true, percent: 100 });
    expect(item.title?.ja.length).toBeGreaterThan(0);
    expect(after.cpsf.items.filter((i) => i.id !== ref).every((i) => !i.answered)).toBe(true);
  });

  it("keeps an organization's coverage to its members, and the library to signed-in members", async () => {
    const other = await addMember(t, admin, orgId, 'viewer@example.jp', 'viewer');
    expect((await other.get(`/api/orgs/${orgId}/threats/ransomware/coverage`)).statusCode).toBe(200);
    const created = await other.post('/api/orgs', { name: '別会社', kind: 'supplier' });
    expect(created.statusCode, created.body).toBe(201);
    const otherOrg = json<{ organization: { id: string } }>(created).organization.id;
    expect((await admin.get(`/api/orgs/${otherOrg}/threats/ransomware/coverage`)).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/orgs/${orgId}/threats` });
    expect(anonymous.statusCode).toBe(401);
  });
});
