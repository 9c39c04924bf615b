import { JobWorker, setTaxiiNet, sharingIntakeJobs, workers } from '@shinrai/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { attachRequest, memberReport, taxiiPageServer } from '../helpers/sharing-report.ts';

// Parse workers with a 64 MB heap (this file's process only): a mail or a pulled TAXII page whose reading
// needs more ends a worker, never the server; the upload gets a located 413 in its language, the pull an
// error on its source, and nothing is written. The next file is read by a new worker. The sanitizer's analyser
// runs in the workers too and its dictionary alone needs about 80 MB of heap: in 64 MB a report's text or a
// mail's text cannot be analysed, which answers its own located 413.

const MAIL_HEAD = 'From: billing@example-verify.com\r\nTo: t.sato@sample-denki.co.jp\r\nSubject: x\r\n\r\n';

describe('sharing parse workers out of memory', () => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let reportId: string;

  let hubId: string;

  beforeAll(async () => {
    t = await makeApp();
    ({ admin, orgId } = await setupInstance(t, 'サンプル電機株式会社'));
    // The report is analysed by workers of the default heap; then the pool is made anew with 64 MB workers
    // (SHINRAI_WORKER_MEMORY_MB is read when the process's pool is made).
    reportId = await memberReport(t, admin, orgId);
    hubId = (await report()).hubOrgId;
    await workers().close();
    process.env.SHINRAI_WORKER_MEMORY_MB = '64';
  });
  afterAll(async () => {
    await t.close();
  });

  const report = async () =>
    json<{ report: { hubOrgId: string; revision: number; text: string; attachments: unknown[] } }>(
      await admin.get(`/api/orgs/${orgId}/sharing/reports/${reportId}`),
    ).report;

  it(
    'answers an .eml that needs more than the worker heap with a located 413 (ja/en), keeping nothing',
    { timeout: 120_000 },
    async () => {
      const before = await report();
      // 3.3 million short lines: the prescan's line array alone is far beyond 64 MB.
      const hostile = Buffer.from(MAIL_HEAD + 'a\r\n'.repeat(3_300_000));
      const ja = await t.app.inject(attachRequest(admin, orgId, reportId, 'lines.eml', hostile));
      expect(ja.statusCode, ja.body.slice(0, 300)).toBe(413);
      const error = json<{ error: { code: string; message: string; details: unknown } }>(ja).error;
      expect(error).toMatchObject({
        code: 'sharing_attachment_memory',
        details: { file: 'lines.eml', code: 'out_of_memory', limit: 64 },
      });
      expect(error.message).toContain('メモリ');
      const req = attachRequest(admin, orgId, reportId, 'lines.eml', hostile);
      const en = await t.app.inject({ ...req, headers: { ...req.headers, 'accept-language': 'en' } });
      expect(en.statusCode).toBe(413);
      expect(json<{ error: { message: string } }>(en).error.message).toContain('more memory than the limit');
      const after = await report();
      expect(after).toEqual(before);
      const files = await t.deps.store.db
        .selectFrom('sharing_report_attachments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(files.n)).toBe(0);
      // A new worker reads the next file (a log excerpt: its scan needs no dictionary).
      const ok = await t.app.inject(
        attachRequest(admin, orgId, reportId, 'proxy.log', Buffer.from('CONNECT 198.51.100.7:443\n')),
      );
      expect(ok.statusCode, ok.body.slice(0, 300)).toBe(201);
    },
  );

  it(
    'records a pulled page that needs more than the worker heap as the source’s error, importing nothing',
    { timeout: 120_000 },
    async () => {
      // Two million small objects in arrays of 10,000 (under the count of values checked before parsing).
      // Not one array of millions: a worker that reaches its heap limit while one huge array grows can abort
      // the whole process (nodejs/node#47224); envelope.ts bounds the values of a page for that reason.
      const chunk = `[${'{"a":1},'.repeat(9_999)}{"a":1}]`;
      const page = Buffer.from(
        `{"more":false,"objects":[${Array.from({ length: 100 }, () => chunk).join(',')}]}`,
      );
      const server = await taxiiPageServer(page);
      const job = new JobWorker(t.deps, sharingIntakeJobs(t.deps));
      try {
        setTaxiiNet(t.deps, { allowHttp: true, allow: (a) => a === '127.0.0.1' });
        const created = await admin.post(`/api/orgs/${orgId}/sharing/intake/sources`, {
          name: '大きなページ',
          apiRootUrl: server.url,
          collectionId: 'c1',
          authKind: 'none',
          intervalMinutes: 60,
        });
        expect(created.statusCode, created.body).toBe(201);
        await job.tick();
        await job.idle();
        const source = json<{
          sources: { lastError: string | null; failures: number; checkpoint: string | null }[];
        }>(await admin.get(`/api/orgs/${orgId}/sharing/intake/sources`)).sources[0];
        expect(source).toMatchObject({
          lastError: 'page 1: out of memory (limit 64 MB)',
          failures: 1,
          checkpoint: null,
        });
        const objects = await t.deps.store.db
          .selectFrom('sharing_intake_objects')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(objects.n)).toBe(0);
      } finally {
        await job.stop();
        await server.close();
      }
    },
  );

  it(
    'answers a report whose text cannot be analysed within the worker heap with a 413 at /text (ja/en), keeping nothing',
    { timeout: 120_000 },
    async () => {
      const body = {
        title: '不審なメール',
        text: '営業部の佐藤さんが不審なメールを受け取った。',
        lang: 'ja',
        attackType: 'targeted-attack',
        occurredOn: '2026-12-01',
      };
      const url = `/api/orgs/${orgId}/sharing/hubs/${hubId}/reports`;
      const ja = await admin.post(url, body);
      expect(ja.statusCode, ja.body.slice(0, 300)).toBe(413);
      const error = json<{ error: { code: string; message: string; details: unknown } }>(ja).error;
      expect(error).toMatchObject({
        code: 'sharing_text_memory',
        details: { pointer: '/text', code: 'out_of_memory', limit: 64 },
      });
      expect(error.message).toContain('メモリ');
      const en = await admin.req('POST', url, body, { 'accept-language': 'en' });
      expect(en.statusCode).toBe(413);
      expect(json<{ error: { message: string } }>(en).error.message).toContain('more memory than the limit');
      const reports = await t.deps.store.db
        .selectFrom('sharing_reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(reports.n)).toBe(1);
    },
  );

  it(
    'answers a mail whose text cannot be analysed within the worker heap with a located 413, keeping nothing',
    { timeout: 120_000 },
    async () => {
      const before = await report();
      const mail = Buffer.from(`${MAIL_HEAD}請求書をご確認ください。\r\n`);
      const res = await t.app.inject(attachRequest(admin, orgId, reportId, 'small.eml', mail));
      expect(res.statusCode, res.body.slice(0, 300)).toBe(413);
      expect(json<{ error: { code: string; details: unknown } }>(res).error).toMatchObject({
        code: 'sharing_attachment_memory',
        details: { file: 'small.eml', code: 'out_of_memory', limit: 64 },
      });
      expect(await report()).toEqual(before);
    },
  );
});
