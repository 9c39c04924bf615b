import { JobWorker, SERVER_MODULES } from '@shinrai/server';
import { insertSupplier } from '@shinrai/store';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';
import { startSmtp, stopSmtp, type Received } from '../helpers/smtp.ts';
import { supplierRow } from '../helpers/supplier-row.ts';

/*
 * Date and file questions (回答形式「日付」「ファイル添付」) end to end through the API, on the dialect of the API suites (SQLite,
 * or PostgreSQL with SHINRAI_TEST_API_DIALECT=postgres): a catalog imported from CSV with the `date`
 * keyword in its answer model column, its .xlsx round trip, an assessment and a questionnaire answered
 * without an account (a real SMTP server carries the link).
 */

const LINK = /\/respond\/#(r1_[A-Za-z0-9_-]+)/;
const HEADER = {
  id: 'urn:shinrai:catalog:question-types',
  version: '1.0.0',
  title: { ja: '形式確認', en: 'Kinds' },
};
const MAPPING = { ref: 'ID', parent: '親ID', titleJa: '項目名', titleEn: 'Title', answerModel: '回答形式' };
const CSV =
  '\uFEFFID,親ID,項目名,Title,回答形式\r\n' +
  'G,,体制,Organization,\r\n' +
  'Q1,G,方針を定めている,A policy is set,impl\r\n' +
  'D1,G,直近のインシデント対応訓練の実施日,Date of the last incident response exercise,date\r\n' +
  'F1,G,認証の証明書を添付してください,Attach your certificate,file\r\n';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

interface ErrorBody {
  error: { code: string; details?: { in: string; pointer: string; message?: string }[] };
}
const error = (res: LightMyRequestResponse) => (JSON.parse(res.body) as ErrorBody).error;

describe('date and file questions', () => {
  const inbox: Received[] = [];
  let smtp: SMTPServer;
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let catalogId: string;

  const upload = (file: { name: string; data: Buffer }, options: unknown) => {
    const { payload, headers } = multipart(file, { options: JSON.stringify(options) });
    return admin.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/catalogs/import`,
      payload,
      headers: { ...headers, cookie: admin.cookie ?? '', 'x-csrf-token': admin.csrf ?? '' },
    });
  };

  beforeAll(async () => {
    let mailer;
    ({ smtp, mailer } = await startSmtp(inbox));
    t = await makeApp('sqlite', { mailer, config: { publicUrl: 'https://shinrai.example.jp' } });
    ({ admin, orgId } = await setupInstance(t, '信頼精機株式会社'));
  });
  afterAll(async () => {
    await t.close();
    await stopSmtp(smtp);
  });

  it('imports a catalog whose answer model column says `date` and `file`, and round-trips it through .xlsx', async () => {
    const res = await upload(
      { name: 'kinds.csv', data: Buffer.from(CSV, 'utf8') },
      { mode: 'apply', mapping: MAPPING, header: HEADER, defaultProvenance: 'own' },
    );
    expect(res.statusCode, res.body).toBe(201);
    const stored = json<{ items: { id: string; urn: string; checksum: string; itemCount: number }[] }>(
      await admin.get(`/api/orgs/${orgId}/catalogs`),
    ).items.find((c) => c.urn === HEADER.id)!;
    expect(stored.itemCount).toBe(3);
    catalogId = stored.id;
    const pack = json<{ pack: { answerModels: Record<string, unknown> } }>(
      await admin.get(`/api/orgs/${orgId}/catalogs/${catalogId}`),
    ).pack;
    expect(pack.answerModels.date).toEqual({ kind: 'date' });
    expect(pack.answerModels.file).toEqual({ kind: 'file' });

    const xlsx = await admin.get(`/api/orgs/${orgId}/catalogs/${catalogId}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const meta: string[][] = [];
    wb.getWorksheet('meta')?.eachRow((r) => meta.push([1, 4, 5].map((i) => r.getCell(i).text)));
    expect(meta.find((r) => r[0] === 'answerModels.date')?.slice(1)).toEqual(['日付: ', 'Date: ']);
    expect(meta.find((r) => r[0] === 'answerModels.file')?.slice(1)).toEqual([
      'ファイル添付: ',
      'File upload: ',
    ]);
    const back = await upload({ name: 'export.xlsx', data: xlsx.rawPayload }, { mode: 'preview' });
    expect(back.statusCode, back.body).toBe(200);
    expect(json<{ preview: { checksum: string } }>(back).preview.checksum).toBe(stored.checksum);
  });

  it('assessment answer screen: a bad date refused at /value; a file question answered by its files only', async () => {
    const created = await admin.post(`/api/orgs/${orgId}/assessments`, {
      catalogId,
      title: '日付の確認',
      scopeType: 'organization',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = json<{ assessment: { id: string } }>(created).assessment.id;
    const put = (value: unknown) =>
      admin.req('PUT', `/api/orgs/${orgId}/assessments/${id}/answers/D1`, { value, revision: 0 });
    for (const bad of ['2027-02-30', '2027/03/01', '0000-00-00']) {
      const res = await put({ kind: 'date', value: bad });
      expect(res.statusCode, `${bad} ${res.body}`).toBe(400);
      expect(error(res)).toMatchObject({
        code: 'answer_invalid',
        details: [{ in: 'body', pointer: '/value' }],
      });
    }
    const wrongKind = await put({ kind: 'text', value: '2027-03-01' });
    expect(error(wrongKind).details?.[0]?.pointer).toBe('/value');
    const ok = await put({ kind: 'date', value: '2026-11-20' });
    expect(ok.statusCode, ok.body).toBe(200);
    const detail = json<{ score: { overall: { answered: number; items: number; max: number } } }>(
      await admin.get(`/api/orgs/${orgId}/assessments/${id}`),
    );
    // Q1 unanswered is left out (percent scoring); the date counts as answered and adds no points.
    expect(detail.score.overall).toMatchObject({ answered: 1, items: 3, max: 0 });
    const report = await admin.get(`/api/orgs/${orgId}/assessments/${id}/export.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ExcelJS.Buffer);
    const rows = new Map<string, unknown[]>();
    wb.getWorksheet('回答')?.eachRow((r) => rows.set(r.getCell(1).text, (r.values as unknown[]).slice(1)));
    expect(rows.get('D1')?.[2]).toBe('2026-11-20');

    // A file question: unanswered until a file is attached; whatever a client sends, its files decide.
    const claim = await admin.req('PUT', `/api/orgs/${orgId}/assessments/${id}/answers/F1`, {
      value: { kind: 'file', files: 3 },
      comment: '証明書は年次更新',
      revision: 0,
    });
    expect(claim.statusCode, claim.body).toBe(200);
    expect(json<{ answer: { value: unknown; comment: string } }>(claim).answer).toMatchObject({
      value: null,
      comment: '証明書は年次更新',
    });
    const { payload, headers } = multipart({ name: 'cert.pdf', data: PDF }, { ref: 'F1' });
    const up = await admin.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/assessments/${id}/evidence`,
      payload,
      headers: { ...headers, cookie: admin.cookie ?? '', 'x-csrf-token': admin.csrf ?? '' },
    });
    expect(up.statusCode, up.body).toBe(201);
    const after = json<{
      answers: { ref: string; value: unknown; revision: number }[];
      score: { overall: { answered: number } };
    }>(await admin.get(`/api/orgs/${orgId}/assessments/${id}`));
    const f1 = after.answers.find((a) => a.ref === 'F1')!;
    expect(f1.value).toEqual({ kind: 'file', files: 1 });
    expect(after.score.overall.answered).toBe(2);
    const comment = await admin.req('PUT', `/api/orgs/${orgId}/assessments/${id}/answers/F1`, {
      value: null,
      comment: '証明書は年次更新',
      revision: f1.revision,
    });
    expect(comment.statusCode, comment.body).toBe(200);
    expect(json<{ answer: { value: unknown } }>(comment).answer.value).toEqual({ kind: 'file', files: 1 });
    const evidence = json<{ items: { id: string }[] }>(
      await admin.get(`/api/orgs/${orgId}/assessments/${id}/evidence`),
    ).items;
    expect(
      (await admin.req('DELETE', `/api/orgs/${orgId}/assessments/${id}/evidence/${evidence[0]!.id}`))
        .statusCode,
    ).toBe(204);
    const removed = json<{
      answers: { ref: string; value: unknown }[];
      score: { overall: { answered: number } };
    }>(await admin.get(`/api/orgs/${orgId}/assessments/${id}`));
    expect(removed.answers.find((a) => a.ref === 'F1')?.value).toBeNull();
    expect(removed.score.overall.answered).toBe(1);
  });

  it('respondent: a bad date refused at /value; date and file questions unanswered refused on submit, located; a file attached answers', async () => {
    const at = new Date().toISOString();
    const supplierId = randomUUID();
    await insertSupplier(
      t.deps.store.db,
      supplierRow(orgId, at, { id: supplierId, name: '株式会社あおば部品' }),
    );
    await t.deps.store.db
      .insertInto('supplier_contacts')
      .values({
        id: randomUUID(),
        supplier_id: supplierId,
        org_id: orgId,
        name: '青葉 一郎',
        email: 'ichiro@aoba.example.jp',
        role: '',
        is_primary: 1,
        created_at: at,
      })
      .execute();
    const sent = await admin.post(`/api/orgs/${orgId}/supplychain/campaigns`, {
      title: '日付の質問',
      catalogId,
      deadline: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      supplierIds: [supplierId],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const worker = new JobWorker(t.deps, SERVER_MODULES.find((m) => m.name === 'supplychain')!.jobs!(t.deps));
    await worker.tick();
    await worker.idle();
    const token = LINK.exec(inbox.at(-1)?.mail.text ?? '')?.[1];
    expect(token).toBeDefined();

    let cookie = '';
    let csrf = '';
    const req = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
      const res = await t.app.inject({
        method,
        url,
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }) },
        ...(payload ? { payload } : {}),
      });
      const set = res.headers['set-cookie'];
      for (const c of Array.isArray(set) ? set : set ? [set] : [])
        if (c.startsWith('shinrai_respond=')) cookie = c.split(';')[0]!;
      if (typeof res.headers['x-respond-csrf'] === 'string') csrf = res.headers['x-respond-csrf'];
      return res;
    };
    expect((await req('POST', '/api/respond/open', { token: token! })).statusCode).toBeLessThan(300);
    const view = json<{ items: { ref: string; kind: string; notBefore: string | null }[] }>(
      await req('GET', '/api/respond/questionnaire'),
    );
    expect(view.items.map((i) => [i.ref, i.kind])).toEqual([
      ['Q1', 'single'],
      ['D1', 'date'],
      ['F1', 'file'],
    ]);
    const none = { reason: null, plannedDate: null };
    const answer = (ref: string, value: unknown) =>
      req('PUT', `/api/respond/answers/${ref}`, { value, followUp: none });
    expect((await answer('Q1', { kind: 'choice', value: 'implemented' })).statusCode).toBe(204);
    const bad = await answer('D1', { kind: 'date', value: '2026-02-29' });
    expect(bad.statusCode).toBe(400);
    expect(error(bad).details?.[0]).toMatchObject({ in: 'body', pointer: '/value' });
    const incomplete = await req('POST', '/api/respond/submit');
    expect(incomplete.statusCode).toBe(422);
    expect(error(incomplete).details).toEqual([
      { in: 'body', pointer: '/items/D1', message: 'unanswered' },
      { in: 'body', pointer: '/items/F1', message: 'unanswered' },
    ]);
    expect((await answer('D1', { kind: 'date', value: '2026-10-01' })).statusCode).toBe(204);
    // A file answer cannot be typed (nor cleared): only attaching a file answers it.
    expect((await answer('F1', { kind: 'file', files: 1 })).statusCode).toBe(400);
    const cleared = await answer('F1', null);
    expect(cleared.statusCode).toBe(400);
    expect(error(cleared).details?.[0]).toMatchObject({ pointer: '/value' });
    const stillMissing = await req('POST', '/api/respond/submit');
    expect(error(stillMissing).details).toEqual([
      { in: 'body', pointer: '/items/F1', message: 'unanswered' },
    ]);
    const { payload, headers } = multipart({ name: 'cert.pdf', data: PDF }, { ref: 'F1' });
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/respond/evidence',
      payload,
      headers: { ...headers, cookie, 'x-csrf-token': csrf },
    });
    expect(up.statusCode, up.body).toBe(201);
    const answered = json<{ items: { ref: string; value: unknown }[]; progress?: unknown }>(
      await req('GET', '/api/respond/questionnaire'),
    );
    expect(answered.items.find((i) => i.ref === 'F1')?.value).toEqual({ kind: 'file', files: 1 });
    expect((await req('POST', '/api/respond/submit')).statusCode).toBe(204);
    const campaign = json<{ requests: { id: string }[] }>(
      await admin.get(`/api/orgs/${orgId}/supplychain/campaigns/${json<{ id: string }>(sent).id}`),
    );
    const review = json<{ items: { ref: string; value: unknown; answerLabel: unknown }[] }>(
      await admin.get(`/api/orgs/${orgId}/supplychain/requests/${campaign.requests[0]!.id}`),
    );
    expect(review.items.find((i) => i.ref === 'F1')?.answerLabel).toEqual({
      ja: 'ファイル 1 件',
      en: '1 file',
    });
    expect(review.items.find((i) => i.ref === 'D1')?.value).toEqual({ kind: 'date', value: '2026-10-01' });
  });
});
