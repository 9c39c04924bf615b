import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import {
  hugeCell,
  hugeSharedString,
  manyRows,
  rowsPastLimit,
  sharedStringsBomb,
  xfdColumn,
} from '../helpers/hostile-xlsx.ts';
import { multipart } from '../helpers/multipart.ts';

/**
 * Issue 11.1: crafted spreadsheets get a located 4xx on every import route, write nothing, and the
 * server goes on answering. The files are generated here (test/helpers/hostile-xlsx.ts).
 */

interface Problem {
  code: string;
  sheet?: string;
  row?: number;
  column?: string;
  message: string;
}
interface ErrorReply {
  error: { code: string; details: Problem[] };
}

const HEADER = ['ID', 'Answer value', 'Comment', 'Title'];

/** Each attack: the file, the status, and where the first problem must point. */
const ATTACKS: {
  name: string;
  make: () => Promise<Buffer>;
  status: 413 | 422;
  code: string;
  at?: { sheet: string; row: number; column: string };
}[] = [
  {
    name: '2,001 rows and a cell in column XFD',
    make: () => xfdColumn(HEADER),
    status: 422,
    code: 'sheet_dimension',
    at: { sheet: 'Sheet1', row: 2001, column: 'XFD' },
  },
  {
    name: 'a cell at row 3,000,000',
    make: () => manyRows(HEADER),
    status: 422,
    code: 'too_many_rows',
    at: { sheet: 'Sheet1', row: 3_000_000, column: 'A' },
  },
  {
    name: '50,001 data rows',
    make: () => rowsPastLimit(HEADER),
    status: 422,
    code: 'too_many_rows',
    at: { sheet: 'Sheet1', row: 50_002, column: 'A' },
  },
  {
    name: 'a 2,000,000-character inline cell',
    make: () => hugeCell(HEADER),
    status: 422,
    code: 'cell_too_long',
    at: { sheet: 'Sheet1', row: 2, column: 'B' },
  },
  {
    name: 'a 2,000,000-character shared string',
    make: () => hugeSharedString(HEADER),
    status: 422,
    code: 'cell_too_long',
    at: { sheet: 'Sheet1', row: 2, column: 'C' },
  },
  {
    name: 'shared strings expanding past 32 MB',
    make: () => sharedStringsBomb(HEADER),
    status: 413,
    code: 'sheet_too_large',
  },
];

describe('hostile spreadsheets on the import routes', () => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let assessmentId: string;
  let modelId: string;
  const files = new Map<string, Buffer>();

  beforeAll(async () => {
    t = await makeApp();
    ({ admin, orgId } = await setupInstance(t));
    const catalogs = json<{ items: { id: string; urn: string }[] }>(
      await admin.get(`/api/orgs/${orgId}/catalogs`),
    );
    const sme = catalogs.items.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')!;
    assessmentId = json<{ assessment: { id: string } }>(
      await admin.post(`/api/orgs/${orgId}/assessments`, { catalogId: sme.id, title: '診断' }),
    ).assessment.id;
    modelId = json<{ model: { id: string } }>(
      await admin.post(`/api/orgs/${orgId}/cpsf/models`, { name: 'ライン', scopeType: 'site' }),
    ).model.id;
    for (const a of ATTACKS) files.set(a.name, await a.make());
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  function send(url: string, data: Buffer, fields: Record<string, string>, lang: 'ja' | 'en') {
    const { payload, headers } = multipart({ name: 'hostile.xlsx', data }, fields);
    return admin.app.inject({
      method: 'POST',
      url,
      payload,
      headers: {
        ...headers,
        cookie: admin.cookie ?? '',
        'x-csrf-token': admin.csrf ?? '',
        'accept-language': lang,
      },
    });
  }

  const ROUTES = [
    {
      route: 'assessment import',
      post: (data: Buffer, lang: 'ja' | 'en') =>
        send(`/api/orgs/${orgId}/assessments/${assessmentId}/import`, data, { mode: 'apply' }, lang),
    },
    {
      route: 'CPSF model import',
      post: (data: Buffer, lang: 'ja' | 'en') =>
        send(`/api/orgs/${orgId}/cpsf/models/${modelId}/import?mode=apply`, data, {}, lang),
    },
    {
      route: 'catalog import (inspect)',
      post: (data: Buffer, lang: 'ja' | 'en') =>
        send(
          `/api/orgs/${orgId}/catalogs/import`,
          data,
          { options: JSON.stringify({ mode: 'inspect' }) },
          lang,
        ),
    },
    {
      route: 'catalog import (apply)',
      post: (data: Buffer, lang: 'ja' | 'en') =>
        send(
          `/api/orgs/${orgId}/catalogs/import`,
          data,
          {
            options: JSON.stringify({
              mode: 'apply',
              mapping: { ref: 'ID', titleJa: 'Title', titleEn: 'Title' },
              header: {
                id: 'urn:shinrai:catalog:hostile',
                version: '1.0.0',
                title: { ja: '攻撃', en: 'Hostile' },
              },
            }),
          },
          lang,
        ),
    },
  ];

  /** What an import would change: answers, the model's revision, the catalogs and the audit log. */
  async function written() {
    const db = t.deps.store.db;
    const count = async (table: 'answers' | 'catalogs' | 'audit_log') =>
      Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const model = json<{ model: { revision: number } }>(
      await admin.get(`/api/orgs/${orgId}/cpsf/models/${modelId}`),
    ).model;
    return {
      answers: await count('answers'),
      catalogs: await count('catalogs'),
      audit: await count('audit_log'),
      revision: model.revision,
    };
  }

  for (const { route, post } of ROUTES)
    for (const a of ATTACKS)
      it(`${route}: ${a.name} → located ${a.status}, nothing written`, async () => {
        const before = await written();
        const [ja, en] = [await post(files.get(a.name)!, 'ja'), await post(files.get(a.name)!, 'en')];
        for (const res of [ja, en]) {
          expect(res.statusCode, res.body.slice(0, 300)).toBe(a.status);
          const body = json<ErrorReply>(res);
          expect(body.error.code).toBe('import_invalid');
          expect(body.error.details[0]).toMatchObject({ code: a.code, ...(a.at ?? {}) });
          // A refused cell is never echoed back.
          expect(res.body.length).toBeLessThan(4_000);
        }
        expect(json<ErrorReply>(ja).error.details[0]!.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
        expect(json<ErrorReply>(en).error.details[0]!.message).toMatch(/^[\x20-\x7e]+$/);
        expect(await written()).toEqual(before);
        expect((await admin.get('/api/health')).statusCode).toBe(200);
      });
});
