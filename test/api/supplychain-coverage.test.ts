import {
  insertCampaign,
  insertCampaignRequests,
  insertSupplier,
  saveAnswer,
  type CampaignRequestRow,
} from '@shinrai/store';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';
import { pdfText } from '../helpers/pdf-text.ts';

/*
 * The coverage dashboard, its exports and the board report's supply-chain section, on the dialect of
 * the API suites (SQLite, or PostgreSQL with SHINRAI_TEST_API_DIALECT=postgres). Campaign rows are
 * written through the store; the answer is scored by the assessment engine and accepted through the API.
 */

const URN = 'urn:shinrai:catalog:coverage-test';

interface Dashboard {
  suppliers: number;
  overall: { total: number; known: number; rate: number | null };
  byCriticality: Record<'high' | 'medium' | 'low', { total: number; known: number }>;
  byTier: { tier: number; cell: { total: number; known: number } }[];
  overdue: { count: number; items: { supplierName: string; daysOverdue: number }[] };
  weakest: { supplierName: string; percent: number }[];
  distribution: { bands: { from: number; count: number }[]; unscored: number };
  trend: { title: string; requests: number; accepted: number; meanScore: number | null }[];
  reevaluation: { count: number; items: { supplierName: string }[] };
  star: { level: number; required: number; met: number }[];
}

describe('supply-chain coverage dashboard, exports and board section', () => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let emptyOrgId: string;
  const now = new Date('2027-04-05T01:00:00Z'); // 2027-04-05 in Japan
  let acceptRequestId = '';

  async function supplier(name: string, criticality: string, required: number | null, held: number | null) {
    const id = randomUUID();
    const at = now.toISOString();
    await insertSupplier(t.deps.store.db, {
      id,
      org_id: orgId,
      corporate_number: null,
      name,
      name_kana: null,
      supplies: '[]',
      criticality,
      contract_start: null,
      contract_end: null,
      star_required: required,
      star_held: held,
      linked_org_id: null,
      tier: 1,
      parent_supplier_id: null,
      notes: '',
      created_by: null,
      created_at: at,
      updated_at: at,
    });
    return id;
  }

  beforeAll(async () => {
    t = await makeApp('sqlite', { packs: false, now: () => now });
    ({ admin, orgId } = await setupInstance(t, '信頼精機株式会社'));
    emptyOrgId = json<{ organization: { id: string } }>(
      await admin.post('/api/orgs', { name: '取引先なし工業', kind: 'supplier' }),
    ).organization.id;

    const csv = Buffer.from(['ID,項目名,model', 'Q1,鍵の管理,impl', 'Q2,更新,impl'].join('\n'));
    const { payload, headers } = multipart(
      { name: 'c.csv', data: csv },
      {
        options: JSON.stringify({
          mode: 'apply',
          mapping: { ref: 'ID', titleJa: '項目名', answerModel: 'model' },
          header: { id: URN, version: '1.0.0', title: { ja: '取引先質問票', en: 'Supplier questions' } },
        }),
      },
    );
    const imported = await admin.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/catalogs/import`,
      payload,
      headers: { ...headers, cookie: admin.cookie ?? '', 'x-csrf-token': admin.csrf ?? '' },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const catalogId = json<{ catalogId: string }>(imported).catalogId;

    // The answer the supplier gave: one of two scored items implemented (50 %).
    const assessmentId = json<{ assessment: { id: string } }>(
      await admin.post(`/api/orgs/${orgId}/assessments`, { catalogId, title: 'あおば部品の回答' }),
    ).assessment.id;
    // Written as the respondent's link writes them (no score refresh): the score is made on acceptance.
    for (const [ref, value] of [
      ['Q1', 'implemented'],
      ['Q2', 'not_implemented'],
    ] as const)
      await saveAnswer(
        t.deps.store.db,
        {
          assessment_id: assessmentId,
          org_id: orgId,
          ref,
          value: JSON.stringify({ kind: 'choice', value }),
          comment: null,
          assignee_id: null,
          due_date: null,
          updated_by: null,
          updated_at: now.toISOString(),
        },
        0,
      );

    const a = await supplier('株式会社あおば部品', 'high', 3, 4);
    const b = await supplier('北斗システム株式会社', 'medium', 4, 3);
    const c = await supplier('南風商事', 'low', null, null);
    const campaignId = randomUUID();
    const sentAt = '2027-03-01T00:00:00.000Z';
    await insertCampaign(t.deps.store.db, {
      id: campaignId,
      org_id: orgId,
      title: '2027年春の確認',
      catalog_id: catalogId,
      tier: null,
      deadline: '2027-03-31',
      link_days: 30,
      mail_language: 'ja_en',
      message: null,
      status: 'sent',
      owner_id: null,
      created_by: null,
      created_at: sentAt,
      sent_at: sentAt,
    });
    const req = (supplierId: string, name: string, status: string, assessment: string | null) =>
      ({
        id: randomUUID(),
        org_id: orgId,
        campaign_id: campaignId,
        supplier_id: supplierId,
        supplier_name: name,
        assessment_id: assessment,
        status,
        opened_at: null,
        submitted_at: status === 'submitted' ? '2027-03-20T00:00:00.000Z' : null,
        accepted_at: null,
        accepted_by: null,
        reminders: '[]',
        escalated_at: null,
        updated_at: sentAt,
      }) satisfies CampaignRequestRow;
    const rows = [
      req(a, '株式会社あおば部品', 'submitted', assessmentId),
      req(b, '北斗システム株式会社', 'opened', null),
      req(c, '南風商事', 'sent', null),
    ];
    acceptRequestId = rows[0]!.id;
    await insertCampaignRequests(t.deps.store.db, rows);
  });
  afterAll(async () => {
    await t.close();
  });

  const dashboard = async () =>
    json<Dashboard>(await admin.get(`/api/orgs/${orgId}/suppliers/coverage/dashboard`));

  it('before any answer is accepted: nothing known, two requests overdue, everybody due for re-evaluation', async () => {
    const d = await dashboard();
    expect(d.suppliers).toBe(3);
    expect(d.overall).toEqual({ total: 3, known: 0, rate: 0 });
    expect(d.overdue.count).toBe(2); // the submitted answer is not overdue
    expect(d.overdue.items.map((o) => [o.supplierName, o.daysOverdue]).sort()).toEqual([
      ['北斗システム株式会社', 5],
      ['南風商事', 5],
    ]);
    expect(d.weakest).toEqual([]);
    expect(d.distribution.unscored).toBe(3);
    expect(d.trend).toEqual([
      expect.objectContaining({ title: '2027年春の確認', requests: 3, accepted: 0, meanScore: null }),
    ]);
    expect(d.reevaluation.count).toBe(3);
    expect(d.star).toEqual([
      { level: 3, required: 1, met: 1 },
      { level: 4, required: 1, met: 0 },
    ]);
  });

  it('accepting an answer makes the supplier known, scores it, and moves the trend', async () => {
    const res = await admin.post(`/api/orgs/${orgId}/supplychain/requests/${acceptRequestId}/accept`, {});
    expect(res.statusCode, res.body).toBe(204);
    const d = await dashboard();
    expect(d.overall.known).toBe(1);
    expect(d.overall.rate).toBeCloseTo(1 / 3);
    expect(d.byCriticality.high).toEqual({ total: 1, known: 1, rate: 1 });
    expect(d.byCriticality.medium.known).toBe(0);
    expect(d.byTier).toEqual([{ tier: 1, cell: { total: 3, known: 1, rate: 1 / 3 } }]);
    expect(d.weakest.map((w) => [w.supplierName, w.percent])).toEqual([['株式会社あおば部品', 50]]);
    expect(d.distribution.bands.find((b) => b.from === 40)?.count).toBe(1);
    expect(d.distribution.unscored).toBe(2);
    expect(d.trend[0]).toMatchObject({ accepted: 1, meanScore: 50 });
    expect(d.reevaluation.count).toBe(2);
    expect(d.reevaluation.items.map((r) => r.supplierName)).not.toContain('株式会社あおば部品');
    // the chain carries the same latest accepted score on each node (for its score filter)
    const chain = json<{ nodes: { name: string; score: number | null; statusKnown: boolean }[] }>(
      await admin.get(`/api/orgs/${orgId}/suppliers/chain`),
    );
    expect(chain.nodes.map((n) => [n.name, n.score, n.statusKnown]).sort()).toEqual([
      ['北斗システム株式会社', null, false],
      ['南風商事', null, false],
      ['株式会社あおば部品', 50, true],
    ]);
  });

  it('exports the dashboard as .xlsx and as a PDF with Japanese text', async () => {
    const x = await admin.get(`/api/orgs/${orgId}/suppliers/coverage/export.xlsx`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '状況把握率',
      '期限超過',
      '低スコア',
      'スコア分布',
      '推移',
      '再評価',
      '★',
    ]);
    expect(wb.getWorksheet('低スコア')!.getRow(2).values).toEqual([
      undefined,
      '株式会社あおば部品',
      '高',
      50,
      '2027-04-05',
    ]);
    expect(wb.getWorksheet('状況把握率')!.getRow(2).values).toEqual([undefined, '全体', 3, 1, 33.3]);

    const p = await admin.get(`/api/orgs/${orgId}/suppliers/coverage/export.pdf`);
    expect(p.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(p.rawPayload);
    for (const s of [
      'サプライチェーン 状況把握レポート',
      '信頼精機株式会社',
      '期限を過ぎて未提出の依頼：2件',
      '株式会社あおば部品',
      '受理した最新のキャンペーン回答の得点率',
      '年次再評価の対象',
      '2027年春の確認',
    ])
      expect(text, s).toContain(s);
    const en = await pdfText(
      (await admin.get(`/api/orgs/${orgId}/suppliers/coverage/export.pdf?lang=en`)).rawPayload,
    );
    expect(en).toContain('Supply chain coverage report');
  });

  it('the board report gains a supply-chain section; with no supplier it says so', async () => {
    const res = await admin.get(`/api/orgs/${orgId}/governance/report.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    const text = await pdfText(res.rawPayload);
    for (const s of [
      'サプライチェーン（指示9）',
      '状況把握率',
      '期限を過ぎて未提出の依頼：2件',
      '株式会社あおば部品',
      '★4 を要求：1社、うち取得済み 0社（未達 1社）',
    ])
      expect(text, s).toContain(s);
    const xlsx = await admin.get(`/api/orgs/${orgId}/governance/report.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('サプライチェーン')!;
    expect(sheet.getRow(3).values).toEqual([undefined, '全体', 3, 1, 33.3]);
    const empty = await pdfText(
      (await admin.get(`/api/orgs/${emptyOrgId}/governance/report.pdf`)).rawPayload,
    );
    expect(empty).toContain('サプライチェーン（指示9）');
    expect(empty).toContain('サプライヤー台帳に取引先が登録されていません。');
    expect(empty).not.toContain('状況把握率');
  });

  it('needs the supply-chain read permission like the rest of the registry', async () => {
    const anon = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${orgId}/suppliers/coverage/dashboard`,
    });
    expect(anon.statusCode).toBe(401);
  });
});
