import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedIndicators } from '@shinrai/server';
import type { Client } from '../helpers/app.ts';
import { addMember, json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';

// The attack-information sharing hub: members under NDA, sector groups, report → sanitize → approve →
// publish, and the leak cases: members never learn who else is a member, who reported or who sighted.

interface Org {
  id: string;
  slug: string;
  name: string;
  user: Client;
}
interface Detail {
  id: string;
  revision: number;
  status: string;
  preview: string;
  redactions: {
    start: number;
    end: number;
    category: string;
    text: string;
    reason: string;
    source: string;
  }[];
  indicators: { type: string; value: string; reason: string; source: string }[];
}

const TEXT =
  '2026年11月5日、サンプル電機株式会社 経理部の山田太郎さん（社員番号：A12345）宛に請求書を装ったメールが届いた。' +
  '送信元は billing@sampledenki-invoice.com、本文の URL は hxxps://sampledenki-login[.]net/a.php、C2 は 203.0.113.45。' +
  '感染端末 PC-KEIRI-023（192.168.10.23）を隔離した。連絡先 ０３－１２３４－５６７８ 内線 4021、yamada@sample-denki.example.jp。' +
  '取引先のミナト商事にも同様のメールが届いている。';

describe('sharing hub: members, reports, publication, leaks', () => {
  let t: TestApp;
  let admin: Client;
  let A: Org; // reporter
  let H: Org; // hub
  let B: Org; // member in the sector group
  let C: Org; // member outside the group
  let D: Org; // not a member
  let E: Org; // member without NDA
  let groupId = '';
  let reportId = '';

  /** A user who is in no organization but the one they create. */
  async function orgOf(email: string, name: string, kind = 'enterprise'): Promise<Org> {
    const user = await addMember(t, admin, A.id, email, 'viewer');
    const me = json<{ user: { id: string } }>(await user.get('/api/me')).user.id;
    const org = json<{ organization: { id: string; slug: string } }>(
      await user.post('/api/orgs', { name, kind }),
    ).organization;
    expect((await admin.del(`/api/orgs/${A.id}/members/${me}`)).statusCode).toBe(204);
    return { id: org.id, slug: org.slug, name, user };
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
    return rel;
  }
  const nda = (m: Org, version: string, named = false) =>
    m.user.post(`/api/orgs/${m.id}/sharing/hubs/${H.id}/nda`, { version, named });
  const submit = (m: Org, text = TEXT, title = '請求書を装った標的型メール') =>
    m.user.post(`/api/orgs/${m.id}/sharing/hubs/${H.id}/reports`, {
      title,
      text,
      lang: 'ja',
      attackType: 'targeted-attack',
      occurredOn: '2026-11-05',
      indicators: [
        { type: 'sha256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
      ],
    });
  const secretsOf = (...orgs: Org[]) => orgs.flatMap((o) => [o.id, o.name, o.slug]);
  /** Every sharing read a member can make, concatenated. */
  async function everythingSeenBy(m: Org, ids: string[]) {
    const urls = [
      `/api/orgs/${m.id}/sharing/overview`,
      `/api/orgs/${m.id}/sharing/feed`,
      `/api/orgs/${m.id}/sharing/reports`,
      `/api/orgs/${m.id}/sharing/dictionary`,
      `/api/orgs/${m.id}/relationships`,
      `/api/orgs/${m.id}/audit`,
      ...ids.flatMap((id) => [
        `/api/orgs/${m.id}/sharing/feed/${id}`,
        `/api/orgs/${m.id}/sharing/feed/${id}/stix`,
        `/api/orgs/${m.id}/sharing/reports/${id}`,
      ]),
    ];
    return (await Promise.all(urls.map((u) => m.user.get(u)))).map((r) => r.body).join('\n');
  }

  beforeAll(async () => {
    t = await makeApp('sqlite');
    let orgId: string;
    ({ admin, orgId } = await setupInstance(t, 'サンプル電機株式会社'));
    A = { id: orgId, slug: '', name: 'サンプル電機株式会社', user: admin };
    A.slug = json<{ organization: { slug: string } }>(
      await admin.get(`/api/orgs/${orgId}`),
    ).organization.slug;
    H = await orgOf('hub@example.jp', '製造業情報共有ハブ', 'hub');
    B = await orgOf('b@example.jp', 'ベータ精機');
    C = await orgOf('c@example.jp', 'ガンマ化学');
    D = await orgOf('d@example.jp', 'デルタ物流');
    E = await orgOf('e@example.jp', 'イプシロン電力');
    // The reporter's own mail domain, as its people's addresses show it.
    await addMember(t, admin, A.id, 'yamada@sample-denki.example.jp', 'member');
  });
  afterAll(async () => {
    await t.close();
  });

  it('makes members under an NDA recorded with version and date; only a hub can be one', async () => {
    expect((await B.user.req('PUT', `/api/orgs/${B.id}/sharing/hub`, { ndaVersion: '1' })).statusCode).toBe(
      409,
    );
    expect(
      (await H.user.req('PUT', `/api/orgs/${H.id}/sharing/hub`, { ndaVersion: '2026-04' })).statusCode,
    ).toBe(200);
    for (const m of [A, B, C, E]) await join(m);
    expect(json<{ error: { code: string } }>(await nda(B, '2025-04')).error.code).toBe('sharing_nda_version');
    for (const m of [A, B, C]) expect((await nda(m, '2026-04', m === C)).statusCode).toBe(200);
    expect((await nda(D, '2026-04')).statusCode).toBe(404);
    const o = json<{
      memberships: { hubName: string; acceptedNdaVersion: string; ndaAcceptedAt: string; active: boolean }[];
    }>(await B.user.get(`/api/orgs/${B.id}/sharing/overview`));
    expect(o.memberships).toEqual([
      expect.objectContaining({ hubName: H.name, acceptedNdaVersion: '2026-04', active: true }),
    ]);
    const ms = json<{ items: { name: string; ndaCurrent: boolean }[] }>(
      await H.user.get(`/api/orgs/${H.id}/sharing/members`),
    );
    expect(ms.items.map((m) => [m.name, m.ndaCurrent])).toEqual(
      [
        [E.name, false],
        [C.name, true],
        [A.name, true],
        [B.name, true],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    // A member cannot list the members: it is no hub, so it has none; the hub's list is not its to read.
    expect(json<{ items: unknown[] }>(await B.user.get(`/api/orgs/${B.id}/sharing/members`)).items).toEqual(
      [],
    );
    expect((await B.user.get(`/api/orgs/${H.id}/sharing/members`)).statusCode).toBe(404);
  });

  it('lets the hub define sector groups of its members only', async () => {
    groupId = json<{ group: { id: string } }>(
      await H.user.post(`/api/orgs/${H.id}/sharing/groups`, { name: '製造業' }),
    ).group.id;
    const bad = await H.user.req('PUT', `/api/orgs/${H.id}/sharing/groups/${groupId}/members`, {
      memberOrgIds: [B.id, D.id],
    });
    expect(bad.statusCode).toBe(422);
    expect(json<{ error: { details: { pointer: string } } }>(bad).error.details.pointer).toBe(
      '/memberOrgIds/1',
    );
    const ok = await H.user.req('PUT', `/api/orgs/${H.id}/sharing/groups/${groupId}/members`, {
      memberOrgIds: [B.id, A.id],
    });
    expect(ok.statusCode).toBe(200);
    const o = json<{ memberships: { groups: { name: string }[] }[] }>(
      await B.user.get(`/api/orgs/${B.id}/sharing/overview`),
    );
    expect(o.memberships[0]?.groups.map((g) => g.name)).toEqual(['製造業']);
  });

  it('takes a report from a member only, and proposes redactions and indicators', async () => {
    expect((await submit(D)).statusCode).toBe(404);
    expect(json<{ error: { code: string } }>(await submit(E)).error.code).toBe('sharing_nda_required');
    await admin.req('PUT', `/api/orgs/${A.id}/sharing/dictionary`, {
      terms: [
        { term: 'サンプル電機', category: 'org' },
        { term: 'ミナト商事', category: 'customer' },
      ],
    });
    const res = await submit(A);
    expect(res.statusCode).toBe(201);
    const r = json<{ report: Detail }>(res).report;
    reportId = r.id;
    expect(r.status).toBe('awaiting_review');
    const red = r.redactions.map((x) => [x.category, x.text]);
    expect(red).toEqual(
      expect.arrayContaining([
        ['org', 'サンプル電機株式会社'],
        ['person', '山田太郎'],
        ['employee_id', 'A12345'],
        ['hostname', 'PC-KEIRI-023'],
        ['private_ip', '192.168.10.23'],
        ['phone', '０３－１２３４－５６７８ 内線 4021'],
        ['email', 'yamada@sample-denki.example.jp'],
        ['customer', 'ミナト商事'],
      ]),
    );
    expect(r.indicators.map((i) => [i.type, i.value, i.source])).toEqual([
      ['email', 'billing@sampledenki-invoice.com', 'text'],
      ['url', 'https://sampledenki-login.net/a.php', 'text'],
      ['ipv4', '203.0.113.45', 'text'],
      ['sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'reporter'],
    ]);
    for (const m of [B, C, D]) {
      expect((await m.user.get(`/api/orgs/${m.id}/sharing/reports/${reportId}`)).statusCode).toBe(404);
      expect((await m.user.get(`/api/orgs/${m.id}/sharing/feed/${reportId}`)).statusCode).toBe(404);
    }
  });

  it('publishes nothing without the reporter’s approval of the exact revision', async () => {
    const r = json<{ report: Detail }>(
      await H.user.get(`/api/orgs/${H.id}/sharing/reports/${reportId}`),
    ).report;
    const keep = r.redactions
      .filter((x) => x.category !== 'customer')
      .map(({ start, end, category }) => ({ start, end, category }));
    const at = TEXT.indexOf('ミナト商事');
    keep.push({ start: at, end: at + 5, category: 'org' });
    const reviewed = json<{ report: Detail }>(
      await H.user.req('PUT', `/api/orgs/${H.id}/sharing/reports/${reportId}/review`, {
        revision: r.revision,
        publishedTitle: '請求書を装ったメールによる標的型攻撃',
        redactions: keep,
        indicators: r.indicators.map(({ type, value }) => ({ type, value })),
      }),
    ).report;
    expect(reviewed.status).toBe('awaiting_approval');
    expect(reviewed.redactions.find((x) => x.start === at)).toMatchObject({
      source: 'analyst',
      reason: 'analyst',
    });
    const overlap = await H.user.req('PUT', `/api/orgs/${H.id}/sharing/reports/${reportId}/review`, {
      revision: reviewed.revision,
      publishedTitle: 'x',
      redactions: [
        { start: 0, end: 5, category: 'org' },
        { start: 3, end: 8, category: 'org' },
      ],
      indicators: [],
    });
    expect(json<{ error: { code: string; details: { pointer: string } } }>(overlap).error).toMatchObject({
      code: 'sharing_redactions_invalid',
      details: { pointer: '/redactions/1' },
    });
    const pub = (rev: number) =>
      H.user.post(`/api/orgs/${H.id}/sharing/reports/${reportId}/publish`, {
        revision: rev,
        tlp: 'amber',
        groupIds: [groupId],
      });
    expect(json<{ error: { code: string } }>(await pub(reviewed.revision)).error.code).toBe('sharing_state');
    // The hub cannot approve for the reporter; the reporter must name the revision it read.
    expect(
      (
        await H.user.post(`/api/orgs/${H.id}/sharing/reports/${reportId}/decision`, {
          revision: reviewed.revision,
          approve: true,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await admin.post(`/api/orgs/${A.id}/sharing/reports/${reportId}/decision`, {
          revision: 1,
          approve: true,
        })
      ).statusCode,
    ).toBe(409);
    const approved = json<{ report: Detail }>(
      await admin.post(`/api/orgs/${A.id}/sharing/reports/${reportId}/decision`, {
        revision: reviewed.revision,
        approve: true,
      }),
    ).report;
    expect(approved.status).toBe('approved');
    expect((await pub(approved.revision)).statusCode).toBe(200);
  });

  it('shows the published report to the sector group only, without the reporter', async () => {
    const feedB = json<{ items: { id: string; text: string; title: string; mine: boolean }[] }>(
      await B.user.get(`/api/orgs/${B.id}/sharing/feed`),
    ).items;
    expect(feedB.map((i) => i.id)).toEqual([reportId]);
    const text = feedB[0]?.text ?? '';
    for (const s of [
      'サンプル電機',
      '山田',
      'A12345',
      'PC-KEIRI',
      '192.168.10.23',
      '1234',
      'sample-denki.example.jp',
      'ミナト',
    ])
      expect(text).not.toContain(s);
    expect(text).toContain('203.0.113.45');
    expect(feedB[0]?.mine).toBe(false);
    const stix = json<{ type: string; objects: { type: string; name?: string; pattern?: string }[] }>(
      await B.user.get(`/api/orgs/${B.id}/sharing/feed/${reportId}/stix`),
    );
    expect(stix.objects.find((o) => o.type === 'identity')?.name).toBe(H.name);
    expect(stix.objects.filter((o) => o.type === 'indicator').map((o) => o.pattern)).toContain(
      "[ipv4-addr:value = '203.0.113.45']",
    );
    expect(JSON.stringify(stix)).not.toContain('サンプル電機');
    for (const m of [C, D, E]) {
      expect(json<{ items: unknown[] }>(await m.user.get(`/api/orgs/${m.id}/sharing/feed`)).items).toEqual(
        [],
      );
      expect((await m.user.get(`/api/orgs/${m.id}/sharing/feed/${reportId}`)).statusCode).toBe(404);
      expect((await m.user.get(`/api/orgs/${m.id}/sharing/feed/${reportId}/stix`)).statusCode).toBe(404);
      expect(
        (
          await m.user.post(`/api/orgs/${m.id}/sharing/feed/${reportId}/comments`, {
            kind: 'sighting',
            text: 'x',
          })
        ).statusCode,
      ).toBe(404);
    }
  });

  it('hands the SME service desk the indicators a member may pass on, with context, by TLP and audience', async () => {
    // The report went out as TLP:AMBER to B's sector group: B may pass it to its clients, not beyond.
    const forClients = await publishedIndicators(t.deps, B.id, { audience: 'clients' });
    expect(forClients.map((i) => i.value)).toContain('203.0.113.45');
    expect(forClients[0]).toMatchObject({
      reportId,
      tlp: 'amber',
      hubName: H.name,
    });
    expect(forClients[0]?.attackType).toBeTruthy();
    expect(JSON.stringify(forClients)).not.toContain('サンプル電機');
    expect(await publishedIndicators(t.deps, B.id, { audience: 'community' })).toEqual([]);
    expect(await publishedIndicators(t.deps, B.id, { audience: 'clients', since: '2999-01-01' })).toEqual([]);
    // Outside the group, not a member, or without the NDA: nothing, whatever the audience.
    for (const m of [C, D, E])
      expect(await publishedIndicators(t.deps, m.id, { audience: 'organization' })).toEqual([]);
  });

  it('keeps sightings anonymous unless the member chose to be named; the hub sees who', async () => {
    await H.user.req('PUT', `/api/orgs/${H.id}/sharing/groups/${groupId}/members`, {
      memberOrgIds: [A.id, B.id, C.id],
    });
    expect(
      (
        await B.user.post(`/api/orgs/${B.id}/sharing/feed/${reportId}/comments`, {
          kind: 'sighting',
          text: '当社でも同じ送信元を観測',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await C.user.post(`/api/orgs/${C.id}/sharing/feed/${reportId}/comments`, {
          kind: 'comment',
          text: '同じ C2 を遮断済み',
        })
      ).statusCode,
    ).toBe(201);
    const authors = async (m: Org) =>
      json<{ report: { comments: { author: string | null; mine: boolean }[] } }>(
        await m.user.get(`/api/orgs/${m.id}/sharing/feed/${reportId}`),
      ).report.comments.map((c) => c.author);
    expect(await authors(A)).toEqual([null, C.name]);
    expect(await authors(B)).toEqual([B.name, C.name]);
    expect(await authors(H)).toEqual([B.name, C.name]);
  });

  it('never lets a member learn another member, the reporter or a sighter (every read, audit and relationships)', async () => {
    // C chose to be named on its comments: its name may appear, nothing else of it.
    const seenByB = await everythingSeenBy(B, [reportId]);
    for (const s of [...secretsOf(A, D, E), C.id, C.slug]) expect(seenByB).not.toContain(s);
    expect(seenByB).toContain(C.name);
    const seenByC = await everythingSeenBy(C, [reportId]);
    for (const s of secretsOf(A, B, D, E)) expect(seenByC).not.toContain(s);
    const seenByA = await everythingSeenBy(A, [reportId]);
    for (const s of secretsOf(B, D, E)) expect(seenByA).not.toContain(s);
  });

  it('gives a TLP:RED report to no member, and nothing after the relationship ends', async () => {
    const r = json<{ report: Detail }>(
      await submit(A, '別件: 198.51.100.7 からの不審な通信。', '不審な通信'),
    ).report;
    const rev = json<{ report: Detail }>(
      await H.user.req('PUT', `/api/orgs/${H.id}/sharing/reports/${r.id}/review`, {
        revision: r.revision,
        publishedTitle: '不審な通信',
        redactions: [],
        indicators: [{ type: 'ipv4', value: '198.51.100.7' }],
      }),
    ).report;
    await admin.post(`/api/orgs/${A.id}/sharing/reports/${r.id}/decision`, {
      revision: rev.revision,
      approve: true,
    });
    expect(
      (
        await H.user.post(`/api/orgs/${H.id}/sharing/reports/${r.id}/publish`, {
          revision: rev.revision,
          tlp: 'red',
        })
      ).statusCode,
    ).toBe(200);
    for (const m of [A, B, C]) {
      expect((await m.user.get(`/api/orgs/${m.id}/sharing/feed/${r.id}`)).statusCode).toBe(404);
      expect(
        json<{ items: { id: string }[] }>(await m.user.get(`/api/orgs/${m.id}/sharing/feed`)).items.map(
          (i) => i.id,
        ),
      ).toEqual([reportId]);
    }
    const rels = json<{ items: { id: string; type: string; to: { id: string } }[] }>(
      await B.user.get(`/api/orgs/${B.id}/relationships`),
    );
    const rel = rels.items.find((x) => x.type === 'hub_member');
    expect((await B.user.post(`/api/orgs/${B.id}/relationships/${rel?.id}/end`)).statusCode).toBe(200);
    expect(json<{ items: unknown[] }>(await B.user.get(`/api/orgs/${B.id}/sharing/feed`)).items).toEqual([]);
    expect((await B.user.get(`/api/orgs/${B.id}/sharing/feed/${reportId}`)).statusCode).toBe(404);
  });
});
