import { ERROR_MESSAGES, type ErrorCode } from '@shinrai/core';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  documentedRoutes,
  fillPath,
  jsonBodySchema,
  randomResources,
  ROUTES,
  type DocumentedRoute,
  type JsonSchema,
  type OrgResources,
} from '../helpers/api-routes.ts';
import { addMember, ADMIN, Client, json, makeApp, SETUP_CODE, type TestApp } from '../helpers/app.ts';

const HOSTILE = [
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '信頼製作所（株）「品質・安全」〜第①工場',
  'ｶﾀｶﾅ ＡＢＣ 🏭 \u3000全角空白の中',
];
const SETUP_TEXT = `${HOSTILE[0]} ${HOSTILE[1]} ${HOSTILE[2]} ${HOSTILE[3]}`;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

interface ErrorBodyT {
  error: { code: string; message: string; details?: { in: string; pointer: string; message: string }[] };
}

/** Every response of this file, so the last test can prove none was a 500. */
const seen: { what: string; status: number }[] = [];

class RecordingClient extends Client {
  override async req(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await super.req(method, url, body, headers);
    seen.push({ what: `${method} ${url}`, status: res.statusCode });
    return res;
  }
}

/**
 * The app as seen from ever new client addresses: the per-address rate limits of the public routes
 * (setup: 10 a minute) are not what this file tests (auth-security.test.ts does).
 */
function fromManyAddresses(app: FastifyInstance): FastifyInstance {
  let n = 0;
  const inject = (o: InjectOptions) => {
    n++;
    return app.inject({ ...o, remoteAddress: `10.0.${Math.floor(n / 250)}.${(n % 250) + 1}` });
  };
  return { inject } as unknown as FastifyInstance;
}

/** A value whose JSON type the property schema does not accept. */
function wrongValue(s: JsonSchema): unknown {
  const types = new Set<string>();
  for (const part of [s, ...(s.anyOf ?? [])]) for (const ty of [part.type ?? []].flat()) types.add(ty);
  if (!types.has('boolean')) return true;
  if (!types.has('number') && !types.has('integer')) return 12345;
  return ['not', 'an', 'object'];
}

function errorOf(res: LightMyRequestResponse): ErrorBodyT['error'] {
  const body = json<Partial<ErrorBodyT>>(res);
  if (!body.error) throw new Error(`not an error body: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return body.error;
}

describe('bad input', () => {
  let t: TestApp;
  let owner: RecordingClient;
  let anon: RecordingClient;
  let orgId: string;
  let ids: OrgResources;
  let bodyRoutes: DocumentedRoute[];

  const clientFor = (r: DocumentedRoute) => (ROUTES[r.key]?.access === 'public' ? anon : owner);
  const sample = (r: DocumentedRoute): Record<string, unknown> => {
    const make = ROUTES[r.key]?.body;
    if (!make)
      throw new Error(`${r.key} takes a JSON body but has no sample body in test/helpers/api-routes.ts`);
    return make({ counterpartSlug: 'no-such-org', catalogId: ids.catalogId }) as Record<string, unknown>;
  };
  const send = (r: DocumentedRoute, body: unknown, headers: Record<string, string> = {}) =>
    clientFor(r).req(r.method, fillPath(r.path, ids, r.operation), body, headers);

  beforeAll(async () => {
    t = await makeApp('sqlite');
    anon = new RecordingClient(fromManyAddresses(t.app));
    owner = new RecordingClient(t.app);
    // First-run setup carries hostile text in every free-text field it has.
    const res = await owner.post('/api/setup', {
      setupCode: SETUP_CODE,
      email: ADMIN.email,
      displayName: SETUP_TEXT,
      password: ADMIN.password,
      locale: 'ja',
      organization: { name: SETUP_TEXT, kind: 'enterprise', industry: SETUP_TEXT },
    });
    expect(res.statusCode).toBe(201);
    const me = json<{ memberships: { organization: { id: string } }[] }>(await owner.get('/api/me'));
    orgId = me.memberships[0]?.organization.id ?? '';
    ids = { ...randomResources(), orgId };
    bodyRoutes = (await documentedRoutes(t.app)).filter((r) => jsonBodySchema(r.operation) !== undefined);
  });

  afterAll(async () => {
    await t.close();
  });

  it('covers the routes that take a JSON body', () => {
    expect(bodyRoutes.map((r) => r.key)).toEqual(
      expect.arrayContaining(['POST /api/setup', 'PATCH /api/orgs/{orgId}', 'POST /api/orgs/{orgId}/tokens']),
    );
    expect(bodyRoutes.length).toBeGreaterThanOrEqual(14);
    for (const r of bodyRoutes) expect(sample(r), r.key).toBeTypeOf('object');
  });

  it('answers malformed or empty JSON with 400 bad_request', async () => {
    for (const r of bodyRoutes) {
      for (const raw of ['{"name": "x",', '{bad json}', '[1, 2', '']) {
        const res = await send(r, raw, { 'content-type': 'application/json' });
        expect(res.statusCode, `${r.key} ${JSON.stringify(raw)}`).toBe(400);
        expect(errorOf(res).code).toBe('bad_request');
      }
    }
  });

  it('answers wrong types with 400 validation_failed and a JSON pointer per field', async () => {
    for (const r of bodyRoutes) {
      const props = jsonBodySchema(r.operation)?.properties ?? {};
      const names = Object.keys(props);
      expect(names.length, r.key).toBeGreaterThan(0);
      const body = Object.fromEntries(names.map((n) => [n, wrongValue(props[n] ?? {})]));
      const res = await send(r, body);
      expect(res.statusCode, r.key).toBe(400);
      const err = errorOf(res);
      expect(err.code).toBe('validation_failed');
      for (const d of err.details ?? []) {
        expect(d.pointer, r.key).toMatch(/^(\/[^/]+)*$/);
        expect(d.in).toBe('body');
        expect(d.message).toMatch(JAPANESE);
      }
      expect((err.details ?? []).map((d) => d.pointer).sort(), r.key).toEqual(
        names.map((n) => `/${n}`).sort(),
      );
    }
    // Nested fields get nested pointers.
    const setup = bodyRoutes.find((r) => r.key === 'POST /api/setup');
    if (!setup) throw new Error('no setup route');
    const res = await send(setup, { ...sample(setup), organization: { name: 5, kind: 'castle' } });
    expect(res.statusCode).toBe(400);
    expect(
      errorOf(res)
        .details?.map((d) => d.pointer)
        .sort(),
    ).toEqual(['/organization/kind', '/organization/name']);
  });

  it('refuses unknown fields with 400', async () => {
    for (const r of bodyRoutes) {
      const res = await send(r, { ...sample(r), unexpectedField: 1 });
      expect(res.statusCode, `${r.key}: ${res.body}`).toBe(400);
      const err = errorOf(res);
      expect(err.code).toBe('validation_failed');
      expect(JSON.stringify(err.details)).toContain('unexpectedField');
    }
    const setup = bodyRoutes.find((r) => r.key === 'POST /api/setup');
    if (!setup) throw new Error('no setup route');
    const nested = await send(setup, {
      ...sample(setup),
      organization: { name: 'x', kind: 'enterprise', owner: 'me' },
    });
    expect(nested.statusCode).toBe(400);
  });

  it('answers a body over the limit with 413, and takes one exactly at the limit', async () => {
    const limit = t.deps.config.bodyLimitBytes;
    expect(limit).toBe(1_048_576);
    const over = JSON.stringify({ pad: 'x'.repeat(limit) });
    // A CPSF model's whole graph is larger by nature: those routes take up to 32 MiB (GRAPH_BODY_LIMIT).
    const graphLimit = 32 * 1024 * 1024;
    const large = new Set([
      'POST /api/orgs/{orgId}/cpsf/models',
      'PUT /api/orgs/{orgId}/cpsf/models/{modelId}/graph',
    ]);
    const overGraph = JSON.stringify({ pad: 'x'.repeat(graphLimit) });
    for (const r of bodyRoutes) {
      const res = await send(r, large.has(r.key) ? overGraph : over, { 'content-type': 'application/json' });
      expect(res.statusCode, r.key).toBe(413);
      expect(errorOf(res).code).toBe('payload_too_large');
    }
    const atLimit = JSON.stringify({ pad: 'x'.repeat(limit - '{"pad":""}'.length) });
    expect(Buffer.byteLength(atLimit)).toBe(limit);
    const patchOrg = bodyRoutes.find((r) => r.key === 'PATCH /api/orgs/{orgId}');
    if (!patchOrg) throw new Error('no PATCH org');
    const res = await send(patchOrg, atLimit, { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400); // parsed, then refused for the unknown field
    expect(errorOf(res).code).toBe('validation_failed');
  });

  it('answers bodies that are not JSON with 415', async () => {
    const kinds: [string, string][] = [
      ['text/plain', '{"email":"a@example.jp","password":"x"}'],
      ['text/plain; charset=utf-8', 'hello'],
      ['application/x-www-form-urlencoded', 'email=a%40example.jp&password=x'],
      ['application/xml', '<a/>'],
    ];
    const multipart = '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n';
    for (const r of bodyRoutes) {
      for (const [type, payload] of kinds) {
        const res = await send(r, payload, { 'content-type': type });
        expect(res.statusCode, `${r.key} ${type}`).toBe(415);
        expect(errorOf(res).code).toBe('unsupported_media_type');
      }
      // multipart/form-data has a parser (catalog import), so JSON routes refuse it at validation instead.
      const res = await send(r, multipart, { 'content-type': 'multipart/form-data; boundary=x' });
      expect([400, 415], `${r.key} multipart: ${res.body}`).toContain(res.statusCode);
    }
  });

  describe('hostile and Japanese text', () => {
    const expectJson = (res: LightMyRequestResponse) =>
      expect(res.headers['content-type']).toMatch(/^application\/json/);

    it('stores first-run setup text unchanged', async () => {
      const me = json<{
        user: { displayName: string };
        memberships: { organization: { name: string; industry: string } }[];
      }>(await owner.get('/api/me'));
      expect(me.user.displayName).toBe(SETUP_TEXT);
      expect(me.memberships[0]?.organization).toMatchObject({ name: SETUP_TEXT, industry: SETUP_TEXT });
    });

    it('stores organization names and industries byte for byte, or refuses them', async () => {
      for (const text of HOSTILE) {
        const created = await owner.post('/api/orgs', { name: text, kind: 'supplier', industry: text });
        expect(created.statusCode, text).toBe(201);
        expectJson(created);
        const org = json<{ organization: { id: string; name: string; industry: string } }>(
          created,
        ).organization;
        expect(org).toMatchObject({ name: text, industry: text });
        const back = json<{ organization: { name: string; industry: string } }>(
          await owner.get(`/api/orgs/${org.id}`),
        );
        expect(back.organization).toMatchObject({ name: text, industry: text });
        const audit = json<{ items: { action: string; details: { name?: string } }[] }>(
          await owner.get(`/api/orgs/${org.id}/audit`),
        );
        expect(audit.items.find((i) => i.action === 'organization.create')?.details.name).toBe(text);

        const patched = await owner.patch(`/api/orgs/${orgId}`, { name: text, industry: text });
        expect(patched.statusCode, text).toBe(200);
        expect(json<{ organization: unknown }>(patched).organization).toMatchObject({
          name: text,
          industry: text,
        });
        expect(
          json<{ organization: unknown }>(await owner.get(`/api/orgs/${orgId}`)).organization,
        ).toMatchObject({
          name: text,
          industry: text,
        });
      }
    });

    it('stores display names and token names byte for byte', async () => {
      for (const text of HOSTILE) {
        const res = await owner.patch('/api/me', { displayName: text });
        expect(res.statusCode, text).toBe(200);
        expect(json<{ user: { displayName: string } }>(res).user.displayName).toBe(text);
        expect(json<{ user: { displayName: string } }>(await owner.get('/api/me')).user.displayName).toBe(
          text,
        );

        const tok = await owner.post(`/api/orgs/${orgId}/tokens`, {
          name: text,
          role: 'viewer',
          expiresInDays: 1,
        });
        expect(tok.statusCode, text).toBe(201);
        expect(json<{ token: { name: string } }>(tok).token.name).toBe(text);
      }
      const list = json<{ items: { name: string }[] }>(
        await owner.get(`/api/orgs/${orgId}/tokens?limit=200`),
      );
      expect(list.items.map((i) => i.name)).toEqual(expect.arrayContaining(HOSTILE));
    });

    it('stores assessment titles and scope labels byte for byte', async () => {
      const catalogs = json<{ items: { id: string }[] }>(await owner.get(`/api/orgs/${orgId}/catalogs`));
      const catalogId = catalogs.items[0]?.id;
      for (const text of HOSTILE) {
        const res = await owner.post(`/api/orgs/${orgId}/assessments`, {
          catalogId,
          title: text,
          scopeType: 'site',
          scopeLabel: text,
        });
        expect(res.statusCode, text).toBe(201);
        const a = json<{ assessment: { id: string; title: string; scope: { label: string } } }>(
          res,
        ).assessment;
        expect(a.title).toBe(text);
        expect(a.scope.label).toBe(text);
        const back = json<{ assessment: { title: string; scope: { label: string } } }>(
          await owner.get(`/api/orgs/${orgId}/assessments/${a.id}`),
        );
        expect(back.assessment).toMatchObject({ title: text, scope: { label: text } });
      }
    });

    it('stores the display name of an invited person byte for byte', async () => {
      for (const [i, text] of HOSTILE.entries()) {
        const inv = await owner.post(`/api/orgs/${orgId}/invitations`, {
          email: `guest${i}@example.jp`,
          role: 'viewer',
        });
        expect(inv.statusCode).toBe(201);
        const token = t.mails.at(-1)?.text.match(/\/invite\/([\w-]+)/)?.[1];
        const guest = new RecordingClient(t.app);
        const acc = await guest.post(`/api/invitations/${token}/accept`, {
          displayName: text,
          password: `pass phrase number ${i}`,
        });
        expect(acc.statusCode, text).toBe(200);
        expect(json<{ user: { displayName: string } }>(acc).user.displayName).toBe(text);
        expect(json<{ user: { displayName: string } }>(await guest.get('/api/me')).user.displayName).toBe(
          text,
        );
      }
      const members = json<{ items: { user: { displayName: string } }[] }>(
        await owner.get(`/api/orgs/${orgId}/members`),
      );
      expect(members.items.map((m) => m.user.displayName)).toEqual(expect.arrayContaining(HOSTILE));
    });

    it('refuses hostile text where it cannot be valid, with 4xx', async () => {
      for (const text of HOSTILE) {
        const refused: LightMyRequestResponse[] = [
          await owner.post(`/api/orgs/${orgId}/invitations`, { email: text, role: 'member' }),
          await owner.post(`/api/orgs/${orgId}/invitations`, { email: `${text}@example.jp`, role: 'member' }),
          await owner.post(`/api/orgs/${orgId}/relationships`, {
            counterpartSlug: text,
            type: 'buyer_supplier',
            side: 'from',
          }),
          await owner.post('/api/orgs', { name: 'slug test', kind: 'supplier', slug: text }),
          await owner.patch(`/api/orgs/${orgId}`, { corporateNumber: text }),
          await owner.patch(`/api/orgs/${orgId}`, { prefecture: text }),
          await owner.patch(`/api/orgs/${orgId}/members/${encodeURIComponent(text)}`, { role: 'viewer' }),
          await owner.get(`/api/orgs/${orgId}/members?cursor=${encodeURIComponent(text)}`),
          await owner.get(`/api/orgs/${orgId}/audit?limit=${encodeURIComponent(text)}`),
          await owner.get(`/api/orgs/${encodeURIComponent(text)}`),
          await anon.get(`/api/invitations/${encodeURIComponent(text.padEnd(12, 'x'))}`),
          await anon.post('/api/auth/login', { email: text, password: text }),
          await anon.post('/api/auth/login', { email: 'nobody@example.jp', password: text }),
          await owner.post('/api/me/password', {
            currentPassword: text,
            newPassword: 'irrelevant passphrase',
          }),
        ];
        for (const res of refused) {
          expect(res.statusCode, `${text}: ${res.body}`).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, `${text}: ${res.body}`).toBeLessThan(500);
          expectJson(res);
        }
      }
    });

    it('keeps the database working afterwards', async () => {
      const fresh = new RecordingClient(t.app);
      expect((await fresh.login(ADMIN.email, ADMIN.password)).statusCode).toBe(200);
      const me = json<{ memberships: unknown[] }>(await fresh.get('/api/me'));
      expect(me.memberships).toHaveLength(1 + HOSTILE.length);
      expect(json(await fresh.get('/api/setup/status'))).toEqual({ needsSetup: false });
      const members = json<{ items: unknown[] }>(await fresh.get(`/api/orgs/${orgId}/members`));
      expect(members.items).toHaveLength(1 + HOSTILE.length);
      const guest = await addMember(t, fresh, orgId, 'after@example.jp', 'member');
      expect((await guest.get(`/api/orgs/${orgId}`)).statusCode).toBe(200);
    });
  });

  describe('error messages', () => {
    /** The owner's session cookie without the CSRF token. */
    const withoutCsrf = () => {
      const c = new RecordingClient(t.app);
      c.cookie = owner.cookie;
      return c;
    };
    /** Requests that fail with a given code. */
    const cases: [ErrorCode, (lang: Record<string, string>) => Promise<LightMyRequestResponse>][] = [
      [
        'bad_request',
        (h) =>
          owner.req('PATCH', `/api/orgs/${orgId}`, '{oops', { ...h, 'content-type': 'application/json' }),
      ],
      ['validation_failed', (h) => owner.req('PATCH', `/api/orgs/${orgId}`, { name: 5 }, h)],
      ['unauthenticated', (h) => anon.req('GET', '/api/me', undefined, h)],
      ['not_found', (h) => owner.req('GET', `/api/orgs/${randomResources().orgId}`, undefined, h)],
      [
        'invalid_credentials',
        (h) => anon.req('POST', '/api/auth/login', { email: 'nobody@example.jp', password: 'x' }, h),
      ],
      [
        'unsupported_media_type',
        (h) => owner.req('PATCH', `/api/orgs/${orgId}`, 'x', { ...h, 'content-type': 'text/plain' }),
      ],
      ['csrf_failed', (h) => withoutCsrf().req('PATCH', `/api/orgs/${orgId}`, { industry: 'x' }, h)],
    ];

    it('speaks Japanese by default and English on Accept-Language: en, with the message of the code', async () => {
      for (const [code, make] of cases) {
        // No Accept-Language at all: Japanese.
        const none = errorOf(await make({ 'accept-language': '' }));
        const ja = errorOf(await make({ 'accept-language': 'ja' }));
        const en = errorOf(await make({ 'accept-language': 'en' }));
        const enUs = errorOf(await make({ 'accept-language': 'en-US,en;q=0.9,ja;q=0.5' }));
        const other = errorOf(await make({ 'accept-language': 'fr-FR' }));
        for (const e of [none, ja, en, enUs, other]) expect(e.code).toBe(code);
        expect(ja.message).toBe(ERROR_MESSAGES[code].ja);
        expect(none.message).toBe(ja.message);
        expect(other.message).toBe(ja.message);
        expect(en.message).toBe(ERROR_MESSAGES[code].en);
        expect(enUs.message).toBe(en.message);
        expect(en.message).not.toBe(ja.message);
        expect(ja.message).toMatch(JAPANESE);
        expect(en.message).not.toMatch(JAPANESE);
      }
    });

    it('words validation details in the request language and names what was received', async () => {
      const ja = errorOf(
        await owner.req('PATCH', `/api/orgs/${orgId}`, { name: 5 }, { 'accept-language': 'ja' }),
      );
      const en = errorOf(
        await owner.req('PATCH', `/api/orgs/${orgId}`, { name: 5 }, { 'accept-language': 'en' }),
      );
      expect(ja.details?.[0]).toMatchObject({ in: 'body', pointer: '/name' });
      expect(ja.details?.[0]?.message).toMatch(JAPANESE);
      expect(ja.details?.[0]?.message).toContain('数値');
      expect(en.details?.[0]?.message).toMatch(/expected string, received number/);
      const q = errorOf(
        await owner.req('GET', `/api/orgs/${orgId}/members?limit=500&lang=en`, undefined, {
          'accept-language': 'ja',
        }),
      );
      expect(q.code).toBe('validation_failed');
      expect(q.message).toBe(ERROR_MESSAGES.validation_failed.en);
      expect(q.details?.[0]).toMatchObject({ in: 'querystring', pointer: '/limit' });
    });
  });

  it('never answered 500', () => {
    expect(seen.length).toBeGreaterThan(300);
    expect(seen.filter((s) => s.status >= 500)).toEqual([]);
  });
});
