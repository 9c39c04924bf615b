import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { pdfText } from '../helpers/pdf-text.ts';

describe('assessment PDF report', () => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let id: string;

  beforeAll(async () => {
    t = await makeApp('sqlite');
    ({ admin, orgId } = await setupInstance(t, '信頼精密工業株式会社'));
    const cats = json<{ items: { id: string; urn: string }[] }>(
      await admin.get(`/api/orgs/${orgId}/catalogs`),
    ).items;
    const catalogId = cats.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')?.id;
    id = json<{ assessment: { id: string } }>(
      await admin.post(`/api/orgs/${orgId}/assessments`, { catalogId, title: '2026年度 自社診断' }),
    ).assessment.id;
    for (let i = 1; i <= 25; i++) {
      const value = i % 3 === 0 ? 'no' : i % 5 === 0 ? 'partial' : 'yes';
      await admin.req('PUT', `/api/orgs/${orgId}/assessments/${id}/answers/${i}`, {
        value: { kind: 'choice', value },
        revision: 0,
      });
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('contains the Japanese headings, the organization name and the score', async () => {
    const res = await admin.get(`/api/orgs/${orgId}/assessments/${id}/report.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(res.rawPayload);
    for (const s of [
      '2026年度 自社診断',
      '評価レポート',
      '信頼精密工業株式会社',
      '優先して取り組む項目',
      'グループ別の達成率',
      '回答一覧',
      '実施している',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('speaks English when asked', async () => {
    const res = await admin.get(`/api/orgs/${orgId}/assessments/${id}/report.pdf?lang=en`);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Assessment report');
    expect(text).toContain('Items to work on first');
    expect(text).toContain('信頼精密工業株式会社');
  });
});
