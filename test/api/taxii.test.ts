import { buildApp, type Deps } from '@shinrai/server';
import { openStore } from '@shinrai/store';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../helpers/app.ts';
import { addMember, json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';

// The TAXII 2.1 server of the sharing hub (/taxii2/): discovery, API roots, collections per audience × TLP,
// objects paged by a signed cursor over a per-hub sequence, and who gets nothing. The clock stands still while
// the first reports are published, so every object of them has the same date_added.

interface Org {
  id: string;
  slug: string;
  name: string;
  user: Client;
  token: string;
}
interface Envelope {
  more: boolean;
  next?: string;
  objects: { id: string; type: string; modified?: string; created?: string; [k: string]: unknown }[];
}
interface Coll {
  id: string;
  title: string;
  can_read: boolean;
  can_write: boolean;
  media_types: string[];
}

const TAXII = 'application/taxii+json;version=2.1';
const T0 = new Date('2026-12-01T09:00:00.000Z');

describe('TAXII 2.1 server of the sharing hub', () => {
  let t: TestApp;
  let clock = T0;
  let admin: Client;
  let A: Org; // reporter, in the group
  let H: Org; // hub
  let B: Org; // member in the group
  let C: Org; // member outside the group
  let D: Org; // not a member
  let groupId = '';
  let root = '';
  const reports: Record<string, string> = {};

  const taxii = (
    token: string | undefined,
    url: string,
    headers: Record<string, string> = {},
    app: FastifyInstance = t.app,
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method: 'GET',
      url,
      headers: { accept: TAXII, ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
  const body = <T>(res: LightMyRequestResponse, status = 200): T => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toBe(TAXII);
    return JSON.parse(res.body) as T;
  };
  async function orgOf(email: string, name: string, kind = 'enterprise'): Promise<Org> {
    const user = await addMember(t, admin, A.id, email, 'viewer');
    const me = json<{ user: { id: string } }>(await user.get('/api/me')).user.id;
    const org = json<{ organization: { id: string; slug: string } }>(
      await user.post('/api/orgs', { name, kind }),
    ).organization;
    expect((await admin.del(`/api/orgs/${A.id}/members/${me}`)).statusCode).toBe(204);
    return { id: org.id, slug: org.slug, name, user, token: await tokenOf(user, org.id) };
  }
  async function tokenOf(user: Client, orgId: string) {
    const res = await user.post(`/api/orgs/${orgId}/tokens`, {
      name: 'taxii',
      role: 'viewer',
      expiresInDays: 30,
    });
    return json<{ secret: string }>(res).secret;
  }
  async function join(m: Org) {
    const rel = json<{ relationship: { id: string } }>(
      await H.user.post(`/api/orgs/${H.id}/relationships`, {
        counterpartSlug: m.slug,
        type: 'hub_member',
        side: 'from',
      }),
    ).relationship.id;
    expect((await m.user.post(`/api/orgs/${m.id}/relationships/${rel}/accept`)).statusCode).toBe(200);
    expect(
      (await m.user.post(`/api/orgs/${m.id}/sharing/hubs/${H.id}/nda`, { version: '1', named: false }))
        .statusCode,
    ).toBe(200);
  }
  /** Submit → review (the proposal as it is) → the reporter's approval → publication. */
  async function publish(title: string, tlp: string, groupIds: string[], ip: string) {
    const sub = await A.user.post(`/api/orgs/${A.id}/sharing/hubs/${H.id}/reports`, {
      title,
      text: `サンプル電機株式会社の山田太郎さん宛に不審なメール。C2 は ${ip}。`,
      lang: 'ja',
      attackType: 'targeted-attack',
      occurredOn: '2026-11-05',
      indicators: [{ type: 'ipv4', value: ip }],
    });
    expect(sub.statusCode, sub.body).toBe(201);
    const r = json<{
      report: {
        id: string;
        revision: number;
        redactions: { start: number; end: number; category: string }[];
        indicators: { type: string; value: string }[];
      };
    }>(sub).report;
    const reviewed = json<{ report: { revision: number } }>(
      await H.user.req('PUT', `/api/orgs/${H.id}/sharing/reports/${r.id}/review`, {
        revision: r.revision,
        publishedTitle: title,
        redactions: r.redactions.map(({ start, end, category }) => ({ start, end, category })),
        indicators: r.indicators.map(({ type, value }) => ({ type, value })),
      }),
    ).report;
    const ok = await A.user.post(`/api/orgs/${A.id}/sharing/reports/${r.id}/decision`, {
      revision: reviewed.revision,
      approve: true,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const pub = await H.user.post(`/api/orgs/${H.id}/sharing/reports/${r.id}/publish`, {
      revision: reviewed.revision,
      tlp,
      groupIds,
    });
    expect(pub.statusCode, pub.body).toBe(200);
    return r.id;
  }
  async function collections(o: Org) {
    return body<{ collections: Coll[] }>(await taxii(o.token, `/taxii2/${root}/collections/`)).collections;
  }
  const collId = async (o: Org, title: string) => {
    const found = (await collections(o)).find((c) => c.title === title);
    if (!found) throw new Error(`no collection ${title}`);
    return found.id;
  };
  /** Every page of a collection through `next`, with the given page size. */
  async function allPages(url: string, limit: number, app?: FastifyInstance) {
    const seen: Envelope['objects'] = [];
    let next: string | undefined;
    for (let i = 0; i < 100; i++) {
      const q = `limit=${limit}${next ? `&next=${encodeURIComponent(next)}` : ''}`;
      const page = body<Envelope>(await taxii(B.token, `${url}?${q}`, {}, app));
      seen.push(...page.objects);
      expect(page.objects.length).toBeLessThanOrEqual(limit);
      if (!page.more) return seen;
      next = page.next;
    }
    throw new Error('paging did not end');
  }

  beforeAll(async () => {
    t = await makeApp('sqlite', { now: () => clock });
    let orgId: string;
    ({ admin, orgId } = await setupInstance(t, 'サンプル電機株式会社'));
    A = { id: orgId, slug: '', name: 'サンプル電機株式会社', user: admin, token: '' };
    A.slug = json<{ organization: { slug: string } }>(
      await admin.get(`/api/orgs/${orgId}`),
    ).organization.slug;
    A.token = await tokenOf(admin, A.id);
    H = await orgOf('hub@example.jp', '製造業情報共有ハブ', 'hub');
    B = await orgOf('b@example.jp', 'ベータ精機');
    C = await orgOf('c@example.jp', 'ガンマ化学');
    D = await orgOf('d@example.jp', 'デルタ物流');
    root = H.slug;
    expect((await H.user.req('PUT', `/api/orgs/${H.id}/sharing/hub`, { ndaVersion: '1' })).statusCode).toBe(
      200,
    );
    for (const m of [A, B, C]) await join(m);
    groupId = json<{ group: { id: string } }>(
      await H.user.post(`/api/orgs/${H.id}/sharing/groups`, { name: '製造業' }),
    ).group.id;
    await H.user.req('PUT', `/api/orgs/${H.id}/sharing/groups/${groupId}/members`, {
      memberOrgIds: [A.id, B.id],
    });
    // Three reports to the group at TLP:AMBER in the same millisecond, one to all at GREEN, one RED.
    reports.g1 = await publish('グループ向け 1', 'amber', [groupId], '203.0.113.10');
    reports.g2 = await publish('グループ向け 2', 'amber', [groupId], '203.0.113.11');
    reports.g3 = await publish('グループ向け 3', 'amber', [groupId], '203.0.113.12');
    reports.all = await publish('全員向け', 'green', [], '203.0.113.20');
    reports.red = await publish('赤', 'red', [], '203.0.113.99');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers discovery, the API root and the collections in the TAXII media type', async () => {
    const d = body<{ api_roots: string[]; default?: string }>(await taxii(B.token, '/taxii2/'));
    expect(d.api_roots).toEqual([expect.stringMatching(new RegExp(`/taxii2/${H.slug}/$`))]);
    expect(d.default).toBe(d.api_roots[0]);
    const r = body<{ title: string; versions: string[] }>(await taxii(B.token, `/taxii2/${root}/`));
    expect(r).toMatchObject({ title: H.name, versions: [TAXII] });
    // The hub's id names the same root.
    expect(body<{ title: string }>(await taxii(B.token, `/taxii2/${H.id}/`)).title).toBe(H.name);
    const cs = await collections(B);
    expect(cs.map((c) => c.title)).toEqual([
      '全メンバー / All members · TLP:CLEAR',
      '全メンバー / All members · TLP:GREEN',
      '全メンバー / All members · TLP:AMBER',
      '全メンバー / All members · TLP:AMBER+STRICT',
      '製造業 · TLP:CLEAR',
      '製造業 · TLP:GREEN',
      '製造業 · TLP:AMBER',
      '製造業 · TLP:AMBER+STRICT',
    ]);
    for (const c of cs) {
      expect(c).toMatchObject({
        can_read: true,
        can_write: false,
        media_types: ['application/stix+json;version=2.1'],
      });
      expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(body<Coll>(await taxii(B.token, `/taxii2/${root}/collections/${c.id}/`))).toEqual(c);
    }
    // HTTP Basic with the token as password is the same caller.
    const basic = Buffer.from(`${B.slug}:${B.token}`).toString('base64');
    const viaBasic = await taxii(undefined, `/taxii2/${root}/collections/`, {
      authorization: `Basic ${basic}`,
    });
    expect(body<{ collections: Coll[] }>(viaBasic).collections).toEqual(cs);
  });

  it('negotiates media types: 406 for an Accept that excludes TAXII 2.1', async () => {
    for (const accept of ['application/json', 'application/taxii+json;version=2.0', 'text/html'])
      expect(
        body<{ http_status: string }>(await taxii(B.token, '/taxii2/', { accept }), 406).http_status,
      ).toBe('406');
    for (const accept of [
      'application/taxii+json',
      '*/*',
      'application/json, application/taxii+json;version=2.1',
    ])
      expect((await taxii(B.token, '/taxii2/', { accept })).statusCode).toBe(200);
  });

  it('gives anonymous callers 401, and non-members, members outside the group and TLP:RED nothing', async () => {
    const groupAmber = await collId(B, '製造業 · TLP:AMBER');
    const urls = [
      '/taxii2/',
      `/taxii2/${root}/`,
      `/taxii2/${root}/collections/`,
      `/taxii2/${root}/collections/${groupAmber}/objects/`,
    ];
    for (const u of urls) {
      const res = await taxii(undefined, u);
      expect(body<{ http_status: string; title: string }>(res, 401).http_status).toBe('401');
      expect(res.headers['www-authenticate']).toMatch(/^Basic/);
      expect((await taxii('shr_not_a_token', u)).statusCode).toBe(401);
    }
    // A non-member sees no API root, and the hub's root, collections and objects are 404 to it.
    expect(body<{ api_roots: string[] }>(await taxii(D.token, '/taxii2/')).api_roots).toEqual([]);
    for (const u of urls.slice(1)) expect((await taxii(D.token, u)).statusCode).toBe(404);
    // A member outside the group has the all-members collections only; the group's answer 404.
    expect((await collections(C)).map((c) => c.title).filter((x) => x.startsWith('製造業'))).toEqual([]);
    for (const tail of ['', 'objects/', 'manifest/'])
      expect((await taxii(C.token, `/taxii2/${root}/collections/${groupAmber}/${tail}`)).statusCode).toBe(
        404,
      );
    // TLP:RED is in no collection of anyone, not even the all-members ones or the hub's own.
    const everything: string[] = [];
    for (const o of [A, B, C, H])
      for (const c of await collections(o))
        everything.push(
          (await taxii(o.token, `/taxii2/${root}/collections/${c.id}/objects/?limit=1000`)).body,
        );
    const all = everything.join('\n');
    expect(all).not.toContain('203.0.113.99');
    expect(all).not.toContain('TLP:RED');
    expect(all).toContain('203.0.113.20');
    // The reporter appears nowhere.
    for (const s of [A.id, A.slug, A.name, 'サンプル電機', '山田']) expect(all).not.toContain(s);
  });

  it('pages across equal date_added timestamps and returns every object exactly once', async () => {
    const url = `/taxii2/${root}/collections/${await collId(B, '製造業 · TLP:AMBER')}/objects/`;
    const full = await taxii(B.token, `${url}?limit=1000`);
    const whole = body<Envelope>(full).objects;
    expect(whole.length).toBeGreaterThan(12);
    expect(whole.map((o) => o.type)).toEqual(
      expect.arrayContaining(['report', 'indicator', 'identity', 'marking-definition']),
    );
    // Every object came in the same millisecond: a cursor made of a timestamp cannot tell them apart.
    expect(full.headers['x-taxii-date-added-first']).toBe(T0.toISOString());
    expect(full.headers['x-taxii-date-added-last']).toBe(T0.toISOString());
    for (const size of [1, 3, 7]) {
      const paged = await allPages(url, size);
      expect(paged.map((o) => o.id)).toEqual(whole.map((o) => o.id));
    }
    // What a timestamp cursor would do: the next page "added after" the last page's time is empty.
    const first = await taxii(B.token, `${url}?limit=3`);
    const after = first.headers['x-taxii-date-added-last'] as string;
    expect(body<Envelope>(first).more).toBe(true);
    expect(body<Envelope>(await taxii(B.token, `${url}?added_after=${after}`)).objects).toEqual([]);
  });

  it('refuses a tampered cursor, or one made for another collection or other filters (400)', async () => {
    const amber = await collId(B, '製造業 · TLP:AMBER');
    const url = `/taxii2/${root}/collections/${amber}/objects/`;
    const next = body<Envelope>(await taxii(B.token, `${url}?limit=2`)).next ?? '';
    expect(next).not.toBe('');
    const [data = '', sig = ''] = next.split('.');
    const flipped = `${data}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
    // The position rewound to the start, with the signature of the real one.
    const fields = JSON.parse(Buffer.from(data, 'base64url').toString()) as unknown[];
    const rewound = fields.map((x) => (typeof x === 'number' ? 0 : x));
    const forged = `${Buffer.from(JSON.stringify(rewound)).toString('base64url')}.${sig}`;
    for (const bad of [flipped, forged, 'garbage', `${data}.`])
      expect(
        body<{ http_status: string }>(await taxii(B.token, `${url}?next=${encodeURIComponent(bad)}`), 400)
          .http_status,
      ).toBe('400');
    const other = await collId(B, '全メンバー / All members · TLP:GREEN');
    expect(
      (await taxii(B.token, `/taxii2/${root}/collections/${other}/objects/?next=${encodeURIComponent(next)}`))
        .statusCode,
    ).toBe(400);
    expect(
      (await taxii(B.token, `${url}?match[type]=indicator&next=${encodeURIComponent(next)}`)).statusCode,
    ).toBe(400);
    expect(
      (
        await taxii(
          B.token,
          `/taxii2/${root}/collections/${amber}/manifest/?next=${encodeURIComponent(next)}`,
        )
      ).statusCode,
    ).toBe(400);
    for (const q of [
      'limit=0',
      'limit=x',
      'added_after=yesterday',
      'match[id]=nope',
      'match[version]=soon',
      'color=red',
    ])
      expect((await taxii(B.token, `${url}?${q}`)).statusCode, q).toBe(400);
    expect(body<Envelope>(await taxii(B.token, `${url}?limit=5000`)).objects.length).toBeLessThanOrEqual(
      1000,
    );
  });

  it('answers the next page from another server instance on the same database', async () => {
    const second = await secondInstance(t);
    try {
      const url = `/taxii2/${root}/collections/${await collId(B, '製造業 · TLP:AMBER')}/objects/`;
      const p1 = body<Envelope>(await taxii(B.token, `${url}?limit=4`));
      const rest = `${url}?limit=4&next=${encodeURIComponent(p1.next ?? '')}`;
      const here = await taxii(B.token, rest);
      const there = await taxii(B.token, rest, {}, second);
      expect(there.statusCode).toBe(200);
      expect(there.body).toBe(here.body);
      // A whole walk alternating the two instances returns everything once.
      const whole = body<Envelope>(await taxii(B.token, `${url}?limit=1000`)).objects.map((o) => o.id);
      const seen: string[] = [];
      let next: string | undefined;
      for (let i = 0; i < 100; i++) {
        const app = i % 2 ? second : t.app;
        const q = `${url}?limit=3${next ? `&next=${encodeURIComponent(next)}` : ''}`;
        const page = body<Envelope>(await taxii(B.token, q, {}, app));
        seen.push(...page.objects.map((o) => o.id));
        if (!page.more) break;
        next = page.next;
      }
      expect(seen).toEqual(whole);
    } finally {
      await second.close();
    }
  });

  it('filters by match[type|id|version] and added_after; manifest, versions, one object and status', async () => {
    const amber = await collId(B, '製造業 · TLP:AMBER');
    const base = `/taxii2/${root}/collections/${amber}`;
    const indicators = body<Envelope>(await taxii(B.token, `${base}/objects/?match[type]=indicator`)).objects;
    expect(indicators.map((o) => o.pattern).sort()).toEqual(
      ['203.0.113.10', '203.0.113.11', '203.0.113.12'].map((ip) => `[ipv4-addr:value = '${ip}']`),
    );
    const id = indicators[0]?.id ?? '';
    expect(
      body<Envelope>(await taxii(B.token, `${base}/objects/?match[id]=${id}`)).objects.map((o) => o.id),
    ).toEqual([id]);
    expect(body<Envelope>(await taxii(B.token, `${base}/objects/${id}/`)).objects.map((o) => o.id)).toEqual([
      id,
    ]);
    expect(
      (await taxii(B.token, `${base}/objects/indicator--00000000-0000-4000-8000-000000000000/`)).statusCode,
    ).toBe(404);
    // A later publication adds a new version of the hub's identity (modified = publication time).
    clock = new Date(T0.getTime() + 3_600_000);
    await publish('グループ向け 4', 'amber', [groupId], '203.0.113.13');
    const ident = body<Envelope>(await taxii(B.token, `${base}/objects/?match[type]=identity`)).objects;
    expect(ident.map((o) => o.modified)).toEqual([clock.toISOString()]);
    const identId = ident[0]?.id ?? '';
    const allV = body<Envelope>(
      await taxii(B.token, `${base}/objects/${identId}/?match[version]=all`),
    ).objects;
    expect(allV.map((o) => o.modified)).toEqual([T0.toISOString(), clock.toISOString()]);
    const firstV = body<Envelope>(
      await taxii(B.token, `${base}/objects/${identId}/?match[version]=first`),
    ).objects;
    expect(firstV.map((o) => o.modified)).toEqual([T0.toISOString()]);
    const atV = body<Envelope>(
      await taxii(B.token, `${base}/objects/${identId}/?match[version]=${T0.toISOString()}`),
    ).objects;
    expect(atV.map((o) => o.modified)).toEqual([T0.toISOString()]);
    const versions = body<{ versions: string[]; more: boolean }>(
      await taxii(B.token, `${base}/objects/${identId}/versions/`),
    );
    expect(versions).toEqual({ more: false, versions: [T0.toISOString(), clock.toISOString()] });
    // added_after: only what the later publication added.
    const later = await taxii(B.token, `${base}/objects/?added_after=${T0.toISOString()}`);
    expect(later.headers['x-taxii-date-added-first']).toBe(clock.toISOString());
    expect(body<Envelope>(later).objects.some((o) => o.type === 'report')).toBe(true);
    const manifest = body<{
      objects: { id: string; date_added: string; version: string; media_type: string }[];
    }>(await taxii(B.token, `${base}/manifest/?match[type]=report`)).objects;
    expect(manifest).toHaveLength(4);
    expect(manifest[0]).toEqual({
      id: expect.stringMatching(/^report--/) as unknown,
      date_added: T0.toISOString(),
      version: T0.toISOString(),
      media_type: 'application/stix+json;version=2.1',
    });
    expect(
      body<{ http_status: string }>(await taxii(B.token, `/taxii2/${root}/status/${id}/`), 404).http_status,
    ).toBe('404');
  });

  it('ends access with the relationship', async () => {
    const rels = json<{ items: { id: string; type: string }[] }>(
      await C.user.get(`/api/orgs/${C.id}/relationships`),
    ).items;
    const rel = rels.find((r) => r.type === 'hub_member');
    expect(rel).toBeDefined();
    expect((await C.user.post(`/api/orgs/${C.id}/relationships/${rel?.id}/end`)).statusCode).toBe(200);
    expect((await taxii(C.token, `/taxii2/${root}/collections/`)).statusCode).toBe(404);
    expect(body<{ api_roots: string[] }>(await taxii(C.token, '/taxii2/')).api_roots).toEqual([]);
  });
});

/** A second server on the same database (another process behind the load balancer, as far as the server knows). */
async function secondInstance(t: TestApp): Promise<FastifyInstance & { close(): Promise<void> }> {
  const dataDir = t.db.databaseUrl ? mkdtempSync(path.join(tmpdir(), 'shinrai-taxii-')) : t.db.dataDir;
  const store = openStore({ databaseUrl: t.db.databaseUrl, dataDir });
  const deps: Deps = { ...t.deps, store, config: { ...t.deps.config, dataDir } };
  const app = await buildApp(deps);
  deps.log = app.log;
  app.addHook('onClose', async () => store.close());
  return app;
}
