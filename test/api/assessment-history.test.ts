import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';

const URN = 'urn:shinrai:catalog:history-test';
const MAPPING = { ref: 'ID', titleJa: '項目名', answerModel: 'model' };

describe('history: trend, comparison and catalog upgrades', () => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;

  beforeAll(async () => {
    t = await makeApp('sqlite', { packs: false });
    ({ admin, orgId } = await setupInstance(t));
  });
  afterAll(async () => {
    await t.close();
  });

  async function importVersion(version: string, rows: string[]): Promise<string> {
    const csv = Buffer.from(['ID,項目名,model', ...rows].join('\n'));
    const { payload, headers } = multipart(
      { name: 'c.csv', data: csv },
      {
        options: JSON.stringify({
          mode: 'apply',
          mapping: MAPPING,
          header: { id: URN, version, title: { ja: '履歴', en: 'History' } },
        }),
      },
    );
    const res = await admin.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/catalogs/import`,
      payload,
      headers: { ...headers, cookie: admin.cookie ?? '', 'x-csrf-token': admin.csrf ?? '' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return json<{ catalogId: string }>(res).catalogId;
  }
  const create = async (catalogId: string, title: string) =>
    json<{ assessment: { id: string } }>(
      await admin.post(`/api/orgs/${orgId}/assessments`, { catalogId, title }),
    ).assessment.id;
  const put = (id: string, ref: string, value: string) =>
    admin.req('PUT', `/api/orgs/${orgId}/assessments/${id}/answers/${ref}`, {
      value: { kind: 'choice', value },
      revision: 0,
    });

  let v1: string;
  let first: string;
  let second: string;

  it('keeps a trend of stored scores, oldest first', async () => {
    v1 = await importVersion('1.0.0', ['Q1,鍵の管理,impl', 'Q2,更新,impl', 'Q3,教育,impl']);
    first = await create(v1, '2025年度');
    await put(first, 'Q1', 'implemented');
    await put(first, 'Q2', 'not_implemented');
    second = await create(v1, '2026年度');
    await put(second, 'Q1', 'implemented');
    await put(second, 'Q2', 'implemented');
    await put(second, 'Q3', 'partial');
    const trend = json<{ points: { id: string; points: number; max: number; percent: number }[] }>(
      await admin.get(`/api/orgs/${orgId}/assessments/trend?urn=${encodeURIComponent(URN)}`),
    );
    expect(trend.points.map((p) => [p.id, p.points, p.max])).toEqual([
      // No scoring rules in this pack: percent of the answered items (unanswered ones are left out).
      [first, 2, 4],
      [second, 5, 6],
    ]);
    const list = json<{ items: { id: string; summary: { answered: number } | null }[] }>(
      await admin.get(`/api/orgs/${orgId}/assessments`),
    );
    expect(list.items.find((a) => a.id === second)?.summary?.answered).toBe(3);
  });

  it('compares two assessments item by item', async () => {
    const cmp = json<{ items: { ref: string; change: string }[] }>(
      await admin.get(`/api/orgs/${orgId}/assessments/compare?a=${first}&b=${second}`),
    );
    expect(Object.fromEntries(cmp.items.map((i) => [i.ref, i.change]))).toEqual({
      Q1: 'same',
      Q2: 'better',
      Q3: 'only_b',
    });
  });

  it('upgrades to a new catalog version by reference id and never drops an answer', async () => {
    const v2 = await importVersion('1.1.0', [
      'Q1,鍵の管理（改訂）,impl',
      'Q2,更新,impl',
      'Q4,新しい項目,impl',
    ]);
    const preview = json<Record<string, unknown>>(
      await admin.post(`/api/orgs/${orgId}/assessments/${second}/upgrade`, { catalogId: v2 }),
    );
    expect(preview).toEqual({
      kept: ['Q1', 'Q2'],
      removed: ['Q3'],
      invalid: [],
      added: ['Q4'],
      applied: false,
    });
    const applied = await admin.post(`/api/orgs/${orgId}/assessments/${second}/upgrade`, {
      catalogId: v2,
      apply: true,
    });
    expect(json(applied)).toMatchObject({ applied: true, removed: ['Q3'] });
    const body = json<{
      assessment: { catalogId: string };
      answers: { ref: string }[];
      score: { overall: { points: number; max: number } };
    }>(await admin.get(`/api/orgs/${orgId}/assessments/${second}`));
    expect(body.assessment.catalogId).toBe(v2);
    expect(body.answers.map((a) => a.ref).sort()).toEqual(['Q1', 'Q2', 'Q3']);
    expect(body.score.overall).toMatchObject({ points: 4, max: 4, answered: 2 });
    expect(json(await admin.get(`/api/orgs/${orgId}/assessments/${second}/flags`))).toEqual({
      removed: ['Q3'],
      invalid: [],
    });
    // Comparison works across versions.
    const cmp = json<{ items: { ref: string; change: string }[] }>(
      await admin.get(`/api/orgs/${orgId}/assessments/compare?a=${first}&b=${second}`),
    );
    expect(cmp.items.map((i) => i.ref)).toEqual(['Q1', 'Q2', 'Q4', 'Q3']);
  });

  it('refuses an upgrade to another catalog', async () => {
    const other = await importVersion('9.0.0', ['X1,別,impl']);
    // Same URN, so this is a version: fine. A different URN must be refused:
    const otherUrn = json<{ items: { id: string; urn: string }[] }>(
      await admin.get(`/api/orgs/${orgId}/catalogs`),
    ).items.find((c) => c.id === other);
    expect(otherUrn?.urn).toBe(URN);
    const res = await admin.post(`/api/orgs/${orgId}/assessments/${first}/upgrade`, { catalogId: first });
    expect(res.statusCode).toBe(404);
  });
});
