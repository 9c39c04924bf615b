import { JobWorker, setTaxiiNet, sharingIntakeJobs } from '@shinrai/server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';

// The TAXII 2.1 client: an organization of one Shinrai instance pulls a collection of another instance's own
// /taxii2/ server over real HTTP (checkpoint, paging, idempotent import), and a misbehaving server (500, no
// answer within the timeout, wrong content type, bad JSON, a failing second page) leaves an error, a backoff
// and nothing written.

interface Source {
  id: string;
  hasSecret: boolean;
  checkpoint: string | null;
  nextRunAt: string | null;
  failures: number;
  lastError: string | null;
  lastSuccessAt: string | null;
}
interface Org {
  id: string;
  slug: string;
  user: Client;
}
const TAXII = 'application/taxii+json;version=2.1';

describe('TAXII 2.1 client (sharing intake)', () => {
  let remote: TestApp; // the hub's instance, serving /taxii2/ on a real port
  let local: TestApp; // the instance whose organization pulls
  let port = 0;
  let A: Org; // reporter at the hub
  let H: Org; // hub
  let B: Org; // member whose token the client uses
  let L: Org; // the pulling organization (local instance)
  let token = '';
  let collection = '';
  let worker: JobWorker;
  let bad: Server;
  let badPort = 0;
  let clock = new Date('2026-12-02T10:00:00.000Z');

  async function drain() {
    for (let i = 0; i < 5; i++) {
      await worker.tick();
      await worker.idle();
    }
  }
  async function orgOf(
    t: TestApp,
    admin: Client,
    adminOrg: string,
    email: string,
    name: string,
    kind = 'enterprise',
  ) {
    const user = await addMember(t, admin, adminOrg, email, 'viewer');
    const me = json<{ user: { id: string } }>(await user.get('/api/me')).user.id;
    const org = json<{ organization: { id: string; slug: string } }>(
      await user.post('/api/orgs', { name, kind }),
    ).organization;
    expect((await admin.del(`/api/orgs/${adminOrg}/members/${me}`)).statusCode).toBe(204);
    return { id: org.id, slug: org.slug, user };
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
  async function publish(title: string, ip: string) {
    const sub = await A.user.post(`/api/orgs/${A.id}/sharing/hubs/${H.id}/reports`, {
      title,
      text: `不審なメール。C2 は ${ip}。`,
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
      };
    }>(sub).report;
    const reviewed = json<{ report: { revision: number } }>(
      await H.user.req('PUT', `/api/orgs/${H.id}/sharing/reports/${r.id}/review`, {
        revision: r.revision,
        publishedTitle: title,
        redactions: r.redactions.map(({ start, end, category }) => ({ start, end, category })),
        indicators: [{ type: 'ipv4', value: ip }],
      }),
    ).report;
    expect(
      (
        await A.user.post(`/api/orgs/${A.id}/sharing/reports/${r.id}/decision`, {
          revision: reviewed.revision,
          approve: true,
        })
      ).statusCode,
    ).toBe(200);
    const pub = await H.user.post(`/api/orgs/${H.id}/sharing/reports/${r.id}/publish`, {
      revision: reviewed.revision,
      tlp: 'green',
      groupIds: [],
    });
    expect(pub.statusCode, pub.body).toBe(200);
  }
  const sources = async () =>
    json<{ sources: Source[] }>(await L.user.get(`/api/orgs/${L.id}/sharing/intake/sources`)).sources;
  const source = async (id: string) => (await sources()).find((s) => s.id === id) as Source;
  const addSource = async (name: string, apiRootUrl: string, collectionId = collection) => {
    const res = await L.user.post(`/api/orgs/${L.id}/sharing/intake/sources`, {
      name,
      apiRootUrl,
      collectionId,
      authKind: 'bearer',
      secret: token,
      intervalMinutes: 60,
    });
    expect(res.statusCode, res.body).toBe(201);
    return json<{ source: Source }>(res).source;
  };
  const pullNow = async (id: string) => {
    // A later moment for each pull, so the list of imports (newest first) has an order.
    clock = new Date(clock.getTime() + 1000);
    expect((await L.user.post(`/api/orgs/${L.id}/sharing/intake/sources/${id}/pull`)).statusCode).toBe(202);
    await drain();
  };
  const objects = async (view: string) =>
    json<{ objects: { type: string; source: string; tlp: string | null; value: string | null }[] }>(
      await L.user.get(`/api/orgs/${L.id}/sharing/intake/objects?view=${view}`),
    ).objects;
  const count = async () =>
    Number(
      (
        await local.deps.store.db
          .selectFrom('sharing_intake_objects')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    remote = await makeApp('sqlite');
    const r = await setupInstance(remote, 'サンプル電機株式会社');
    A = { id: r.orgId, slug: '', user: r.admin };
    H = await orgOf(remote, r.admin, r.orgId, 'hub@example.jp', '製造業情報共有ハブ', 'hub');
    B = await orgOf(remote, r.admin, r.orgId, 'b@example.jp', 'ベータ精機');
    A.slug = json<{ organization: { slug: string } }>(
      await r.admin.get(`/api/orgs/${r.orgId}`),
    ).organization.slug;
    expect((await H.user.req('PUT', `/api/orgs/${H.id}/sharing/hub`, { ndaVersion: '1' })).statusCode).toBe(
      200,
    );
    await join(A);
    await join(B);
    token = json<{ secret: string }>(
      await B.user.post(`/api/orgs/${B.id}/tokens`, { name: 'taxii', role: 'viewer', expiresInDays: 30 }),
    ).secret;
    await publish('請求書を装った標的型メール', '203.0.113.45');
    await remote.app.listen({ port: 0, host: '127.0.0.1' });
    port = (remote.app.server.address() as AddressInfo).port;
    const colls = json<{ collections: { id: string; title: string }[] }>(
      await remote.app.inject({
        method: 'GET',
        url: `/taxii2/${H.slug}/collections/`,
        headers: { accept: TAXII, authorization: `Bearer ${token}` },
      }),
    ).collections;
    collection =
      colls.find((c) => c.title.endsWith('TLP:GREEN') && c.title.includes('All members'))?.id ?? '';
    expect(collection).not.toBe('');

    local = await makeApp('sqlite', { now: () => clock });
    const l = await setupInstance(local, 'ガンマ化学');
    L = { id: l.orgId, slug: '', user: l.admin };
    worker = new JobWorker(local.deps, sharingIntakeJobs(local.deps));

    // A server that misbehaves in one way per path.
    bad = createServer((req, res) => {
      const path = req.url ?? '';
      if (path.startsWith('/e500/')) return void res.writeHead(500).end('oops');
      if (path.startsWith('/slow/')) return; // never answers
      if (path.startsWith('/ctype/'))
        return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
      if (path.startsWith('/values/'))
        return void res
          .writeHead(200, { 'content-type': TAXII })
          .end(`{"objects": [${'0,'.repeat(4_000_000)}0]}`);
      if (path.startsWith('/badjson/'))
        return void res.writeHead(200, { 'content-type': TAXII }).end('{"objects": [');
      if (path.startsWith('/page2/')) {
        if (!path.includes('next=')) {
          const obj = {
            type: 'indicator',
            spec_version: '2.1',
            id: 'indicator--00000000-0000-4000-8000-000000000001',
            created: '2026-12-01T00:00:00.000Z',
            modified: '2026-12-01T00:00:00.000Z',
            pattern: "[ipv4-addr:value = '198.51.100.1']",
            pattern_type: 'stix',
            valid_from: '2026-12-01T00:00:00.000Z',
          };
          return void res
            .writeHead(200, { 'content-type': TAXII, 'x-taxii-date-added-last': '2026-12-01T00:00:00.000Z' })
            .end(JSON.stringify({ more: true, next: 'p2', objects: [obj] }));
        }
        return void res.writeHead(503).end();
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((ok) => bad.listen(0, '127.0.0.1', ok));
    badPort = (bad.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await worker?.stop();
    bad?.closeAllConnections();
    await new Promise((ok) => bad?.close(ok));
    await remote?.close();
    await local?.close();
  });

  it('refuses plain http and internal addresses unless the app allows them (tests only)', async () => {
    const res = await L.user.post(`/api/orgs/${L.id}/sharing/intake/sources`, {
      name: 'x',
      apiRootUrl: `http://127.0.0.1:${port}/taxii2/${H.slug}/`,
      collectionId: collection,
      authKind: 'none',
      intervalMinutes: 60,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('/apiRootUrl');
    const internal = await L.user.post(`/api/orgs/${L.id}/sharing/intake/sources`, {
      name: 'x',
      apiRootUrl: 'https://10.0.0.8/taxii2/root/',
      collectionId: collection,
      authKind: 'none',
      intervalMinutes: 60,
    });
    expect(internal.statusCode).toBe(400);
    expect(await sources()).toEqual([]);
    setTaxiiNet(local.deps, { allowHttp: true, allow: (a) => a === '127.0.0.1', timeoutMs: 300 });
  });

  it('pulls another Shinrai hub’s collection, then nothing new from the checkpoint, then only what is new', async () => {
    const s = await addSource('製造業ハブ', `http://127.0.0.1:${port}/taxii2/${H.slug}/`);
    expect(s.hasSecret).toBe(true);
    expect(JSON.stringify(s)).not.toContain(token);
    await drain(); // the first pull is queued when the source is added
    const first = await source(s.id);
    expect(first).toMatchObject({ failures: 0, lastError: null, lastSuccessAt: clock.toISOString() });
    expect(first.checkpoint).toMatch(/^2\d{3}-/);
    expect((await objects('reports')).map((o) => [o.type, o.source, o.tlp])).toEqual([
      ['report', '製造業ハブ', 'green'],
    ]);
    expect((await objects('indicators')).map((o) => o.value)).toEqual(["[ipv4-addr:value = '203.0.113.45']"]);
    const held = await count();

    await pullNow(s.id);
    const imports = async () =>
      json<{ imports: { kind: string; label: string; added: number; updated: number; unchanged: number }[] }>(
        await L.user.get(`/api/orgs/${L.id}/sharing/intake/imports`),
      ).imports;
    expect((await imports())[0]).toMatchObject({ kind: 'taxii', added: 0, updated: 0, unchanged: 0 });
    expect(await count()).toBe(held);

    await publish('VPN 機器を狙った攻撃', '198.51.100.77');
    await pullNow(s.id);
    const third = (await imports())[0];
    expect(third?.added).toBeGreaterThan(0);
    expect(third?.updated).toBe(1); // the hub's identity, written with each publication's time
    expect((await objects('reports')).length).toBe(2);
    expect((await source(s.id)).checkpoint! > first.checkpoint!).toBe(true);
  });

  it('records errors with backoff and writes nothing on a misbehaving server', async () => {
    const before = await count();
    const cases: [string, RegExp][] = [
      ['e500', /HTTP 500/],
      ['slow', /timeout/],
      ['ctype', /content type text\/html/],
      ['badjson', /not JSON/],
      // Counted before it is parsed: a page of millions of values would be one huge array in the worker.
      ['values', /page 1: more than 4000000 JSON values/],
      ['page2', /page 2: HTTP 503/],
    ];
    for (const [path, error] of cases) {
      const s = await addSource(path, `http://127.0.0.1:${badPort}/${path}/`, 'c1');
      await drain();
      const after1 = await source(s.id);
      expect(after1, path).toMatchObject({ failures: 1, lastSuccessAt: null, checkpoint: null });
      expect(after1.lastError).toMatch(error);
      expect(after1.nextRunAt).toBe(new Date(clock.getTime() + 60_000).toISOString());
      expect(after1.lastSuccessAt).toBeNull();
      await pullNow(s.id);
      const after2 = await source(s.id);
      expect(after2.failures).toBe(2);
      expect(after2.nextRunAt).toBe(new Date(clock.getTime() + 120_000).toISOString());
    }
    expect(await count()).toBe(before);
    // The scheduled retry runs when its time comes.
    const e500 = (await sources()).find((s) => s.lastError?.includes('500')) as Source;
    clock = new Date(clock.getTime() + 120_000);
    await drain();
    expect((await source(e500.id)).failures).toBe(3);
  });
});
