import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, Client, json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';
import { pdfText } from '../helpers/pdf-text.ts';

interface Req {
  ref: string;
  tier: string;
  status: string | null;
  statusRevision: number;
  plan: { costEstimate: number | null; owner: string | null } | null;
}
interface AnalysisEl {
  elementId: string;
  level: { level: string; drivers: string[]; explanation: { ja: string; en: string } };
  riskSources: { ref: string; origin: string; dismissed: boolean; reason: string | null }[];
  requirements: Req[];
}
interface Analysis {
  checks: { code: string; elementIds: string[]; message: { ja: string } }[];
  elements: AnalysisEl[];
  heatmap: { layer: number; component: string; required: number; met: number; gaps: number }[];
  summary: { required: number; met: number; unanswered: number };
  overrides: { id: string; riskSourceRef: string }[];
}
interface ModelDetail {
  id: string;
  revision: number;
  assessmentId: string;
  elements: { id: string; layer: number; categorization?: Record<string, number> }[];
  edges: { id: string }[];
}

/** A small three-layer model: a supplier and our company, an IoT sensor, the line controller, production data. */
const GRAPH = {
  elements: [
    { id: 'ORG-A', name: '自社 みどり製作所', component: 'organization', layer: 1 },
    { id: 'ORG-B', name: '部品サプライヤー', component: 'organization', layer: 1 },
    {
      id: 'SENSOR-1',
      name: '温度センサー',
      component: 'thing',
      thingKind: 'iot_device',
      layer: 2,
      orgRef: 'ORG-A',
      owner: '製造部',
    },
    { id: 'PLC-1', name: 'ライン制御PLC', component: 'system', layer: 2, orgRef: 'ORG-A' },
    {
      id: 'DATA-1',
      name: '生産実績データ',
      component: 'data',
      layer: 3,
      orgRef: 'ORG-A',
      dataClass: 'confidential',
    },
  ],
  edges: [
    { id: 'E1', from: 'SENSOR-1', to: 'PLC-1', kind: 'network', authenticated: false },
    { id: 'E2', from: 'PLC-1', to: 'DATA-1', kind: 'data_flow' },
    { id: 'E3', from: 'DATA-1', to: 'ORG-B', kind: 'data_flow', encrypted: false },
  ],
};

describe('CPSF models: graph, rules, status, plan, files, report', () => {
  let t: TestApp;
  let admin: Client;
  let viewer: Client;
  let orgId: string;
  let model: ModelDetail;
  const base = () => `/api/orgs/${orgId}/cpsf/models/${model.id}`;
  const analysis = async (q = '') => json<Analysis>(await admin.get(`${base()}/analysis${q}`));
  const el = (a: Analysis, id: string) => a.elements.find((e) => e.elementId === id)!;
  const upload = (
    c: Client,
    url: string,
    name: string,
    data: Buffer,
    fields: Record<string, string> = {},
  ) => {
    const { payload, headers } = multipart({ name, data }, fields);
    return c.app.inject({
      method: 'POST',
      url,
      payload,
      headers: {
        ...headers,
        cookie: c.cookie ?? '',
        'x-csrf-token': c.csrf ?? '',
        'accept-language': c.lang,
      },
    });
  };

  beforeAll(async () => {
    t = await makeApp('sqlite');
    ({ admin, orgId } = await setupInstance(t, 'みどり製作所'));
    viewer = await addMember(t, admin, orgId, 'viewer@example.jp', 'viewer');
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a model with its graph and the assessment that holds its status', async () => {
    const res = await admin.post(`/api/orgs/${orgId}/cpsf/models`, {
      name: '本社工場 バリューチェーン',
      scopeType: 'site',
      graph: GRAPH,
    });
    expect(res.statusCode, res.body).toBe(201);
    model = json<{ model: ModelDetail }>(res).model;
    expect(model.revision).toBe(1);
    expect(model.elements).toHaveLength(5);
    expect(model.assessmentId).toBeTruthy();
    const list = json<{ items: { id: string; elementCount: number; edgeCount: number }[] }>(
      await viewer.get(`/api/orgs/${orgId}/cpsf/models`),
    );
    expect(list.items).toEqual([expect.objectContaining({ id: model.id, elementCount: 5, edgeCount: 3 })]);
  });

  it('refuses a graph whose edges or ids do not hold together, with JSON pointers, and keeps the old one', async () => {
    const dangling = await admin.req('PUT', `${base()}/graph`, {
      revision: 1,
      elements: GRAPH.elements,
      edges: [...GRAPH.edges, { id: 'E9', from: 'PLC-1', to: 'NOPE', kind: 'network' }],
    });
    expect(dangling.statusCode).toBe(400);
    expect(json<{ error: { details: { pointer: string }[] } }>(dangling).error.details).toEqual([
      expect.objectContaining({ pointer: '/edges/3/to' }),
    ]);
    const dup = await admin.req('PUT', `${base()}/graph`, {
      revision: 1,
      elements: [...GRAPH.elements, GRAPH.elements[0]],
      edges: [],
    });
    expect(json<{ error: { details: { pointer: string }[] } }>(dup).error.details[0]?.pointer).toBe(
      '/elements/5/id',
    );
    const badLayer = await admin.req('PUT', `${base()}/graph`, {
      revision: 1,
      elements: [{ ...GRAPH.elements[0], layer: 4 }],
      edges: [],
    });
    expect(badLayer.statusCode).toBe(400);
    expect(json<{ error: { details: { pointer: string }[] } }>(badLayer).error.details[0]?.pointer).toMatch(
      /^\/elements\/0\/layer/,
    );
    const still = json<{ model: ModelDetail }>(await admin.get(base())).model;
    expect(still.revision).toBe(1);
    expect(still.edges).toHaveLength(3);
  });

  it('derives each element’s level, risk sources and requirements, and explains checks', async () => {
    const a = await analysis();
    const sensor = el(a, 'SENSOR-1');
    expect(sensor.level.level).toBe('basic');
    expect(sensor.riskSources.length).toBeGreaterThan(0);
    expect(sensor.requirements.length).toBeGreaterThan(0);
    expect(sensor.requirements.every((r) => r.tier === 'basic')).toBe(true);
    // PLC-1 is a layer-2 system with no owner and nothing physical under its control.
    const onPlc = a.checks.filter((c) => c.elementIds.includes('PLC-1')).map((c) => c.code);
    expect(onPlc.length).toBeGreaterThanOrEqual(2);
    // Confidential data flows unencrypted to another organization with no contract.
    expect(a.checks.some((c) => c.elementIds.includes('ORG-B') || c.elementIds.includes('DATA-1'))).toBe(
      true,
    );
    expect(a.summary.required).toBe(a.elements.reduce((n, e) => n + e.requirements.length, 0));
    expect(a.summary.unanswered).toBe(a.summary.required);
  });

  it('rating a viewpoint Lv3 raises the element to High-Advanced and adds stronger requirements', async () => {
    const before = el(await analysis(), 'SENSOR-1').requirements.length;
    const elements = GRAPH.elements.map((e) =>
      e.id === 'SENSOR-1' ? { ...e, categorization: { life_safety: 3, privacy: 1 } } : e,
    );
    const res = await admin.req('PUT', `${base()}/graph`, { revision: 1, elements, edges: GRAPH.edges });
    expect(res.statusCode, res.body).toBe(200);
    model = json<{ model: ModelDetail }>(res).model;
    expect(model.revision).toBe(2);
    const sensor = el(await analysis('?element=SENSOR-1'), 'SENSOR-1');
    expect(sensor.level.level).toBe('high_advanced');
    expect(sensor.level.drivers).toEqual(['life_safety']);
    expect(sensor.level.explanation.ja).toContain('Lv3');
    expect(sensor.requirements.length).toBeGreaterThan(before);
    expect(sensor.requirements.some((r) => r.tier === 'high_advanced')).toBe(true);
    // A stale revision loses: nothing is overwritten.
    const stale = await admin.req('PUT', `${base()}/graph`, { revision: 1, elements: [], edges: [] });
    expect(stale.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(stale).error.code).toBe('revision_conflict');
    expect(json<{ model: ModelDetail }>(await admin.get(base())).model.elements).toHaveLength(5);
  });

  it('records status per (element × requirement) in the assessment engine, with evidence', async () => {
    const sensor = el(await analysis(), 'SENSOR-1');
    const req = sensor.requirements[0]!;
    const res = await admin.req('PUT', `${base()}/status/SENSOR-1/${req.ref}`, {
      value: 'implemented',
      revision: 0,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ status: { value: string; revision: number } }>(res).status).toMatchObject({
      value: 'implemented',
      revision: 1,
    });
    // The same revision again is a conflict, not an overwrite.
    const conflict = await admin.req('PUT', `${base()}/status/SENSOR-1/${req.ref}`, {
      value: 'not_implemented',
      revision: 0,
    });
    expect(conflict.statusCode).toBe(409);
    const a = await analysis();
    expect(el(a, 'SENSOR-1').requirements.find((r) => r.ref === req.ref)?.status).toBe('implemented');
    expect(a.summary.met).toBe(1);
    const cell = a.heatmap.find((h) => h.layer === 2 && h.component === 'thing')!;
    expect(cell.met).toBe(1);
    expect(cell.gaps).toBe(cell.required - 1);
    // "Where is requirement X unmet": the sensor no longer needs it.
    const where = await analysis(`?requirement=${req.ref}`);
    expect(where.elements.map((e) => e.elementId)).not.toContain('SENSOR-1');
    // Evidence goes to the model's assessment under the qualified ref.
    const ev = await upload(
      admin,
      `/api/orgs/${orgId}/assessments/${model.assessmentId}/evidence`,
      'config.txt',
      Buffer.from('認証設定のスクリーンショットの代わり'),
      { ref: `${req.ref}@SENSOR-1` },
    );
    expect(ev.statusCode, ev.body).toBe(201);
    const unknown = await admin.req('PUT', `${base()}/status/SENSOR-1/NOT-A-REQ`, {
      value: 'partial',
      revision: 0,
    });
    expect(unknown.statusCode).toBe(404);
    const noElement = await admin.req('PUT', `${base()}/status/GHOST/${req.ref}`, {
      value: 'partial',
      revision: 0,
    });
    expect(noElement.statusCode).toBe(404);
    // Viewers read but cannot write.
    const v = await viewer.req('PUT', `${base()}/status/SENSOR-1/${req.ref}`, {
      value: 'partial',
      revision: 1,
    });
    expect(v.statusCode).toBe(403);
  });

  it('refuses a status change while the model’s assessment is in review, through either write path', async () => {
    // One rule for every writer of answers (the assessment engine's): before, CPSF answered 200 here.
    const res = await admin.post(`/api/orgs/${orgId}/cpsf/models`, {
      name: 'レビュー中のモデル',
      scopeType: 'site',
      graph: GRAPH,
    });
    expect(res.statusCode, res.body).toBe(201);
    const m = json<{ model: ModelDetail }>(res).model;
    const mbase = `/api/orgs/${orgId}/cpsf/models/${m.id}`;
    const a = json<Analysis>(await admin.get(`${mbase}/analysis`));
    const ref = el(a, 'SENSOR-1').requirements[0]!.ref;
    const moved = await admin.post(`/api/orgs/${orgId}/assessments/${m.assessmentId}/status`, {
      to: 'in_review',
    });
    expect(moved.statusCode, moved.body).toBe(200);

    const viaCpsf = await admin.req('PUT', `${mbase}/status/SENSOR-1/${ref}`, {
      value: 'implemented',
      revision: 0,
    });
    expect(viaCpsf.statusCode, viaCpsf.body).toBe(409);
    expect(json<{ error: { code: string } }>(viaCpsf).error.code).toBe('assessment_not_editable');
    const viaAssessment = await admin.req(
      'PUT',
      `/api/orgs/${orgId}/assessments/${m.assessmentId}/answers/${encodeURIComponent(`${ref}@SENSOR-1`)}`,
      { value: { kind: 'choice', value: 'implemented' }, revision: 0 },
    );
    expect(viaAssessment.statusCode, viaAssessment.body).toBe(409);
    expect(json<{ error: { code: string } }>(viaAssessment).error.code).toBe('assessment_not_editable');
    const after = json<Analysis>(await admin.get(`${mbase}/analysis`));
    expect(el(after, 'SENSOR-1').requirements.find((r) => r.ref === ref)?.status).not.toBe('implemented');
  });

  it('keeps a remediation plan per gap', async () => {
    const sensor = el(await analysis(), 'SENSOR-1');
    const gap = sensor.requirements.find((r) => r.status === null)!;
    const res = await admin.req('PUT', `${base()}/plan/SENSOR-1/${gap.ref}`, {
      owner: '製造部 佐藤',
      dueDate: '2027-03-31',
      costEstimate: 1_200_000,
      residualAcceptedBy: '工場長',
      note: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = el(await analysis(), 'SENSOR-1').requirements.find((r) => r.ref === gap.ref)!;
    expect(after.plan).toMatchObject({ owner: '製造部 佐藤', costEstimate: 1_200_000 });
    const bad = await admin.req('PUT', `${base()}/plan/SENSOR-1/${gap.ref}`, {
      owner: null,
      dueDate: '31/03/2027',
      costEstimate: -1,
      residualAcceptedBy: null,
      note: null,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('dismisses and adds risk sources with a reason kept in the audit log', async () => {
    const sensor = el(await analysis(), 'SENSOR-1');
    const rs = sensor.riskSources[0]!;
    const res = await admin.post(`${base()}/risk-overrides`, {
      elementId: 'SENSOR-1',
      riskSourceRef: rs.ref,
      action: 'dismiss',
      reason: '閉域網のみで外部接続がないため',
    });
    expect(res.statusCode, res.body).toBe(201);
    const overrideId = json<{ override: { id: string } }>(res).override.id;
    const after = el(await analysis(), 'SENSOR-1');
    expect(after.riskSources.find((r) => r.ref === rs.ref)).toMatchObject({
      dismissed: true,
      reason: '閉域網のみで外部接続がないため',
    });
    const noReason = await admin.post(`${base()}/risk-overrides`, {
      elementId: 'SENSOR-1',
      riskSourceRef: rs.ref,
      action: 'dismiss',
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const audit = json<{ items: { action: string; details: Record<string, unknown> }[] }>(
      await admin.get(`/api/orgs/${orgId}/audit?limit=200`),
    );
    expect(audit.items.find((e) => e.action === 'cpsf.risk.dismiss')?.details).toMatchObject({
      reason: '閉域網のみで外部接続がないため',
    });
    expect((await admin.del(`${base()}/risk-overrides/${overrideId}`)).statusCode).toBe(204);
    expect(el(await analysis(), 'SENSOR-1').riskSources.find((r) => r.ref === rs.ref)?.dismissed).toBe(false);
  });

  it('exports JSON and .xlsx that import back unchanged into a new model', async () => {
    const original = json<{ model: ModelDetail }>(await admin.get(base())).model;
    for (const format of ['json', 'xlsx'] as const) {
      const file = await admin.get(`${base()}/export?format=${format}`);
      expect(file.statusCode).toBe(200);
      const fresh = json<{ model: ModelDetail }>(
        await admin.post(`/api/orgs/${orgId}/cpsf/models`, { name: `往復 ${format}` }),
      ).model;
      const url = `/api/orgs/${orgId}/cpsf/models/${fresh.id}/import?mode=apply`;
      const res = await upload(admin, url, `model.${format}`, file.rawPayload);
      expect(res.statusCode, res.body).toBe(200);
      expect(json<{ added: number; edgesAdded: number }>(res)).toMatchObject({ added: 5, edgesAdded: 3 });
      const back = json<{ model: ModelDetail }>(
        await admin.get(`/api/orgs/${orgId}/cpsf/models/${fresh.id}`),
      ).model;
      expect(back.elements).toEqual(original.elements);
      expect(back.edges).toEqual(original.edges);
    }
  });

  it('imports an asset ledger all or nothing, naming row and column of each problem', async () => {
    const csv = [
      '資産番号,資産名,構成要素,層,管理者,重要度',
      'PC-01,事務用PC,モノ,第3層,総務部,中',
      'CAM-01,監視カメラ,モノ,X,設備課,高',
      'SRV-01,生産管理サーバ,システム,3,情報システム課,極大',
    ].join('\n');
    const before = json<{ model: ModelDetail }>(await admin.get(base())).model;
    const res = await upload(admin, `${base()}/import?mode=apply`, '資産台帳.csv', Buffer.from(csv));
    expect(res.statusCode, res.body).toBe(422);
    const details = json<{ error: { details: { row: number; column: string; message: string }[] } }>(res)
      .error.details;
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'D' }),
        expect.objectContaining({ row: 4, column: 'F' }),
      ]),
    );
    expect(details.every((d) => d.message.length > 0)).toBe(true);
    const same = json<{ model: ModelDetail }>(await admin.get(base())).model;
    expect(same.revision).toBe(before.revision);
    expect(same.elements).toHaveLength(5);
    // Fixed, previewed (nothing written), then applied.
    const good = csv.replace(',X,', ',2,').replace('極大', '高');
    const preview = await upload(admin, `${base()}/import?mode=preview`, '資産台帳.csv', Buffer.from(good));
    expect(json<{ added: number }>(preview).added).toBe(3);
    expect(json<{ model: ModelDetail }>(await admin.get(base())).model.elements).toHaveLength(5);
    const applied = await upload(admin, `${base()}/import?mode=apply`, '資産台帳.csv', Buffer.from(good));
    expect(applied.statusCode, applied.body).toBe(200);
    expect(json<{ model: ModelDetail }>(await admin.get(base())).model.elements).toHaveLength(8);
    // A JSON model with a wrong field names the JSON pointer, in English when asked.
    admin.lang = 'en';
    const badJson = await upload(
      admin,
      `${base()}/import?mode=preview`,
      'model.json',
      Buffer.from(
        JSON.stringify({ elements: [{ id: 'A', name: 'A', component: 'robot', layer: 2 }], edges: [] }),
      ),
    );
    admin.lang = 'ja';
    expect(badJson.statusCode).toBe(422);
    expect(json<{ error: { details: { pointer: string }[] } }>(badJson).error.details[0]?.pointer).toBe(
      '/elements/0/component',
    );
  });

  it('reads an .xlsx ledger with an edges sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('elements').addRows([
      ['ID', 'Name', 'Component', 'Layer', 'Organization ID'],
      ['O1', 'Buyer', 'organization', 1, null],
      ['G1', 'Gateway', 'thing', 2, 'O1'],
    ]);
    wb.addWorksheet('edges').addRows([
      ['ID', 'From', 'To', 'Kind', 'Encrypted'],
      ['L1', 'G1', 'O1', 'ネットワーク接続', 'はい'],
    ]);
    const fresh = json<{ model: ModelDetail }>(
      await admin.post(`/api/orgs/${orgId}/cpsf/models`, { name: 'xlsx 台帳' }),
    ).model;
    const res = await upload(
      admin,
      `/api/orgs/${orgId}/cpsf/models/${fresh.id}/import?mode=apply`,
      'ledger.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    expect(res.statusCode, res.body).toBe(200);
    const back = json<{ model: { edges: unknown[] } }>(
      await admin.get(`/api/orgs/${orgId}/cpsf/models/${fresh.id}`),
    ).model;
    expect(back.edges).toEqual([{ id: 'L1', from: 'G1', to: 'O1', kind: 'network', encrypted: true }]);
  });

  it('writes a report as PDF with Japanese text and as .xlsx', async () => {
    const pdf = await admin.get(`${base()}/report?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('CPSF リスク評価報告書');
    expect(text).toContain('みどり製作所');
    expect(text).toContain('温度センサー');
    const xlsx = await admin.get(`${base()}/report?format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概要', 'ギャップ', 'ヒートマップ', '点検']);
    expect(wb.getWorksheet('ギャップ')!.rowCount).toBeGreaterThan(1);
  });

  it('serves the catalog with linked CPSF requirements and the categorization table', async () => {
    const c = json<{
      riskSources: { ref: string }[];
      requirements: { ref: string; cpsf: { ref: string; title: { ja: string } | null }[] }[];
      categorization: { rows: { viewpoint: string }[]; source: { ja: string } };
    }>(await viewer.get(`/api/orgs/${orgId}/cpsf/catalog`));
    expect(c.riskSources.length).toBeGreaterThanOrEqual(20);
    expect(c.categorization.rows.map((r) => r.viewpoint)).toEqual([
      'life_safety',
      'privacy',
      'assets',
      'daily_life',
      'society',
      'reputation',
    ]);
    expect(c.categorization.source.ja).toContain('例示');
    const linked = c.requirements.flatMap((r) => r.cpsf);
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((l) => /^CPS\.[A-Z]{2}-\d+$/.test(l.ref) && l.title !== null)).toBe(true);
  });

  it('instantiates a building model from the building-systems profile, and locates bad wizard input', async () => {
    const profile = json<{ locations: { devices: { ref: string; layer: number }[] }[]; phases: unknown[] }>(
      await viewer.get(`/api/orgs/${orgId}/cpsf/building-profile`),
    );
    expect(profile.locations.length).toBe(5);
    expect(profile.phases).toHaveLength(4);
    const devices = profile.locations.flatMap((l) => l.devices);
    const res = await admin.post(`/api/orgs/${orgId}/cpsf/models/building`, {
      name: '本社ビル',
      input: {
        buildingName: '本社ビル',
        ownerName: 'みどり不動産',
        managementCompany: 'ビル管理サービス',
        devices: devices.map((d) => ({ ref: d.ref, count: 1 })),
        externalConnection: true,
        cloud: false,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const built = json<{ model: ModelDetail }>(res).model;
    expect(new Set(built.elements.map((e) => e.layer))).toEqual(new Set([1, 2, 3]));
    // The result is an ordinary model: the rules give it requirements.
    const a = json<Analysis>(await admin.get(`/api/orgs/${orgId}/cpsf/models/${built.id}/analysis`));
    expect(a.summary.required).toBeGreaterThan(0);
    const bad = await admin.post(`/api/orgs/${orgId}/cpsf/models/building`, {
      name: 'x',
      input: {
        buildingName: '',
        ownerName: 'o',
        devices: [{ ref: 'NOPE', count: 1 }],
        externalConnection: false,
        cloud: false,
      },
    });
    expect(bad.statusCode).toBe(422);
    const pointers = json<{ error: { details: { pointer: string }[] } }>(bad).error.details.map(
      (d) => d.pointer,
    );
    expect(pointers).toEqual(expect.arrayContaining(['/input/buildingName', '/input/devices/0/ref']));
  });

  it('keeps models inside their organization', async () => {
    const other = new Client(t.app);
    const res = await other.get(base());
    expect(res.statusCode).toBe(401);
    const delByViewer = await viewer.del(base());
    expect(delByViewer.statusCode).toBe(403);
    expect((await admin.del(base())).statusCode).toBe(204);
    expect((await admin.get(base())).statusCode).toBe(404);
  });
});
