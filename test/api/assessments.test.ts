import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../helpers/multipart.ts';
import { addMember, json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';

interface Catalog {
  id: string;
  urn: string;
  itemCount: number;
}
interface AssessmentBody {
  assessment: { id: string; status: string };
  answers: { ref: string; revision: number; value: unknown }[];
  score: { overall: { points: number; max: number; answered: number; band: { id: string } | null } };
}

describe('assessments of a built-in catalog', () => {
  let t: TestApp;
  let admin: Client;
  let member: Client;
  let orgId: string;
  let sme: Catalog;

  beforeAll(async () => {
    t = await makeApp('sqlite');
    ({ admin, orgId } = await setupInstance(t));
    member = await addMember(t, admin, orgId, 'staff@example.jp', 'member');
    const list = json<{ items: Catalog[] }>(await admin.get(`/api/orgs/${orgId}/catalogs`));
    const found = list.items.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check');
    if (!found) throw new Error('SME self-check pack not installed');
    sme = found;
  });
  afterAll(async () => {
    await t.close();
  });

  async function start(title = '2026年度 自社診断'): Promise<string> {
    const res = await member.post(`/api/orgs/${orgId}/assessments`, { catalogId: sme.id, title });
    expect(res.statusCode).toBe(201);
    return json<{ assessment: { id: string } }>(res).assessment.id;
  }

  const answer = (c: Client, id: string, ref: string, value: string, revision = 0) =>
    c.req('PUT', `/api/orgs/${orgId}/assessments/${id}/answers/${ref}`, {
      value: { kind: 'choice', value },
      revision,
    });

  it('has 25 items and scores answers as the sheet does', async () => {
    expect(sme.itemCount).toBe(25);
    const id = await start();
    for (let i = 1; i <= 25; i++)
      expect((await answer(member, id, String(i), i <= 23 ? 'yes' : 'unknown')).statusCode).toBe(200);
    const body = json<AssessmentBody>(await member.get(`/api/orgs/${orgId}/assessments/${id}`));
    expect(body.score.overall).toMatchObject({ points: 23 * 4 - 2, max: 100, answered: 25 });
    expect(body.score.overall.band?.id).toBeDefined();
  });

  it('exports the answers and scores as .xlsx in the asked language', async () => {
    const id = await start('書き出し確認');
    await answer(member, id, '1', 'yes');
    await answer(member, id, '2', 'no');
    const res = await member.get(`/api/orgs/${orgId}/assessments/${id}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('回答');
    expect(sheet).toBeDefined();
    const rows = new Map<string, unknown[]>();
    sheet?.eachRow((r) => rows.set(r.getCell(1).text, (r.values as unknown[]).slice(1)));
    expect(rows.get('1')?.[2]).toBe('実施している');
    expect(rows.get('1')?.[4]).toBe(4);
    expect(rows.get('2')?.[4]).toBe(0);
    const summary = wb.getWorksheet('集計');
    expect(summary?.getRow(1).getCell(1).value).toBe('書き出し確認');
    const en = await member.get(`/api/orgs/${orgId}/assessments/${id}/export.xlsx?lang=en`);
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ExcelJS.Buffer);
    expect(wbEn.getWorksheet('Answers')).toBeDefined();
  });

  it('refuses an answer saved over a newer one and shows the newer value', async () => {
    const id = await start();
    expect((await answer(member, id, '1', 'yes')).statusCode).toBe(200);
    const stale = await answer(admin, id, '1', 'no', 0);
    expect(stale.statusCode).toBe(409);
    expect(json(stale)).toMatchObject({
      error: {
        code: 'answer_conflict',
        details: { current: { value: { kind: 'choice', value: 'yes' }, revision: 1 } },
      },
    });
    expect((await answer(admin, id, '1', 'no', 1)).statusCode).toBe(200);
  });

  it('refuses answers that do not fit the item or name no item', async () => {
    const id = await start();
    expect((await answer(member, id, '1', 'maybe')).statusCode).toBe(400);
    expect((await answer(member, id, 'part1', 'yes')).statusCode).toBe(404);
    const wrongKind = await member.req('PUT', `/api/orgs/${orgId}/assessments/${id}/answers/1`, {
      value: { kind: 'maturity', level: 3 },
      revision: 0,
    });
    expect(wrongKind.statusCode).toBe(400);
  });

  it('moves through review; only reviewers approve; locked answers do not change', async () => {
    const id = await start();
    expect((await answer(member, id, '2', 'partial')).statusCode).toBe(200);
    expect(
      (await member.post(`/api/orgs/${orgId}/assessments/${id}/status`, { to: 'approved' })).statusCode,
    ).toBe(409);
    expect(
      (await member.post(`/api/orgs/${orgId}/assessments/${id}/status`, { to: 'in_review' })).statusCode,
    ).toBe(200);
    expect(
      (await member.post(`/api/orgs/${orgId}/assessments/${id}/status`, { to: 'approved' })).statusCode,
    ).toBe(403);
    expect(
      (await admin.post(`/api/orgs/${orgId}/assessments/${id}/status`, { to: 'approved' })).statusCode,
    ).toBe(200);
    expect(
      (await admin.post(`/api/orgs/${orgId}/assessments/${id}/status`, { to: 'locked' })).statusCode,
    ).toBe(200);
    const late = await answer(admin, id, '3', 'yes');
    expect(late.statusCode).toBe(409);
    expect(json(late)).toMatchObject({ error: { code: 'assessment_not_editable' } });
    const audit = json<{ items: { action: string; details: { to?: string } }[] }>(
      await admin.get(`/api/orgs/${orgId}/audit?limit=200`),
    );
    expect(audit.items.filter((e) => e.action === 'assessment.status').map((e) => e.details.to)).toEqual([
      'locked',
      'approved',
      'in_review',
    ]);
  });

  it("starts this year's assessment from last year's answers", async () => {
    const last = await start('2025年度');
    await answer(member, last, '1', 'yes');
    await answer(member, last, '5', 'no');
    const res = await member.post(`/api/orgs/${orgId}/assessments`, {
      catalogId: sme.id,
      title: '2026年度',
      basedOn: last,
    });
    expect(res.statusCode).toBe(201);
    const id = json<{ assessment: { id: string } }>(res).assessment.id;
    const body = json<AssessmentBody>(await member.get(`/api/orgs/${orgId}/assessments/${id}`));
    expect(body.answers.map((a) => a.ref).sort()).toEqual(['1', '5']);
  });

  it('never shows an assessment to another organization', async () => {
    const id = await start();
    const other = await addMember(t, admin, orgId, 'outsider@example.jp', 'viewer');
    const created = await other.post('/api/orgs', { name: '別会社', kind: 'supplier' });
    const otherOrg = json<{ organization: { id: string } }>(created).organization.id;
    expect((await other.get(`/api/orgs/${otherOrg}/assessments/${id}`)).statusCode).toBe(404);
    expect(json<{ items: unknown[] }>(await other.get(`/api/orgs/${otherOrg}/assessments`)).items).toEqual(
      [],
    );
    expect(
      (
        await other.req('PUT', `/api/orgs/${otherOrg}/assessments/${id}/answers/1`, {
          value: { kind: 'choice', value: 'yes' },
          revision: 0,
        })
      ).statusCode,
    ).toBe(404);
    // A viewer of the owning organization reads but cannot answer.
    expect((await other.get(`/api/orgs/${orgId}/assessments/${id}`)).statusCode).toBe(200);
    expect((await answer(other, id, '1', 'yes')).statusCode).toBe(403);
  });
});

describe('assignees and due dates per item', () => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  beforeAll(async () => {
    t = await makeApp('sqlite');
    ({ admin, orgId } = await setupInstance(t));
  });
  afterAll(async () => {
    await t.close();
  });

  it('assigns an item to a member with a due date, and refuses a stranger', async () => {
    const member = await addMember(t, admin, orgId, 'assignee@example.jp', 'member');
    const memberId = json<{ user: { id: string } }>(await member.get('/api/me')).user.id;
    const cats = json<{ items: Catalog[] }>(await admin.get(`/api/orgs/${orgId}/catalogs`)).items;
    const sme = cats.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check');
    const id = json<{ assessment: { id: string } }>(
      await admin.post(`/api/orgs/${orgId}/assessments`, { catalogId: sme?.id, title: '担当' }),
    ).assessment.id;
    const res = await admin.req('PUT', `/api/orgs/${orgId}/assessments/${id}/answers/7`, {
      value: null,
      revision: 0,
      assigneeId: memberId,
      dueDate: '2026-12-25',
    });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ answer: { assigneeId: memberId, dueDate: '2026-12-25', value: null } });
    // Answering later keeps the assignment.
    const answered = await member.req('PUT', `/api/orgs/${orgId}/assessments/${id}/answers/7`, {
      value: { kind: 'choice', value: 'yes' },
      revision: 1,
    });
    expect(json(answered)).toMatchObject({
      answer: { assigneeId: memberId, dueDate: '2026-12-25', revision: 2 },
    });
    const stranger = await admin.req('PUT', `/api/orgs/${orgId}/assessments/${id}/answers/8`, {
      value: null,
      revision: 0,
      assigneeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(stranger.statusCode).toBe(400);
  });
});

describe('assessment .xlsx round trip', () => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  beforeAll(async () => {
    t = await makeApp('sqlite');
    ({ admin, orgId } = await setupInstance(t));
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (id: string, data: Buffer, mode: string) => {
    const { payload, headers } = multipart({ name: 'a.xlsx', data }, { mode });
    return admin.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/assessments/${id}/import`,
      payload,
      headers: { ...headers, cookie: admin.cookie ?? '', 'x-csrf-token': admin.csrf ?? '' },
    });
  };

  it('exports an assessment and imports it back unchanged, in either language', async () => {
    const cats = json<{ items: Catalog[] }>(await admin.get(`/api/orgs/${orgId}/catalogs`)).items;
    for (const urn of [
      'urn:shinrai:catalog:ipa-sme-self-check',
      'urn:shinrai:catalog:meti-cyber-mgmt-guidelines',
    ]) {
      const catalogId = cats.find((c) => c.urn === urn)?.id;
      const pack = json<{
        pack: { nodes: { ref: string; children?: { ref: string; answerModel?: string }[] }[] };
      }>(await admin.get(`/api/orgs/${orgId}/catalogs/${catalogId}`)).pack;
      const refs: string[] = [];
      const walk = (ns: { ref: string; answerModel?: string; children?: unknown[] }[]) => {
        for (const n of ns) {
          if (n.answerModel) refs.push(n.ref);
          if (n.children) walk(n.children as typeof ns);
        }
      };
      walk(pack.nodes);
      const source = json<{ assessment: { id: string } }>(
        await admin.post(`/api/orgs/${orgId}/assessments`, { catalogId, title: '元' }),
      ).assessment.id;
      for (const [i, ref] of refs.entries()) {
        if (i % 4 === 3) continue; // leave some unanswered
        const value = urn.endsWith('self-check')
          ? { kind: 'choice', value: ['yes', 'partial', 'no'][i % 3] }
          : { kind: 'maturity', level: i % 6 };
        await admin.req(
          'PUT',
          `/api/orgs/${orgId}/assessments/${source}/answers/${encodeURIComponent(ref)}`,
          { value, comment: i % 5 === 0 ? `メモ ${i}, "引用"` : undefined, revision: 0 },
        );
      }
      for (const lang of ['ja', 'en']) {
        const file = (await admin.get(`/api/orgs/${orgId}/assessments/${source}/export.xlsx?lang=${lang}`))
          .rawPayload;
        const target = json<{ assessment: { id: string } }>(
          await admin.post(`/api/orgs/${orgId}/assessments`, { catalogId, title: '先' }),
        ).assessment.id;
        expect(json(await upload(target, file, 'preview'))).toMatchObject({ applied: false });
        expect(
          json<{ answers: { ref: string }[] }>(await admin.get(`/api/orgs/${orgId}/assessments/${target}`))
            .answers,
        ).toEqual([]);
        expect(json(await upload(target, file, 'apply'))).toMatchObject({ applied: true });
        const strip = (id: string) =>
          admin
            .get(`/api/orgs/${orgId}/assessments/${id}`)
            .then((r) =>
              json<{
                answers: { ref: string; value: unknown; comment: string | null }[];
                score: { overall: unknown };
              }>(r),
            )
            .then((b) => ({
              answers: b.answers
                .map(({ ref, value, comment }) => ({ ref, value, comment }))
                .sort((x, y) => x.ref.localeCompare(y.ref)),
              overall: b.score.overall,
            }));
        expect(await strip(target)).toEqual(await strip(source));
      }
    }
  });

  it('refuses a file whose answers do not fit, naming the row and column, and writes nothing', async () => {
    const cats = json<{ items: Catalog[] }>(await admin.get(`/api/orgs/${orgId}/catalogs`)).items;
    const catalogId = cats.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')?.id;
    const id = json<{ assessment: { id: string } }>(
      await admin.post(`/api/orgs/${orgId}/assessments`, { catalogId, title: '壊れた' }),
    ).assessment.id;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('回答');
    ws.addRow(['ID', '項目', '回答', '回答値', '点数', '満点', 'コメント']);
    ws.addRow(['1', 'x', '', JSON.stringify({ kind: 'choice', value: 'yes' }), '', '', '']);
    ws.addRow(['2', 'x', '', JSON.stringify({ kind: 'choice', value: 'maybe' }), '', '', '']);
    ws.addRow(['99', 'x', '', JSON.stringify({ kind: 'choice', value: 'yes' }), '', '', '']);
    const res = await upload(id, Buffer.from(await wb.xlsx.writeBuffer()), 'apply');
    expect(res.statusCode).toBe(422);
    expect(
      json<{ error: { details: { code: string; row: number; column: string }[] } }>(res).error.details,
    ).toEqual([
      expect.objectContaining({ code: 'bad_answer', row: 3, column: 'D' }),
      expect.objectContaining({ code: 'unknown_item', row: 4, column: 'A' }),
    ]);
    expect(
      json<{ answers: unknown[] }>(await admin.get(`/api/orgs/${orgId}/assessments/${id}`)).answers,
    ).toEqual([]);
  });
});
