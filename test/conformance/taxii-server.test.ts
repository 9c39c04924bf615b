import { insertSharingReport, insertTaxiiObjects } from '@shinrai/store';
import type { LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/stores.ts';
import {
  all,
  DATA,
  ms,
  populated,
  reference,
  refCollections,
  served,
  STIX21,
  TAXII,
  versionOf,
  type Query,
} from './taxii-reference.ts';

// Our TAXII 2.1 server (/taxii2/) against the reference data of the OASIS TAXII server, medallion
// (data/taxii/, see its NOTE.md). The objects and manifest of its one populated collection are written into one of
// our collections by the function publication writes with (insertTaxiiObjects), then every query below is asked of
// our server over HTTP and compared with what medallion's filter rules give on the same data — computed here from
// the data by `reference()` (taxii-reference.ts), a transcription of those rules (type, id, added_after, spec_version, version, then
// date_added order and paging), not from our own answers.

interface Envelope {
  more: boolean;
  next?: string;
  objects?: Record<string, unknown>[];
}
interface ManifestEnvelope {
  more: boolean;
  next?: string;
  objects?: { id: string; date_added: string; version: string; media_type: string }[];
}

describe.each(testDialects())('TAXII 2.1 server against medallion’s reference data (%s)', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let token = '';
  let outsider = '';
  let base = '';
  let hubSlug = '';

  const get = (url: string, headers: Record<string, string> = {}, bearer: string | null = token) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: { accept: TAXII, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
    });
  const body = <T>(res: LightMyRequestResponse, status = 200): T => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toBe(TAXII);
    return JSON.parse(res.body) as T;
  };
  const qs = (q: Query) =>
    Object.entries(q)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
  /** Every page of `endpoint` for `q` through `next`, with each page's date-added headers. */
  async function walk<T extends Envelope | ManifestEnvelope>(endpoint: string, q: Query, limit?: number) {
    const pages: { body: T; first?: string; last?: string }[] = [];
    let next: string | undefined;
    for (let i = 0; i < 50; i++) {
      const query = { ...q, ...(limit ? { limit: String(limit) } : {}), ...(next ? { next } : {}) };
      const res = await get(`${base}/${endpoint}?${qs(query)}`);
      const b = body<T>(res);
      pages.push({
        body: b,
        first: res.headers['x-taxii-date-added-first'] as string | undefined,
        last: res.headers['x-taxii-date-added-last'] as string | undefined,
      });
      if (!b.more) return pages;
      expect(b.next).toBeTruthy();
      next = b.next;
    }
    throw new Error('paging did not end');
  }

  beforeAll(async () => {
    t = await makeApp(dialect);
    let memberId: string;
    ({ admin, orgId: memberId } = await setupInstance(t, '参照データ会員'));
    const hub = json<{ organization: { id: string; slug: string } }>(
      await admin.post('/api/orgs', { name: '参照データハブ', kind: 'hub' }),
    ).organization;
    hubSlug = hub.slug;
    const member = json<{ organization: { slug: string } }>(await admin.get(`/api/orgs/${memberId}`));
    expect((await admin.req('PUT', `/api/orgs/${hub.id}/sharing/hub`, { ndaVersion: '1' })).statusCode).toBe(
      200,
    );
    const rel = json<{ relationship: { id: string } }>(
      await admin.post(`/api/orgs/${hub.id}/relationships`, {
        counterpartSlug: member.organization.slug,
        type: 'hub_member',
        side: 'from',
      }),
    ).relationship.id;
    expect((await admin.post(`/api/orgs/${memberId}/relationships/${rel}/accept`)).statusCode).toBe(200);
    expect(
      (await admin.post(`/api/orgs/${memberId}/sharing/hubs/${hub.id}/nda`, { version: '1', named: false }))
        .statusCode,
    ).toBe(200);
    const tokenOf = async (orgId: string) =>
      json<{ secret: string }>(
        await admin.post(`/api/orgs/${orgId}/tokens`, { name: 'taxii', role: 'viewer', expiresInDays: 7 }),
      ).secret;
    token = await tokenOf(memberId);
    const other = json<{ organization: { id: string } }>(
      await admin.post('/api/orgs', { name: '非会員', kind: 'enterprise' }),
    ).organization.id;
    outsider = await tokenOf(other);

    // The reference objects, in date_added order, into the all-members TLP:CLEAR collection; the report row
    // is there for the foreign key only.
    const reportId = randomUUID();
    const now = new Date().toISOString();
    const db = t.deps.store.db;
    await insertSharingReport(db, {
      id: reportId,
      hub_org_id: hub.id,
      reporter_org_id: memberId,
      submitted_by: null,
      lang: 'en',
      attack_type: 'other',
      occurred_on: '2016-11-01',
      title: 'medallion reference data',
      text: 'medallion reference data',
      declared_indicators: '[]',
      proposal: '{}',
      redactions: '[]',
      indicators: '[]',
      published_title: 'medallion reference data',
      status: 'published',
      revision: 1,
      approved_revision: 1,
      approved_text: 'medallion reference data',
      approved_at: null,
      approved_by: null,
      reporter_note: null,
      tlp: 'clear',
      published_at: now,
      published_seq: 1,
      created_at: now,
      updated_at: now,
    });
    await db.transaction().execute((trx) =>
      insertTaxiiObjects(
        trx,
        hub.id,
        served.map((e) => ({
          collection: 'all/clear',
          report_id: reportId,
          stix_id: e.id,
          stix_type: e.type,
          version: e.version,
          date_added: ms(e.dateAdded),
          object: JSON.stringify(e.object),
        })),
      ),
    );
    const cs = body<{ collections: { id: string; title: string }[] }>(
      await get(`/taxii2/${hubSlug}/collections/`),
    ).collections;
    const clear = cs.find((c) => c.title === '全メンバー / All members · TLP:CLEAR');
    base = `/taxii2/${hubSlug}/collections/${clear?.id}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('loads what the reference collection holds (not vacuous)', () => {
    expect(served.length).toBe(7);
    expect(all.length - served.length).toBe(1);
    for (const e of all) expect(ms(e.dateAdded).slice(0, 23)).toBe(e.dateAdded.slice(0, 23));
  });

  it('answers discovery, API root and collections with the members the reference resources have', async () => {
    const refDiscovery = (DATA['/discovery'] ?? DATA.discovery) as Record<string, unknown>;
    const d = body<Record<string, unknown>>(await get('/taxii2/'));
    // Discovery: title required, api_roots and default as URLs ending in /.
    for (const k of Object.keys(refDiscovery).filter((k) => k !== 'description' && k !== 'contact'))
      expect(d).toHaveProperty(k);
    expect(d.api_roots).toEqual([expect.stringMatching(new RegExp(`/taxii2/${hubSlug}/$`))]);
    const refRoot = (DATA.trustgroup1 as { information: Record<string, unknown> }).information;
    const r = body<Record<string, unknown>>(await get(`/taxii2/${hubSlug}/`));
    expect(Object.keys(r).sort()).toEqual(Object.keys(refRoot).sort());
    expect(r.versions).toEqual(refRoot.versions);
    expect(typeof r.max_content_length).toBe('number');
    const refKeys = Object.keys(populated)
      .filter((k) => k !== 'objects' && k !== 'manifest')
      .sort();
    const cs = body<{ collections: Record<string, unknown>[] }>(
      await get(`/taxii2/${hubSlug}/collections/`),
    ).collections;
    expect(cs.length).toBeGreaterThan(0);
    for (const c of cs) {
      expect(Object.keys(c).sort()).toEqual(refKeys);
      expect(c).toMatchObject({ can_read: true, can_write: false, media_types: [STIX21] });
      expect(
        body<Record<string, unknown>>(await get(`/taxii2/${hubSlug}/collections/${String(c.id)}/`)),
      ).toEqual(c);
    }
  });

  const objectQueries: Query[] = [
    {},
    { 'match[version]': 'all' },
    { 'match[version]': 'first' },
    { 'match[version]': 'last' },
    { 'match[version]': 'first,last' },
    { 'match[version]': '2016-12-25T12:30:59.444Z' },
    { 'match[version]': '2016-12-25T12:30:59.444Z,2014-05-08T09:00:00.000Z' },
    { 'match[type]': 'indicator' },
    { 'match[type]': 'indicator,relationship', 'match[version]': 'all' },
    { 'match[type]': 'attack-pattern' },
    { 'match[id]': 'indicator--6770298f-0fd8-471a-ab8c-1c658a46574e', 'match[version]': 'all' },
    {
      'match[id]':
        'malware--c0931cc6-c75e-47e5-9036-78fabc95d4ec,relationship--2f9a9aa9-108a-4333-83e2-4fb25add0463',
    },
    { 'match[spec_version]': '2.1' },
    { 'match[spec_version]': '2.0' },
    { 'match[spec_version]': '2.0,2.1', 'match[version]': 'all' },
    { added_after: '2016-11-03T12:30:59.001Z' },
    { added_after: '2016-11-03T12:30:59.000Z', 'match[version]': 'all' },
    { added_after: '2017-01-20T00:00:00.000Z', 'match[type]': 'indicator,malware' },
    { added_after: '2030-01-01T00:00:00.000Z' },
  ];

  it('objects: the reference server’s objects, in date_added order, for every filter', async () => {
    for (const q of objectQueries) {
      const expected = reference(q);
      const pages = await walk<Envelope>('objects/', q);
      expect(pages, JSON.stringify(q)).toHaveLength(1);
      const got = pages[0]!.body;
      expect(got.more).toBe(false);
      expect(
        (got.objects ?? []).map((o) => [o.id, versionOf(o)]),
        JSON.stringify(q),
      ).toEqual(expected.map((e) => [e.id, e.version]));
      // The objects as stored, unchanged.
      expect(got.objects ?? []).toEqual(expected.map((e) => e.object));
      if (expected.length) {
        expect(pages[0]!.first).toBe(ms(expected[0]!.dateAdded));
        expect(pages[0]!.last).toBe(ms(expected.at(-1)!.dateAdded));
      } else expect(pages[0]!.first).toBeUndefined();
    }
    // Not vacuous: the filters select different sets.
    expect(new Set(objectQueries.map((q) => reference(q).length)).size).toBeGreaterThan(3);
  });

  it('added_after with match[version]=first: the spec’s AND, where medallion picks the first of what is left', async () => {
    // medallion filters by added_after first and then picks the first version among the versions left; TAXII 2.1
    // combines filters with AND, and we answer that: a version is returned if it is the object's first version
    // in the collection and was added after the time (NOTE.md). Both derived from the data here.
    const q = { added_after: '2016-12-01T00:00:00.000Z', 'match[version]': 'first' };
    const { added_after: after, ...rest } = q;
    const and = reference(rest).filter((e) => Date.parse(e.dateAdded) > Date.parse(after));
    const medallion = reference(q);
    expect(medallion.map((e) => e.version)).not.toEqual(and.map((e) => e.version));
    const got = (await walk<Envelope>('objects/', q))[0]!.body.objects ?? [];
    expect(got).toEqual(and.map((e) => e.object));
    // For last (the default, what a sync asks for) the two readings agree on this data, as they do whenever
    // versions are added in version order, which publication does.
    const last = { added_after: '2016-12-01T00:00:00.000Z' };
    expect(reference(last)).toEqual(
      reference({}).filter((e) => Date.parse(e.dateAdded) > Date.parse(last.added_after)),
    );
  });

  it('manifest: one entry per object version with date_added, version and media type', async () => {
    for (const q of objectQueries) {
      const pages = await walk<ManifestEnvelope>('manifest/', q);
      expect(pages[0]!.body.objects ?? [], JSON.stringify(q)).toEqual(
        reference(q).map((e) => ({
          id: e.id,
          date_added: ms(e.dateAdded),
          version: e.version,
          media_type: STIX21,
        })),
      );
      const expected = reference(q);
      expect(pages[0]!.first).toBe(expected[0] ? ms(expected[0].dateAdded) : undefined);
      expect(pages[0]!.last).toBe(expected.at(-1) ? ms(expected.at(-1)!.dateAdded) : undefined);
    }
    // The reference manifest's own entries for what we serve.
    const everything = (await walk<ManifestEnvelope>('manifest/', { 'match[version]': 'all' }))[0]!.body
      .objects;
    expect(everything).toEqual(
      populated.manifest
        .filter((m) => m.media_type === STIX21)
        .sort((a, b) => Date.parse(a.date_added) - Date.parse(b.date_added))
        .map((m) => ({ ...m, date_added: ms(m.date_added) })),
    );
  });

  it('limit and next: pages of every size give the same objects once, with each page’s date-added headers', async () => {
    for (const q of [
      { 'match[version]': 'all' },
      {},
      { 'match[type]': 'indicator', 'match[version]': 'all' },
    ] as Query[]) {
      const expected = reference(q);
      for (const limit of [1, 2, 3, expected.length]) {
        const pages = await walk<Envelope>('objects/', q, limit);
        expect(pages).toHaveLength(Math.max(1, Math.ceil(expected.length / limit)));
        const seen = pages.flatMap((p) => p.body.objects ?? []);
        expect(seen.map((o) => [o.id, versionOf(o)])).toEqual(expected.map((e) => [e.id, e.version]));
        let at = 0;
        for (const p of pages) {
          const n = p.body.objects?.length ?? 0;
          expect(n).toBeLessThanOrEqual(limit);
          expect(p.first).toBe(ms(expected[at]!.dateAdded));
          expect(p.last).toBe(ms(expected[at + n - 1]!.dateAdded));
          at += n;
        }
        expect(pages.at(-1)!.body.more).toBe(false);
        expect(pages.at(-1)!.body.next).toBeUndefined();
      }
    }
  });

  it('one object and its versions', async () => {
    const id = 'indicator--6770298f-0fd8-471a-ab8c-1c658a46574e';
    for (const q of [
      {},
      { 'match[version]': 'all' },
      { 'match[version]': 'first' },
      { added_after: '2016-12-01T00:00:00.000Z', 'match[version]': 'all' },
    ] as Query[]) {
      const got = body<Envelope>(await get(`${base}/objects/${id}/?${qs(q)}`));
      expect(got.objects ?? []).toEqual(reference({ ...q, 'match[id]': id }).map((e) => e.object));
    }
    const versions = body<{ more: boolean; versions: string[] }>(
      await get(`${base}/objects/${id}/versions/`),
    );
    expect(versions).toEqual({
      more: false,
      versions: reference({ 'match[id]': id, 'match[version]': 'all' }).map((e) => e.version),
    });
    expect(versions.versions).toHaveLength(3);
    const after = body<{ versions: string[] }>(
      await get(`${base}/objects/${id}/versions/?added_after=2016-12-01T00:00:00.000Z`),
    );
    expect(after.versions).toEqual(
      reference({ 'match[id]': id, 'match[version]': 'all', added_after: '2016-12-01T00:00:00.000Z' }).map(
        (e) => e.version,
      ),
    );
    const paged = body<{ more: boolean; next?: string; versions: string[] }>(
      await get(`${base}/objects/${id}/versions/?limit=2`),
    );
    expect(paged).toMatchObject({ more: true, versions: versions.versions.slice(0, 2) });
  });

  it('errors: 404 unknown collection or object, 406 wrong Accept, 401 without a valid token', async () => {
    const notFound = (res: LightMyRequestResponse) =>
      expect(body<{ http_status: string; title: string }>(res, 404).http_status).toBe('404');
    // The reference's collection ids are not ours.
    for (const c of refCollections) notFound(await get(`/taxii2/${hubSlug}/collections/${c.id}/`));
    notFound(await get(`${base}/objects/indicator--00000000-0000-4000-8000-000000000000/`));
    notFound(await get(`${base}/objects/indicator--00000000-0000-4000-8000-000000000000/versions/`));
    notFound(await get('/taxii2/trustgroup1/'));
    // Status: our collections are read-only, so no status resource exists (the reference has two).
    const refStatus = (DATA.trustgroup1 as { status: { id: string }[] }).status;
    for (const s of refStatus) notFound(await get(`/taxii2/${hubSlug}/status/${s.id}/`));
    // A member of no hub: no API root to read (not revealed: 404), and discovery lists none.
    notFound(await get(`/taxii2/${hubSlug}/`, {}, outsider));
    expect(body<{ api_roots: string[] }>(await get('/taxii2/', {}, outsider)).api_roots).toEqual([]);
    for (const accept of ['application/json', 'application/taxii+json;version=2.0', 'text/html'])
      expect(body<{ http_status: string }>(await get(`${base}/objects/`, { accept }), 406).http_status).toBe(
        '406',
      );
    for (const accept of ['application/taxii+json', '*/*', `${TAXII}, text/html;q=0.1`])
      expect((await get(`${base}/objects/`, { accept })).statusCode).toBe(200);
    const unauth = await get(`${base}/objects/`, {}, null);
    expect(body<{ http_status: string }>(unauth, 401).http_status).toBe('401');
    expect(unauth.headers['www-authenticate']).toMatch(/^Basic /);
    expect((await get(`${base}/objects/`, {}, 'not-a-token')).statusCode).toBe(401);
    // A bad filter is a 400 in the error format.
    for (const q of ['match[version]=yesterday', 'added_after=2016-11-01', 'limit=0', 'next=forged'])
      expect(body<{ http_status: string }>(await get(`${base}/objects/?${q}`), 400).http_status).toBe('400');
  });
});
