import type { LightMyRequestResponse } from 'fastify';
import { writeAdvisories } from '@shinrai/store';
import { multipart } from '../helpers/multipart.ts';
import { seedCampaign, seedInboxRequest } from '../helpers/supplychain-campaign.ts';
import { seedStarResult } from '../helpers/supplychain-star.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  documentedRoutes,
  fillPath,
  randomResources,
  ROUTES,
  type DocumentedRoute,
  type OrgResources,
  type Role,
  type RouteRule,
  declaredRule,
  pathExamples,
} from '../helpers/api-routes.ts';
import { addMember, ADMIN, Client, json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';

/** The routes anyone may call without signing in (the contract in docs/api.md). */
const PUBLIC_ALLOWLIST = [
  'GET /api/health',
  'GET /api/setup/status',
  'POST /api/setup',
  'POST /api/auth/login',
  'POST /api/auth/login/totp',
  'POST /api/auth/logout',
  'GET /api/auth/oidc',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  'GET /api/invitations/{token}',
  'POST /api/invitations/{token}/accept',
  'GET /api/org-invitations/{token}',
  'POST /api/org-invitations/{token}/accept',
  'POST /api/respond/open',
  'POST /api/respond/relink',
  'GET /api/respond/questionnaire',
  'PUT /api/respond/answers/{ref}',
  'POST /api/respond/forward',
  'POST /api/respond/evidence',
  'POST /api/respond/submit',
  'GET /api/respond/reuse',
  'POST /api/respond/reuse',
  // The TAXII 2.1 server: its own auth (an API token of a member organization), TAXII error format.
  'GET /taxii2/',
  'GET /taxii2/{apiRoot}/',
  'GET /taxii2/{apiRoot}/collections/',
  'GET /taxii2/{apiRoot}/collections/{collectionId}/',
  'GET /taxii2/{apiRoot}/collections/{collectionId}/objects/',
  'GET /taxii2/{apiRoot}/collections/{collectionId}/objects/{objectId}/',
  'GET /taxii2/{apiRoot}/collections/{collectionId}/objects/{objectId}/versions/',
  'GET /taxii2/{apiRoot}/collections/{collectionId}/manifest/',
  'GET /taxii2/{apiRoot}/status/{statusId}/',
];

/** What an anonymous caller gets from each public route on a set-up instance without SSO. */
const ANONYMOUS_PUBLIC: Record<string, { status: number; code?: string }> = {
  'GET /api/health': { status: 200 },
  'GET /api/setup/status': { status: 200 },
  'POST /api/setup': { status: 409, code: 'setup_done' },
  'POST /api/auth/login': { status: 401, code: 'invalid_credentials' },
  'POST /api/auth/login/totp': { status: 401, code: 'unauthenticated' },
  'POST /api/auth/logout': { status: 204 },
  'GET /api/auth/oidc': { status: 200 },
  'GET /api/auth/oidc/start': { status: 404, code: 'oidc_disabled' },
  'GET /api/auth/oidc/callback': { status: 404, code: 'oidc_disabled' },
  'GET /api/invitations/{token}': { status: 404, code: 'invalid_token' },
  'POST /api/invitations/{token}/accept': { status: 404, code: 'invalid_token' },
  'GET /api/org-invitations/{token}': { status: 404, code: 'invalid_token' },
  'POST /api/org-invitations/{token}/accept': { status: 404, code: 'invalid_token' },
  'POST /api/respond/open': { status: 400, code: 'respond_link_malformed' },
  'POST /api/respond/relink': { status: 400, code: 'respond_link_malformed' },
  'GET /api/respond/questionnaire': { status: 401, code: 'respond_session_missing' },
  'PUT /api/respond/answers/{ref}': { status: 401, code: 'respond_session_missing' },
  'POST /api/respond/forward': { status: 401, code: 'respond_session_missing' },
  'POST /api/respond/evidence': { status: 401, code: 'respond_session_missing' },
  'POST /api/respond/submit': { status: 401, code: 'respond_session_missing' },
  'GET /api/respond/reuse': { status: 401, code: 'respond_session_missing' },
  'POST /api/respond/reuse': { status: 401, code: 'respond_session_missing' },
  'GET /taxii2/': { status: 401 },
  'GET /taxii2/{apiRoot}/': { status: 401 },
  'GET /taxii2/{apiRoot}/collections/': { status: 401 },
  'GET /taxii2/{apiRoot}/collections/{collectionId}/': { status: 401 },
  'GET /taxii2/{apiRoot}/collections/{collectionId}/objects/': { status: 401 },
  'GET /taxii2/{apiRoot}/collections/{collectionId}/objects/{objectId}/': { status: 401 },
  'GET /taxii2/{apiRoot}/collections/{collectionId}/objects/{objectId}/versions/': { status: 401 },
  'GET /taxii2/{apiRoot}/collections/{collectionId}/manifest/': { status: 401 },
  'GET /taxii2/{apiRoot}/status/{statusId}/': { status: 401 },
};

type Org = OrgResources & { slug: string; name: string };

function errorCode(res: LightMyRequestResponse): string | undefined {
  try {
    return (JSON.parse(res.body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

/** The first item reference found in a catalog pack. */
function firstRef(node: unknown): string {
  if (Array.isArray(node)) {
    for (const n of node) {
      const found = firstRef(n);
      if (found) return found;
    }
  } else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.ref === 'string') return o.ref;
    for (const v of Object.values(o)) {
      const found = firstRef(v);
      if (found) return found;
    }
  }
  return '';
}

function must(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res;
}

describe('authorization walker over GET /api/openapi.json', () => {
  let t: TestApp;
  let routes: DocumentedRoute[];
  let orgRoutes: DocumentedRoute[];
  const users = {} as Record<Role, Client>;
  let A: Org;
  let B: Org;
  let C: { id: string; slug: string; name: string };
  let bob: Client;
  /** API token secrets of organization A by role, and one of B. */
  const tokensA = {} as Record<'owner' | 'admin' | 'viewer', string>;
  let tokenB: string;
  /** Identifying strings of the organizations that anonymous callers must never see. */
  let secrets: string[];

  /**
   * The hand classification of test/helpers/api-routes.ts where a route is listed (it also gives
   * request bodies); otherwise what the route itself declares: an organization route's permission
   * (`x-permission`) says which roles may call it, through the one role table of @shinrai/core.
   */
  const rule = (r: DocumentedRoute): RouteRule => {
    const found = ROUTES[r.key];
    if (found) return found;
    const declared = declaredRule(r);
    if (!declared) throw new Error(`route ${r.key} is neither classified nor declares a permission`);
    return declared;
  };
  const bodyFor = (r: DocumentedRoute): unknown =>
    rule(r).body?.({ counterpartSlug: C.slug, catalogId: A.catalogId });
  const call = (c: Client, r: DocumentedRoute, ids: OrgResources) =>
    c.req(r.method, fillPath(r.path, ids, r.operation), bodyFor(r));
  const bearer = (secret: string) => {
    const c = new Client(t.app);
    c.bearer = secret;
    return c;
  };
  const userId = async (c: Client) =>
    json<{ user: { id: string } }>(must(await c.get('/api/me'), 200)).user.id;

  /** Everything organization A holds, as its owner sees it (last-use times of tokens left out). */
  async function snapshotA(): Promise<unknown> {
    const out: Record<string, unknown> = {};
    for (const part of [
      '',
      '/members',
      '/invitations',
      '/relationships',
      '/tokens',
      '/audit?limit=200',
      `/jobs/${A.jobId}`,
      '/catalogs',
      '/assessments',
      `/assessments/${A.assessmentId}`,
    ]) {
      const body = json(must(await users.owner.get(`/api/orgs/${A.orgId}${part}`), 200));
      if (part === '/tokens') {
        for (const item of body.items as { lastUsedAt?: unknown }[]) delete item.lastUsedAt;
      }
      out[part] = body;
    }
    return out;
  }

  beforeAll(async () => {
    t = await makeApp('sqlite');
    routes = await documentedRoutes(t.app);
    orgRoutes = routes.filter((r) => r.path.startsWith('/api/orgs/{orgId}'));

    const setup = await setupInstance(t, 'A精機株式会社');
    users.owner = setup.admin;
    for (const role of ['admin', 'member', 'viewer', 'auditor'] as const) {
      users[role] = await addMember(t, users.owner, setup.orgId, `${role}-a@example.jp`, role);
    }
    const ownerId = await userId(users.owner);
    const memberId = await userId(users.member);

    const makeOrg = async (name: string, kind: string) =>
      json<{ organization: { id: string; slug: string; name: string } }>(
        must(await users.owner.post('/api/orgs', { name, kind }), 201),
      ).organization;
    C = await makeOrg('C部品工業', 'supplier');
    const orgB = await makeOrg('B商事株式会社', 'enterprise');
    // Organization B ends up with bob as its only member: A's owner leaves after handing it over.
    bob = await addMember(t, users.owner, orgB.id, 'bob@example.jp', 'owner');
    must(await bob.del(`/api/orgs/${orgB.id}/members/${ownerId}`), 204);
    const bobId = await userId(bob);

    async function resources(c: Client, orgId: string): Promise<Omit<OrgResources, 'orgId' | 'userId'>> {
      const inv = json<{ invitation: { id: string } }>(
        must(
          await c.post(`/api/orgs/${orgId}/invitations`, {
            email: `pending-${orgId.slice(0, 8)}@example.jp`,
            role: 'member',
          }),
          201,
        ),
      );
      const tok = json<{ token: { id: string } }>(
        must(
          await c.post(`/api/orgs/${orgId}/tokens`, { name: 'ci', role: 'viewer', expiresInDays: 30 }),
          201,
        ),
      );
      const rel = json<{ relationship: { id: string } }>(
        must(
          await c.post(`/api/orgs/${orgId}/relationships`, {
            counterpartSlug: C.slug,
            type: 'buyer_supplier',
            side: 'from',
          }),
          201,
        ),
      );
      const job = json<{ job: { id: string } }>(must(await c.post(`/api/orgs/${orgId}/audit/verify`), 202));
      const catalogs = json<{ items: { id: string; urn: string; builtin: boolean }[] }>(
        must(await c.get(`/api/orgs/${orgId}/catalogs`), 200),
      );
      // A flat built-in catalog: its first node is an item.
      const catalog = catalogs.items.find((x) => x.urn === 'urn:shinrai:catalog:ipa-five-rules');
      if (!catalog?.builtin) throw new Error('expected the built-in catalogs');
      const pack = json<{ pack: unknown }>(
        must(await c.get(`/api/orgs/${orgId}/catalogs/${catalog.id}`), 200),
      ).pack;
      const assessment = json<{ assessment: { id: string } }>(
        must(
          await c.post(`/api/orgs/${orgId}/assessments`, { catalogId: catalog.id, title: '年次評価' }),
          201,
        ),
      );
      const ref = firstRef(pack);
      const { payload, headers } = multipart(
        { name: '証跡.txt', data: Buffer.from('walker evidence') },
        { ref },
      );
      const evidence = json<{ evidence: { id: string } }>(
        must(
          await c.app.inject({
            method: 'POST',
            url: `/api/orgs/${orgId}/assessments/${assessment.assessment.id}/evidence`,
            payload,
            headers: { ...headers, cookie: c.cookie ?? '', 'x-csrf-token': c.csrf ?? '' },
          }),
          201,
        ),
      );
      // Sharing: this organization buys from C (C shares a result with it) and supplies C (it shares one with C).
      must(await users.owner.post(`/api/orgs/${C.id}/relationships/${rel.relationship.id}/accept`), 200);
      const supplies = json<{ relationship: { id: string } }>(
        must(
          await c.post(`/api/orgs/${orgId}/relationships`, {
            counterpartSlug: C.slug,
            type: 'buyer_supplier',
            side: 'to',
          }),
          201,
        ),
      );
      must(await users.owner.post(`/api/orgs/${C.id}/relationships/${supplies.relationship.id}/accept`), 200);
      const ownShare = json<{ share: { id: string } }>(
        must(
          await c.post(`/api/orgs/${orgId}/shares`, {
            assessmentId: assessment.assessment.id,
            withOrgId: C.id,
          }),
          201,
        ),
      );
      const cAssessment = json<{ assessment: { id: string } }>(
        must(
          await users.owner.post(`/api/orgs/${C.id}/assessments`, {
            catalogId: catalog.id,
            title: 'C社の評価',
          }),
          201,
        ),
      );
      const received = json<{ share: { id: string } }>(
        must(
          await users.owner.post(`/api/orgs/${C.id}/shares`, {
            assessmentId: cAssessment.assessment.id,
            withOrgId: orgId,
          }),
          201,
        ),
      );
      must(
        await c.req('PUT', `/api/orgs/${orgId}/sme/policy`, {
          companyName: '歩行テスト株式会社',
          representativeTitle: '代表取締役',
          representativeName: '歩行 花子',
          scope: '全社',
          contact: '総務部',
          establishedOn: '2026-04-01',
        }),
        204,
      );
      const model = json<{ model: { id: string } }>(
        must(
          await c.post(`/api/orgs/${orgId}/cpsf/models`, {
            name: '工場モデル',
            graph: {
              elements: [
                { id: 'SENSOR-1', name: 'センサー', component: 'thing', thingKind: 'iot_device', layer: 2 },
              ],
              edges: [],
            },
          }),
          201,
        ),
      );
      const product = json<{ product: { id: string } }>(
        must(await c.post(`/api/orgs/${orgId}/software/products`, { name: '制御盤', kind: 'device' }), 201),
      );
      const release = json<{ release: { id: string } }>(
        must(
          await c.post(`/api/orgs/${orgId}/software/products/${product.product.id}/releases`, {
            version: '1.0.0',
          }),
          201,
        ),
      );
      const supplier = json<{ supplier: { id: string } }>(
        must(await c.post(`/api/orgs/${orgId}/suppliers`, { name: '巡回用取引先' }), 201),
      );
      // An attack-information sharing hub of its own (A's and B's differ) that it is a member of and reported to.
      const hub = await makeOrg(`歩行共有ハブ ${orgId.slice(0, 4)}`, 'hub');
      must(await users.owner.req('PUT', `/api/orgs/${hub.id}/sharing/hub`, { ndaVersion: 'v1' }), 200);
      const hubGroup = json<{ group: { id: string } }>(
        must(await users.owner.post(`/api/orgs/${hub.id}/sharing/groups`, { name: '歩行' }), 201),
      ).group.id;
      const member = json<{ relationship: { id: string } }>(
        must(
          await users.owner.post(`/api/orgs/${hub.id}/relationships`, {
            counterpartSlug: json<{ organization: { slug: string } }>(await c.get(`/api/orgs/${orgId}`))
              .organization.slug,
            type: 'hub_member',
            side: 'from',
          }),
          201,
        ),
      ).relationship.id;
      must(await c.post(`/api/orgs/${orgId}/relationships/${member}/accept`), 200);
      must(await c.post(`/api/orgs/${orgId}/sharing/hubs/${hub.id}/nda`, { version: 'v1' }), 200);
      const report = json<{ report: { id: string; revision: number } }>(
        must(
          await c.post(`/api/orgs/${orgId}/sharing/hubs/${hub.id}/reports`, {
            title: '歩行報告',
            text: '198.51.100.1 からの不審な通信',
            lang: 'ja',
            attackType: 'other',
            occurredOn: '2026-11-01',
          }),
          201,
        ),
      ).report;
      const mail = multipart({ name: 'walk.log', data: Buffer.from('198.51.100.1 CONNECT\n') }, {});
      const attached = json<{ report: { revision: number; attachments: { id: string }[] } }>(
        must(
          await c.app.inject({
            method: 'POST',
            url: `/api/orgs/${orgId}/sharing/reports/${report.id}/attachments`,
            payload: mail.payload,
            headers: { ...mail.headers, cookie: c.cookie ?? '', 'x-csrf-token': c.csrf ?? '' },
          }),
          201,
        ),
      ).report;
      report.revision = attached.revision;
      const reviewed = json<{ report: { revision: number } }>(
        must(
          await users.owner.req('PUT', `/api/orgs/${hub.id}/sharing/reports/${report.id}/review`, {
            revision: report.revision,
            publishedTitle: '不審な通信',
            redactions: [],
            indicators: [],
          }),
          200,
        ),
      ).report;
      must(
        await c.post(`/api/orgs/${orgId}/sharing/reports/${report.id}/decision`, {
          revision: reviewed.revision,
          approve: true,
        }),
        200,
      );
      must(
        await users.owner.post(`/api/orgs/${hub.id}/sharing/reports/${report.id}/publish`, {
          revision: reviewed.revision,
          tlp: 'green',
        }),
        200,
      );
      // The advisory database is shared by the instance: one record, visible from every organization.
      await writeAdvisories(t.db.store.db, [
        {
          advisory: {
            id: 'GHSA-walk-walk-walk',
            modified: '2024-01-01T00:00:00Z',
            published: null,
            withdrawn: null,
            malicious: 0,
            summary: 'walker advisory',
            aliases: '[]',
            severity: 'unknown',
            score: null,
            vector: null,
            record: '{"id":"GHSA-walk-walk-walk","modified":"2024-01-01T00:00:00Z"}',
            imported_at: '2024-01-01T00:00:00Z',
          },
          packages: [{ ecosystem: 'npm', base_ecosystem: 'npm', name: 'walker' }],
        },
      ]);
      const campaign = await seedCampaign(t, orgId, catalog.id);
      // A TAXII source the organization pulls from (no worker runs here, so it is never pulled).
      const intake = json<{ source: { id: string } }>(
        must(
          await c.post(`/api/orgs/${orgId}/sharing/intake/sources`, {
            name: 'walk',
            apiRootUrl: 'https://taxii.example.org/api1/',
            collectionId: 'c1',
            authKind: 'none',
            intervalMinutes: 60,
          }),
          201,
        ),
      ).source;
      return {
        intakeSourceId: intake.id,
        ...campaign,
        ...(await seedInboxRequest(t, orgId, catalog.id)),
        ...(await seedStarResult(t, orgId, campaign.requestId)),
        advisoryId: 'GHSA-walk-walk-walk',
        hubId: hub.id,
        sharingGroupId: hubGroup,
        sharingReportId: report.id,
        sharingAttachmentId: attached.attachments[0]?.id ?? '',
        productId: product.product.id,
        supplierId: supplier.supplier.id,
        releaseId: release.release.id,
        modelId: model.model.id,
        shareId: ownShare.share.id,
        receivedShareId: received.share.id,
        invitationId: inv.invitation.id,
        tokenId: tok.token.id,
        relationshipId: rel.relationship.id,
        jobId: job.job.id,
        catalogId: catalog.id,
        assessmentId: assessment.assessment.id,
        ref,
        evidenceId: evidence.evidence.id,
      };
    }
    const orgA = json<{ organization: { slug: string; name: string } }>(
      must(await users.owner.get(`/api/orgs/${setup.orgId}`), 200),
    );
    A = {
      orgId: setup.orgId,
      userId: memberId,
      ...(await resources(users.owner, setup.orgId)),
      slug: orgA.organization.slug,
      name: orgA.organization.name,
    };
    B = {
      orgId: orgB.id,
      userId: bobId,
      ...(await resources(bob, orgB.id)),
      slug: orgB.slug,
      name: orgB.name,
    };

    const mint = async (c: Client, orgId: string, role: string) =>
      json<{ secret: string }>(
        must(
          await c.post(`/api/orgs/${orgId}/tokens`, { name: `${role} token`, role, expiresInDays: 7 }),
          201,
        ),
      ).secret;
    tokensA.owner = await mint(users.owner, A.orgId, 'owner');
    tokensA.admin = await mint(users.owner, A.orgId, 'admin');
    tokensA.viewer = await mint(users.owner, A.orgId, 'viewer');
    tokenB = await mint(bob, B.orgId, 'admin');

    secrets = [
      A.orgId,
      A.slug,
      A.name,
      B.orgId,
      B.slug,
      B.name,
      C.id,
      C.slug,
      C.name,
      ADMIN.email,
      'bob@example.jp',
    ];
    secrets.push(...(['admin', 'member', 'viewer', 'auditor'] as const).map((r) => `${r}-a@example.jp`));
  });

  afterAll(async () => {
    await t.close();
  });

  it('has classified every documented route, and the public ones are exactly the allowlist', () => {
    const documented = routes.map((r) => r.key).sort();
    expect(documented.length).toBeGreaterThan(30);
    // A new route in the document that neither the table nor its own declaration classifies fails
    // here (and in the walks below).
    expect(routes.filter((r) => !(r.key in ROUTES) && !declaredRule(r)).map((r) => r.key)).toEqual([]);
    // Where both exist, the table never lets in a role the declared permission keeps out (a
    // handler may ask more for some bodies, as prefill/upgrade with apply: true ask assessments.write).
    const disagree = routes.flatMap((r) => {
      const listed = ROUTES[r.key];
      const declared = declaredRule(r);
      if (listed?.access !== 'org' || declared?.access !== 'org') return [];
      const wider = listed.roles.filter((role) => !declared.roles.includes(role));
      const same =
        wider.length === 0 &&
        (listed.userOnly ?? false) === (declared.userOnly ?? false) &&
        (listed.instanceAdmin ?? false) === (declared.instanceAdmin ?? false);
      return same ? [] : [`${r.key}: table ${listed.roles.join('/')}, declared ${declared.roles.join('/')}`];
    });
    expect(disagree).toEqual([]);
    // Every organization route declares its permission.
    expect(
      routes
        .filter((r) => r.path.startsWith('/api/orgs/{orgId}') && !r.operation['x-permission'])
        .map((r) => r.key),
    ).toEqual([]);
    // A classified route that no longer exists fails too, so the list stays truthful.
    expect(Object.keys(ROUTES).filter((k) => !documented.includes(k))).toEqual([]);
    const publicRoutes = routes.filter((r) => rule(r).access === 'public').map((r) => r.key);
    expect(publicRoutes.sort()).toEqual([...PUBLIC_ALLOWLIST].sort());
    expect(Object.keys(ANONYMOUS_PUBLIC).sort()).toEqual([...PUBLIC_ALLOWLIST].sort());
    for (const r of routes) {
      // Organization-scoped rules only on organization paths, and vice versa.
      expect(rule(r).access === 'org', r.key).toBe(r.path.startsWith('/api/orgs/{orgId}'));
    }
  });

  it('(a) answers anonymous callers 401 everywhere but the public allowlist, which leaks nothing of an organization', async () => {
    const failures: string[] = [];
    const anon = new Client(t.app);
    for (const r of routes) {
      for (const ids of [A, randomResources()]) {
        const res = await call(anon, r, ids);
        const code = errorCode(res);
        const seen = `${r.key} → ${res.statusCode} ${code ?? ''}`;
        if (rule(r).access === 'public') {
          const want = ANONYMOUS_PUBLIC[r.key];
          if (!want || res.statusCode !== want.status || (want.code !== undefined && code !== want.code)) {
            failures.push(`${seen}, want ${JSON.stringify(want)}`);
          }
          const everything = res.body + JSON.stringify(res.headers);
          for (const s of secrets) if (everything.includes(s)) failures.push(`${seen} leaks "${s}"`);
          const cookies = [res.headers['set-cookie'] ?? []].flat();
          if (cookies.some((c) => /^shinrai_session=[^;]+/.test(c)))
            failures.push(`${seen} hands out a session`);
        } else if (res.statusCode !== 401 || code !== 'unauthenticated') {
          failures.push(`${seen}, want 401 unauthenticated`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('(b) gives a user of organization B 404 on every route of organization A, and A is unchanged', async () => {
    const before = await snapshotA();
    const failures: string[] = [];
    for (const r of orgRoutes) {
      for (const ids of [A, { ...randomResources(), orgId: A.orgId }]) {
        const res = await call(bob, r, ids);
        if (res.statusCode !== 404 && res.statusCode !== 403)
          failures.push(`${r.key} → ${res.statusCode} ${res.body}`);
        if (res.statusCode === 404 && errorCode(res) !== 'not_found')
          failures.push(`${r.key} → 404 ${res.body}`);
        for (const s of [A.name, A.slug, 'member-a@example.jp']) {
          if (res.body.includes(s)) failures.push(`${r.key} leaks "${s}"`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotA()).toEqual(before);
  });

  it('(b) refuses A’s resources addressed through B’s own organization path (no IDOR)', async () => {
    const before = await snapshotA();
    const failures: string[] = [];
    // Built-in catalogs belong to every organization, so a catalog id alone is not A's resource; nor is an
    // advisory (the advisory database is shared by the instance), nor a parameter whose value the route
    // declares as an example of shared content (a threat key).
    const shared = (r: DocumentedRoute) => Object.keys(pathExamples(r.operation));
    const privateParam = (r: DocumentedRoute) =>
      [...r.path.matchAll(/\{(\w+)\}/g)].some(
        ([, name]) => !['orgId', 'catalogId', 'advisoryId', ...shared(r)].includes(name!),
      );
    for (const r of orgRoutes.filter(privateParam)) {
      // B's organization id, A's resource ids: bob is owner of B, so only the resource lookup can stop this.
      const res = await call(bob, r, { ...A, orgId: B.orgId });
      if (res.statusCode !== 404) failures.push(`${r.key} → ${res.statusCode} ${res.body}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshotA()).toEqual(before);
  });

  it('(c) lets each role of its own organization do exactly what its role allows', async () => {
    const before = await snapshotA();
    const failures: string[] = [];
    for (const role of ['owner', 'admin', 'member', 'viewer', 'auditor'] as const) {
      for (const r of orgRoutes) {
        const spec = rule(r);
        if (spec.access !== 'org') continue;
        // Of the walking users, only the owner of A (who set the instance up) is an instance administrator.
        const allowed = spec.roles.includes(role) && (!spec.instanceAdmin || role === 'owner');
        if (allowed && r.method !== 'GET') continue; // allowed writes are exercised by the flow tests
        const res = await call(users[role], r, A);
        const want = allowed ? 200 : 403;
        if (res.statusCode !== want || (!allowed && errorCode(res) !== 'forbidden')) {
          failures.push(`${role}: ${r.key} → ${res.statusCode} ${errorCode(res) ?? ''}, want ${want}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotA()).toEqual(before);
    // The matrix is not vacuous: viewers never write, auditors only start the audit check, members only
    // fill in assessments.
    const writers = (role: Role) =>
      orgRoutes.filter((r) => {
        const spec = rule(r);
        return r.method !== 'GET' && spec.access === 'org' && spec.roles.includes(role);
      });
    expect(writers('viewer')).toEqual([]);
    expect(writers('auditor').map((r) => r.key)).toEqual(['POST /api/orgs/{orgId}/audit/verify']);
    expect(writers('member').length).toBeGreaterThan(0);
    // Members fill in assessments (CPSF models are risk assessments), draft the basic policy and keep
    // governance action items up to date, and keep the supplier registry; they import outside intelligence
    // (STIX bundles, pulling a configured TAXII source now);
    // publishing, targets and everything else is for managers.
    for (const r of writers('member'))
      expect(r.path).toMatch(
        /^\/api\/orgs\/\{orgId\}\/(assessments|sme\/policy$|governance\/actions|cpsf\/models|software\/(products|releases|findings|artifacts)|suppliers(?!\/registry-shares)|supplychain|sharing\/(hubs\/\{hubId\}\/reports|feed\/\{id\}\/comments|reports\/\{id\}\/attachments|intake\/imports|intake\/sources\/\{sourceId\}\/pull)$)/,
      );
  });

  it('(d) bounds API tokens by their role and refuse user-only routes', async () => {
    const before = await snapshotA();
    const failures: string[] = [];
    for (const role of ['viewer', 'admin'] as const) {
      const c = bearer(tokensA[role]);
      for (const r of orgRoutes) {
        const spec = rule(r);
        if (spec.access !== 'org') continue;
        const allowed = spec.roles.includes(role) && !spec.userOnly && !spec.instanceAdmin;
        if (allowed && r.method !== 'GET') continue;
        const res = await call(c, r, A);
        const want = allowed ? 200 : 403;
        if (res.statusCode !== want)
          failures.push(`${role} token: ${r.key} → ${res.statusCode} ${res.body}, want ${want}`);
      }
    }
    // Even an owner token cannot act as a person.
    const ownerToken = bearer(tokensA.owner);
    for (const r of routes) {
      const spec = rule(r);
      if (spec.access !== 'user' && !(spec.access === 'org' && (spec.userOnly || spec.instanceAdmin)))
        continue;
      const res = await call(ownerToken, r, A);
      if (res.statusCode !== 403 || errorCode(res) !== 'forbidden')
        failures.push(`owner token: ${r.key} → ${res.statusCode} ${res.body}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshotA()).toEqual(before);
  });

  it('(d) gives a token of one organization 404 on every route of another', async () => {
    const before = await snapshotA();
    const failures: string[] = [];
    for (const [secret, target] of [
      [tokensA.admin, B],
      [tokensA.owner, B],
      [tokenB, A],
    ] as const) {
      for (const r of orgRoutes) {
        const spec = rule(r);
        const res = await call(bearer(secret), r, target);
        // User-only routes refuse any token before looking at the organization.
        const want = spec.access === 'org' && (spec.userOnly || spec.instanceAdmin) ? 403 : 404;
        if (res.statusCode !== want)
          failures.push(`${r.key} on ${target.name} → ${res.statusCode} ${res.body}, want ${want}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotA()).toEqual(before);
  });

  it('(e) gives everyone but an instance administrator 403 on every advisory-database write', async () => {
    const me = async (c: Client) =>
      json<{ user: { isInstanceAdmin: boolean } }>(must(await c.get('/api/me'), 200)).user.isInstanceAdmin;
    expect(await me(users.owner)).toBe(true);
    expect(await me(users.admin)).toBe(false);
    expect(await me(bob)).toBe(false);
    // Every write under the advisory database declares it: a new one cannot ship without the check.
    const writes = routes.filter((r) => r.path.includes('/advisories') && r.method !== 'GET');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((r) => r.operation['x-instance-admin'] !== true).map((r) => r.key)).toEqual([]);
    // Anyone signed in can create an organization and be its owner: that is not enough.
    const mallory = json<{ organization: { id: string } }>(
      must(await bob.post('/api/orgs', { name: '自作の組織', kind: 'supplier' }), 201),
    ).organization.id;
    const failures: string[] = [];
    for (const r of writes) {
      for (const [who, c, orgId] of [
        ['bob, owner of his own new organization', bob, mallory],
        ['bob, owner of B', bob, B.orgId],
        ['admin of A', users.admin, A.orgId],
        ['owner token of A', bearer(tokensA.owner), A.orgId],
      ] as const) {
        const res = await call(c, r, { ...A, orgId });
        if (res.statusCode !== 403 || errorCode(res) !== 'forbidden')
          failures.push(`${who}: ${r.key} → ${res.statusCode} ${res.body}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('(d) never mints a token above the creator’s role', async () => {
    const mint = (c: Client, role: string) =>
      c.post(`/api/orgs/${A.orgId}/tokens`, { name: `${role} attempt`, role, expiresInDays: 1 });
    for (const role of ['owner', 'auditor']) {
      const res = await mint(users.admin, role);
      expect(res.statusCode, role).toBe(403);
      expect(errorCode(res)).toBe('role_not_grantable');
    }
    for (const role of ['admin', 'member', 'viewer'])
      expect((await mint(users.admin, role)).statusCode, role).toBe(201);
    expect((await mint(users.owner, 'auditor')).statusCode).toBe(201);
    for (const who of ['member', 'viewer', 'auditor'] as const) {
      const res = await mint(users[who], 'viewer');
      expect(res.statusCode, who).toBe(403);
      expect(errorCode(res)).toBe('forbidden');
    }
    // Inviting is bounded the same way: an admin cannot make an owner.
    const inv = await users.admin.post(`/api/orgs/${A.orgId}/invitations`, {
      email: 'would-be-owner@example.jp',
      role: 'owner',
    });
    expect(inv.statusCode).toBe(403);
    expect(errorCode(inv)).toBe('role_not_grantable');
  });

  it('(d) stops a token when its creator leaves the organization or loses the role it carries', async () => {
    const temp = await addMember(t, users.owner, A.orgId, 'temp-admin@example.jp', 'admin');
    const tempId = await userId(temp);
    const secret = json<{ secret: string }>(
      must(
        await temp.post(`/api/orgs/${A.orgId}/tokens`, { name: 'temp', role: 'admin', expiresInDays: 30 }),
        201,
      ),
    ).secret;
    const tok = bearer(secret);
    expect((await tok.get(`/api/orgs/${A.orgId}/members`)).statusCode).toBe(200);

    must(await users.owner.patch(`/api/orgs/${A.orgId}/members/${tempId}`, { role: 'viewer' }), 200);
    const demoted = await tok.patch(`/api/orgs/${A.orgId}`, { industry: '降格後の変更' });
    expect(demoted.statusCode).toBe(401);
    expect(json(must(await users.owner.get(`/api/orgs/${A.orgId}`), 200))).not.toMatchObject({
      organization: { industry: '降格後の変更' },
    });

    must(await users.owner.del(`/api/orgs/${A.orgId}/members/${tempId}`), 204);
    const gone = await tok.get(`/api/orgs/${A.orgId}/members`);
    expect(gone.statusCode).toBe(401);
    expect(errorCode(gone)).toBe('unauthenticated');
  });
});
