import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';

/**
 * U+0000, lone surrogates, invalid UTF-8 and impossible dates are refused at the edge with a located
 * 400 (validation_failed, `in` + JSON pointer), in Japanese and English, on SQLite and PostgreSQL alike
 * (PostgreSQL cannot store U+0000: these were 500s there). Nothing of the request is stored.
 */
interface Detail {
  in: string;
  pointer: string;
  message: string;
}
const detailsOf = (res: LightMyRequestResponse) =>
  json<{ error: { code: string; details?: Detail[] } }>(res).error;

function expectRefused(res: LightMyRequestResponse, where: string, pointer: string, what: RegExp) {
  expect(res.statusCode, res.body).toBe(400);
  const e = detailsOf(res);
  expect(e.code).toBe('validation_failed');
  expect(e.details?.[0]).toMatchObject({ in: where, pointer });
  expect(e.details?.[0]?.message).toMatch(what);
}

const JA = { nul: /NUL/, surrogate: /サロゲート/, utf8: /UTF-8/ };

describe('text and dates refused at the edge', () => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let assessmentId: string;

  beforeAll(async () => {
    t = await makeApp('sqlite');
    ({ admin: owner, orgId } = await setupInstance(t));
    const cats = json<{ items: { id: string; urn: string }[] }>(
      await owner.get(`/api/orgs/${orgId}/catalogs`),
    ).items;
    const sme = cats.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check');
    assessmentId = json<{ assessment: { id: string } }>(
      await owner.post(`/api/orgs/${orgId}/assessments`, { catalogId: sme?.id, title: '自己診断' }),
    ).assessment.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const raw = (method: 'POST' | 'PUT' | 'PATCH' | 'GET', url: string, payload?: Buffer | string) =>
    t.app.inject({
      method,
      url,
      headers: {
        cookie: owner.cookie ?? '',
        'x-csrf-token': owner.csrf ?? '',
        'accept-language': 'ja',
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { payload }),
    });

  it('refuses U+0000 in names, titles and comments (JSON escapes and raw), located, in ja and en', async () => {
    const orgs = async () =>
      (await t.deps.store.db.selectFrom('organizations').select('id').execute()).length;
    const before = await orgs();
    expectRefused(
      await owner.post('/api/orgs', { name: 'A\u0000B', kind: 'supplier' }),
      'body',
      '/name',
      JA.nul,
    );
    expect(await orgs()).toBe(before);
    expectRefused(
      await owner.post(`/api/orgs/${orgId}/assessments`, { catalogId: assessmentId, title: '評価\u0000' }),
      'body',
      '/title',
      JA.nul,
    );
    expectRefused(
      await owner.req('PUT', `/api/orgs/${orgId}/assessments/${assessmentId}/answers/1`, {
        value: null,
        comment: 'ok\u0000',
        revision: 0,
      }),
      'body',
      '/comment',
      JA.nul,
    );
    // Keys are text too, and the pointer escapes '/' and '~'.
    expectRefused(
      await raw('POST', '/api/orgs', '{"name":"x","kind":"supplier","a/b~\\u0000":1}'),
      'body',
      '/a~1b~0\u0000',
      JA.nul,
    );
    owner.lang = 'en';
    const en = await owner.post('/api/orgs', { name: 'A\u0000B', kind: 'supplier' });
    expect(detailsOf(en).details?.[0]?.message).toBe('The NUL character (U+0000) is not allowed.');
    owner.lang = 'ja';
  });

  it('refuses lone surrogates, deep inside too, and keeps surrogate pairs (emoji)', async () => {
    expectRefused(
      await raw('PATCH', `/api/orgs/${orgId}`, '{"industry":"\\ud800製造"}'),
      'body',
      '/industry',
      JA.surrogate,
    );
    expectRefused(
      await raw('PATCH', `/api/orgs/${orgId}`, '{"industry":"\\udfff"}'),
      'body',
      '/industry',
      JA.surrogate,
    );
    // 10,000 levels of nesting are walked without recursion.
    const deep = `${'['.repeat(10_000)}"\\ud83c"${']'.repeat(10_000)}`;
    const res = await raw('PATCH', `/api/orgs/${orgId}`, deep);
    expectRefused(res, 'body', '/0'.repeat(10_000), JA.surrogate);
    const ok = await owner.patch(`/api/orgs/${orgId}`, { industry: '製造業 🏭' });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses invalid UTF-8 in a JSON body, in the query string and in the path', async () => {
    const body = Buffer.concat([
      Buffer.from('{"name":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('","kind":"supplier"}'),
    ]);
    expectRefused(await raw('POST', '/api/orgs', body), 'body', '', JA.utf8);
    // An encoded surrogate (ED A0 80) is not UTF-8 either.
    const cesu = Buffer.concat([
      Buffer.from('{"name":"'),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('","kind":"supplier"}'),
    ]);
    expectRefused(await raw('POST', '/api/orgs', cesu), 'body', '', JA.utf8);
    expectRefused(
      await raw('GET', `/api/orgs/${orgId}/relationships?cursor=%FF`),
      'querystring',
      '/cursor',
      JA.utf8,
    );
    expectRefused(
      await raw('GET', `/api/orgs/${orgId}/relationships?cursor=a%00b`),
      'querystring',
      '/cursor',
      JA.nul,
    );
    const path = `/api/orgs/${orgId}/assessments/${assessmentId}/answers`;
    for (const [ref, pointer, what] of [
      ['%00', '/ref', JA.nul],
      ['1%00', '/ref', JA.nul],
      ['%ED%A0%80', '', JA.utf8],
      ['%C3', '', JA.utf8],
    ] as const) {
      const res = await raw('PUT', `${path}/${ref}`, JSON.stringify({ value: null, revision: 0 }));
      expectRefused(res, 'params', pointer, what);
    }
  });

  it('refuses U+0000 and undecodable bytes in multipart field and file names', async () => {
    const upload = (name: string, fields: Record<string, string> = { ref: '1' }) => {
      const { payload, headers } = multipart({ name, data: Buffer.from('memo') }, fields);
      return t.app.inject({
        method: 'POST',
        url: `/api/orgs/${orgId}/assessments/${assessmentId}/evidence`,
        payload,
        headers: { ...headers, cookie: owner.cookie ?? '', 'x-csrf-token': owner.csrf ?? '' },
      });
    };
    expectRefused(await upload('memo\u0000.txt'), 'body', '/file/filename', JA.nul);
    expectRefused(await upload('memo.txt', { ref: '1\u0000' }), 'body', '/ref', JA.nul);
    const files = await t.deps.store.db.selectFrom('evidence').select('id').execute();
    expect(files).toHaveLength(0);
    const ok = await upload('メモ.txt');
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses impossible dates', async () => {
    for (const day of ['2030-02-30', '0000-00-00', '2023-02-29', '2030-13-01']) {
      expectRefused(
        await owner.post(`/api/orgs/${orgId}/software/products`, {
          name: `製品 ${day}`,
          kind: 'application',
          supportEnds: day,
        }),
        'body',
        '/supportEnds',
        /./,
      );
      expectRefused(
        await owner.req('PUT', `/api/orgs/${orgId}/assessments/${assessmentId}/answers/2`, {
          value: null,
          dueDate: day,
          revision: 0,
        }),
        'body',
        '/dueDate',
        /./,
      );
    }
    const ok = await owner.post(`/api/orgs/${orgId}/software/products`, {
      name: '製品 閏日',
      kind: 'application',
      supportEnds: '2028-02-29',
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });
});
