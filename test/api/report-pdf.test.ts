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

  /** The overall score as the API computes it (GET assessments/:id). */
  async function apiScore(): Promise<{ points: number; max: number; percent: number | null }> {
    const { points, max, percent } = json<{
      score: { overall: { points: number; max: number; percent: number | null } };
    }>(await admin.get(`/api/orgs/${orgId}/assessments/${id}`)).score.overall;
    return { points, max, percent };
  }

  /** The "<label>: points / max <unit>（percent%）" line of the report, read back from the PDF text. */
  function pdfScore(text: string, label: string, unit: string) {
    const num = String.raw`(\d+(?:\.\d+)?)`;
    const m = new RegExp(
      String.raw`${label}\s*:\s*${num}\s*/\s*${num}\s*${unit}\s*（\s*${num}\s*%\s*）`,
    ).exec(text);
    if (!m) throw new Error(`no "${label}" score line in the PDF text:\n${text.slice(0, 600)}`);
    return { points: Number(m[1]), max: Number(m[2]), percent: Number(m[3]) };
  }

  it('contains the Japanese headings, the organization name and the score', async () => {
    const res = await admin.get(`/api/orgs/${orgId}/assessments/${id}/report.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(res.rawPayload);
    const score = await apiScore();
    // 25 answers, mixed: a score strictly between nothing and everything, so a stale 0 or 100 fails
    expect(score.points).toBeGreaterThan(0);
    expect(score.points).toBeLessThan(score.max);
    expect(pdfScore(text, '総合', '点')).toEqual(score);
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
    expect(pdfScore(text, 'Overall', 'points')).toEqual(await apiScore());
    expect(text).toContain('Items to work on first');
    expect(text).toContain('信頼精密工業株式会社');
  });
});
