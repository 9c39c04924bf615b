import { JobWorker } from '@shinrai/server';
import { enqueueJob, insertCatalog } from '@shinrai/store';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePeerBenchmarks, governanceOverdueJob } from '@shinrai/server/modules/governance';
import { addMember, json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { pdfText } from '../helpers/pdf-text.ts';

const URN = 'urn:shinrai:catalog:meti-cyber-mgmt-guidelines';
const ORG_NAME = '信頼ホールディングス株式会社';
/** The clock moves one second per reading, so creation order is strict; it starts on 1 April 2030 (JST). */
const T0 = Date.parse('2030-04-01T00:00:00.000Z');

interface PackNode {
  ref: string;
  answerModel?: string;
  children?: PackNode[];
}
interface Axis {
  ref: string;
  title: { ja: string; en: string };
  current: number | null;
  previous: number | null;
  target: number | null;
  currentLevel: number | null;
  targetLevel: number | null;
  actions: { open: number; done: number; overdue: number };
}
interface Radar {
  assessment: { id: string; catalogVersion: string; percent: number | null } | null;
  previous: { id: string; catalogVersion: string } | null;
  axes: Axis[];
}
interface Action {
  id: string;
  directive: string;
  title: string;
  owner: { id: string; displayName: string | null };
  dueDate: string;
  status: string;
  kpi: { text: string; target: number | null; current: number | null } | null;
  overdue: boolean;
}

function must(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res;
}
const code = (res: LightMyRequestResponse) => json<{ error?: { code?: string } }>(res).error?.code;

describe('governance (サイバーセキュリティ経営): targets, radar, peers, group, actions, board report', () => {
  let t: TestApp;
  let clock = T0;
  let admin: Client;
  let member: Client;
  let viewer: Client;
  /** A user of other organizations only: never a member of the caller's organization. */
  let peerUser: Client;
  let orgId: string;
  let catalogId: string;
  let memberId: string;
  let adminId: string;
  let peerUserId: string;
  /** Item refs under each directive (1..10) of the built-in pack. */
  const items = new Map<number, string[]>();
  let lastYear: string;
  let thisYear: string;

  const userId = async (c: Client) => json<{ user: { id: string } }>(await c.get('/api/me')).user.id;

  async function newOrg(c: Client, name: string, industry?: string) {
    const org = json<{ organization: { id: string; slug: string; name: string } }>(
      must(await c.post('/api/orgs', { name, kind: 'enterprise' }), 201),
    ).organization;
    if (industry !== undefined) must(await c.patch(`/api/orgs/${org.id}`, { industry }), 200);
    return org;
  }

  /**
   * A governance assessment answered through the API: `levels(n)` are the maturity levels of the first
   * questions of directive n (none: unanswered); then moved to `status` by an owner.
   */
  async function governance(
    c: Client,
    org: string,
    title: string,
    levels: (n: number) => number[],
    status: 'draft' | 'approved' | 'locked' = 'approved',
    catalog = catalogId,
  ): Promise<string> {
    const id = json<{ assessment: { id: string } }>(
      must(await c.post(`/api/orgs/${org}/assessments`, { catalogId: catalog, title }), 201),
    ).assessment.id;
    for (let n = 1; n <= 10; n++) {
      const refs = items.get(n) ?? [];
      for (const [i, level] of levels(n).entries()) {
        must(
          await c.req('PUT', `/api/orgs/${org}/assessments/${id}/answers/${refs[i]}`, {
            value: { kind: 'maturity', level },
            revision: 0,
          }),
          200,
        );
      }
    }
    const moves = {
      draft: [],
      approved: ['in_review', 'approved'],
      locked: ['in_review', 'approved', 'locked'],
    };
    for (const to of moves[status])
      must(await c.post(`/api/orgs/${org}/assessments/${id}/status`, { to }), 200);
    return id;
  }

  beforeAll(async () => {
    t = await makeApp('sqlite', { now: () => new Date((clock += 1000)) });
    ({ admin, orgId } = await setupInstance(t, ORG_NAME)); // industry 製造業
    member = await addMember(t, admin, orgId, 'member@example.jp', 'member');
    viewer = await addMember(t, admin, orgId, 'viewer@example.jp', 'viewer');
    adminId = await userId(admin);
    memberId = await userId(member);
    // The peer user joins a staging organization only, then runs organizations of their own.
    const staging = await newOrg(admin, '準備用組織');
    peerUser = await addMember(t, admin, staging.id, 'peer@example.jp', 'owner');
    peerUserId = await userId(peerUser);

    const cats = json<{ items: { id: string; urn: string }[] }>(
      await admin.get(`/api/orgs/${orgId}/catalogs`),
    );
    catalogId = cats.items.find((c) => c.urn === URN)?.id ?? '';
    const pack = json<{ pack: { nodes: PackNode[] } }>(
      await admin.get(`/api/orgs/${orgId}/catalogs/${catalogId}`),
    ).pack;
    const walk = (nodes: PackNode[]) => {
      for (const n of nodes) {
        const m = /^directive-(\d+)$/.exec(n.ref);
        if (m)
          items.set(
            Number(m[1]),
            (n.children ?? []).filter((c) => c.answerModel).map((c) => c.ref),
          );
        walk(n.children ?? []);
      }
    };
    walk(pack.nodes);
    expect([...items.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    // Last year: directive 1 answered 2 and 3 (50 %), the others 2 (40 %); approved.
    lastYear = await governance(admin, orgId, '2029年度', (n) => (n === 1 ? [2, 3] : [2]));
    // This year: directive 1 at 3 (60 %), directive 2 at 4 (80 %), the others 3 (60 %); still a draft.
    thisYear = await governance(admin, orgId, '2030年度', (n) => [n === 2 ? 4 : 3], 'draft');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('target profile', () => {
    it('is set by owners and admins as levels 0–5 and read by everyone, also as percent', async () => {
      const empty = json<{ targets: { levels: Record<string, number | null> } }>(
        must(await viewer.get(`/api/orgs/${orgId}/governance/targets`), 200),
      );
      expect(empty.targets.levels['directive-1']).toBeNull();
      const put = (c: Client, targets: unknown) =>
        c.req('PUT', `/api/orgs/${orgId}/governance/targets`, { targets });
      expect((await put(member, { 'directive-1': 4 })).statusCode).toBe(403);
      expect((await put(viewer, { 'directive-1': 4 })).statusCode).toBe(403);
      expect((await put(admin, { 'directive-1': 3.3 })).statusCode).toBe(400);
      expect((await put(admin, { 'directive-1': 6 })).statusCode).toBe(400);
      expect((await put(admin, { 'directive-11': 3 })).statusCode).toBe(400);
      const res = json<{
        targets: { levels: Record<string, number | null>; percents: Record<string, number | null> };
      }>(must(await put(admin, { 'directive-1': 4, 'directive-2': 3.5, 'directive-3': 5 }), 200));
      expect(res.targets.levels).toMatchObject({
        'directive-1': 4,
        'directive-2': 3.5,
        'directive-3': 5,
        'directive-4': null,
      });
      expect(res.targets.percents).toMatchObject({
        'directive-1': 80,
        'directive-2': 70,
        'directive-3': 100,
      });
      const audit = json<{ items: { action: string }[] }>(await admin.get(`/api/orgs/${orgId}/audit`));
      expect(audit.items.map((e) => e.action)).toContain('governance.targets');
    });
  });

  describe('radar', () => {
    it('shows this assessment, last year’s and the target on ten axes with the pack’s titles', async () => {
      const r = json<Radar>(
        must(await viewer.get(`/api/orgs/${orgId}/governance/radar?assessmentId=${thisYear}`), 200),
      );
      expect(r.assessment?.id).toBe(thisYear);
      expect(r.previous?.id).toBe(lastYear);
      expect(r.axes.map((a) => a.ref)).toEqual(Array.from({ length: 10 }, (_, i) => `directive-${i + 1}`));
      expect(r.axes[0]).toMatchObject({
        current: 60,
        previous: 50,
        target: 80,
        currentLevel: 3,
        targetLevel: 4,
      });
      expect(r.axes[0]?.title.ja).toMatch(/^指示1 /);
      expect(r.axes[0]?.title.en).toMatch(/^Directive 1:/);
      expect(r.axes[1]).toMatchObject({ current: 80, previous: 40, target: 70 });
      expect(r.axes[2]).toMatchObject({ current: 60, previous: 40, target: 100 });
      expect(r.axes[3]).toMatchObject({ current: 60, previous: 40, target: null });
      // Without an assessment id: the newest one.
      expect(json<Radar>(await viewer.get(`/api/orgs/${orgId}/governance/radar`)).assessment?.id).toBe(
        thisYear,
      );
      // Last year's has nothing before it.
      const first = json<Radar>(
        await viewer.get(`/api/orgs/${orgId}/governance/radar?assessmentId=${lastYear}`),
      );
      expect(first.previous).toBeNull();
      expect(first.axes[0]?.current).toBe(50);
    });

    it('refuses an assessment of another catalog and one of another organization', async () => {
      const cats = json<{ items: { id: string; urn: string }[] }>(
        await admin.get(`/api/orgs/${orgId}/catalogs`),
      );
      const sme = cats.items.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')?.id;
      const smeAssessment = json<{ assessment: { id: string } }>(
        must(await admin.post(`/api/orgs/${orgId}/assessments`, { catalogId: sme, title: '自社診断' }), 201),
      ).assessment.id;
      const res = await admin.get(`/api/orgs/${orgId}/governance/radar?assessmentId=${smeAssessment}`);
      expect(res.statusCode).toBe(409);
      expect(code(res)).toBe('governance_catalog_required');
      const mine = await newOrg(peerUser, '無関係株式会社');
      const foreign = await governance(peerUser, mine.id, '他社の評価', () => [5], 'draft');
      expect(
        (await admin.get(`/api/orgs/${orgId}/governance/radar?assessmentId=${foreign}`)).statusCode,
      ).toBe(404);
      // Someone outside the organization learns nothing of it.
      for (const path of ['radar', 'targets', 'actions', 'peers', 'group', 'report.pdf', 'report.xlsx']) {
        const r = await peerUser.get(`/api/orgs/${orgId}/governance/${path}`);
        expect(r.statusCode, path).toBe(404);
        expect(code(r)).toBe('not_found');
      }
    });

    it('works across versions of the catalog: the previous one may be an older version', async () => {
      const pack = json<{ pack: Record<string, unknown> & { nodes: (PackNode & { title: object })[] } }>(
        await admin.get(`/api/orgs/${orgId}/catalogs/${catalogId}`),
      ).pack;
      const next = structuredClone(pack) as typeof pack & { version: string };
      next.version = '3.1.0';
      const directives = next.nodes.find((n) => n.ref === 'directives');
      const d1 = directives?.children?.find((n) => n.ref === 'directive-1') as { title: object } | undefined;
      if (d1) d1.title = { ja: '指示1 改訂版の題名', en: 'Directive 1: revised title' };
      const id = randomUUID();
      await t.deps.store.db.transaction().execute((trx) =>
        insertCatalog(trx, {
          id,
          scope: orgId,
          pack: next as never,
          checksum: 'test',
          now: new Date(clock).toISOString(),
        }),
      );
      const v31 = await governance(admin, orgId, '2030年度（改訂版）', () => [4], 'draft', id);
      const r = json<Radar>(
        must(await admin.get(`/api/orgs/${orgId}/governance/radar?assessmentId=${v31}`), 200),
      );
      expect(r.assessment).toMatchObject({ id: v31, catalogVersion: '3.1.0' });
      expect(r.previous).toMatchObject({ id: thisYear, catalogVersion: '3.0.1' });
      expect(r.axes[0]).toMatchObject({
        title: { ja: '指示1 改訂版の題名' },
        current: 80,
        previous: 60,
        target: 80,
      });
    });
  });

  describe('same-industry comparison', () => {
    type Peers = {
      contributors: number;
      computedAt: string | null;
      rule: { minContributors: number; bucketPoints: number };
    } & (
      | { available: false; reason: string }
      | { available: true; averages: { ref: string; average: number | null }[] }
    );
    const peersOf = async (c: Client, org = orgId) =>
      json<Peers>(must(await c.get(`/api/orgs/${org}/governance/peers`), 200));
    const peerOrgs: { id: string; slug: string; name: string }[] = [];
    const RULE = { minContributors: 10, bucketPoints: 10 };

    /** A corporate number (法人番号) with its check digit, from a 12-digit body. */
    const corporateNumber = (seed: number) => {
      const body = String(100_000_000_000 + seed).slice(-12);
      let sum = 0;
      for (let n = 1; n <= 12; n++) sum += Number(body[12 - n]) * (n % 2 === 1 ? 1 : 2);
      return `${9 - (sum % 9)}${body}`;
    };
    let seed = 0;
    /** A verified organization of its own person (not a member of ours), in the industry, assessed at `level`. */
    async function contributor(c: Client, name: string, levels: (n: number) => number[], verified = true) {
      const org = await newOrg(c, name, '製造業');
      if (verified)
        must(await c.patch(`/api/orgs/${org.id}`, { corporateNumber: corporateNumber(++seed) }), 200);
      await governance(c, org.id, '評価', levels);
      peerOrgs.push(org);
      return org;
    }
    const person = async (i: number) => addMember(t, admin, staging, `peer${i}@example.jp`, 'viewer');
    let staging: string;

    it('is computed on a schedule, and counts only distinct, verified organizations', async () => {
      staging = (await newOrg(admin, '採用準備組織')).id;
      // Nothing computed yet: the page says so (and the rule).
      expect(await peersOf(admin)).toEqual({
        available: false,
        contributors: 0,
        computedAt: null,
        rule: RULE,
        reason: 'not_computed',
      });
      // Eight organizations of eight people: levels 1, 2, 2, 4, 3, 3, 1, 5 (20 … 100 %).
      for (const [i, level] of [1, 2, 2, 4, 3, 3, 1, 5].entries())
        await contributor(await person(i), `同業${i + 1}株式会社`, () => [level]);
      // One person's four throwaway organizations, each with its own corporate number: one contributor.
      for (let i = 0; i < 4; i++) await contributor(peerUser, `使い捨て${i + 1}株式会社`, () => [5]);
      // Not counted: no corporate number; a draft only; another industry.
      await contributor(await person(90), '番号なし株式会社', () => [0], false);
      const draftOnly = await newOrg(peerUser, '下書きのみ株式会社', '製造業');
      await governance(peerUser, draftOnly.id, '評価', () => [5], 'draft');
      await governance(peerUser, (await newOrg(peerUser, '他業種株式会社', '小売業')).id, '評価', () => [5]);
      // Not live: nothing changes until the scheduled computation runs.
      expect(await peersOf(admin)).toMatchObject({ available: false, reason: 'not_computed' });
      await computePeerBenchmarks(t.deps);
      for (const c of [admin, viewer]) {
        const r = await peersOf(c);
        expect(r).toEqual({
          available: false,
          contributors: 9,
          computedAt: expect.any(String) as unknown,
          rule: RULE,
          reason: 'too_few',
        });
      }
      // Ten people signing up (one scrypt each) and thirty assessments: more than the default 30 s on a busy machine.
    }, 180_000);

    it('shows a bucketed average once ten distinct organizations contribute, never one organization’s value', async () => {
      // The tenth: level 0, directive 10 left unanswered (only nine values there, so no average for it).
      await contributor(await person(9), '同業10株式会社', (n) => (n === 10 ? [] : [0]));
      // Still the old answer until the next computation.
      expect(await peersOf(admin)).toMatchObject({ available: false, contributors: 9 });
      await computePeerBenchmarks(t.deps);
      const res = await admin.get(`/api/orgs/${orgId}/governance/peers`);
      const r = json<Peers>(must(res, 200));
      // (20 + 40 + 40 + 80 + 60 + 60 + 20 + 100 + 100 + 0) / 10 = 52 → the 50 bucket, for directives 1–9.
      expect(r).toEqual({
        available: true,
        contributors: 10,
        computedAt: expect.any(String) as unknown,
        rule: RULE,
        averages: Array.from({ length: 10 }, (_, i) => ({
          ref: `directive-${i + 1}`,
          average: i === 9 ? null : 50,
        })),
      });
      // Nothing identifies a contributor, and neither the exact average nor one contributor's value shows.
      for (const o of peerOrgs) for (const s of [o.id, o.slug, o.name]) expect(res.body).not.toContain(s);
      const numbers = (res.body.match(/\d+(\.\d+)?/g) ?? []).map(Number);
      for (const single of [52, 20, 40, 80, 60, 100]) expect(numbers).not.toContain(single);
    });

    it('has nothing to compare without an industry', async () => {
      const solo = await newOrg(peerUser, '業種未設定株式会社');
      expect(await peersOf(peerUser, solo.id)).toEqual({
        available: false,
        contributors: 0,
        computedAt: null,
        rule: RULE,
        reason: 'no_industry',
      });
    });
  });

  describe('group comparison', () => {
    interface Group {
      companies: {
        organization: { id: string; name: string };
        self: boolean;
        overall: number | null;
        directives: Record<string, number | null>;
      }[];
    }
    const group = async (c: Client) =>
      json<Group>(must(await c.get(`/api/orgs/${orgId}/governance/group`), 200));
    const request = async (slug: string) =>
      json<{ relationship: { id: string } }>(
        must(
          await admin.post(`/api/orgs/${orgId}/relationships`, {
            counterpartSlug: slug,
            type: 'group_company',
            side: 'from',
          }),
          201,
        ),
      ).relationship.id;

    it('lists only group companies that accepted, and drops one whose relationship ended', async () => {
      const accepted = await newOrg(peerUser, 'グループ承諾株式会社');
      const pending = await newOrg(peerUser, 'グループ未承諾株式会社');
      const declined = await newOrg(peerUser, 'グループ辞退株式会社');
      const ended = await newOrg(peerUser, 'グループ終了株式会社');
      const parentOfUs = await newOrg(peerUser, '当社の親会社株式会社');
      for (const [o, level] of [
        [accepted, 3],
        [pending, 4],
        [declined, 5],
        [ended, 1],
        [parentOfUs, 2],
      ] as const) {
        await governance(peerUser, o.id, '評価', (n) => (n === 1 ? [level, 5] : [level]));
      }
      const ids = {
        accepted: await request(accepted.slug),
        pending: await request(pending.slug),
        declined: await request(declined.slug),
        ended: await request(ended.slug),
      };
      must(await peerUser.post(`/api/orgs/${accepted.id}/relationships/${ids.accepted}/accept`), 200);
      must(await peerUser.post(`/api/orgs/${declined.id}/relationships/${ids.declined}/decline`), 200);
      must(await peerUser.post(`/api/orgs/${ended.id}/relationships/${ids.ended}/accept`), 200);
      // We are the group company of another parent: that parent does not appear in our comparison.
      const up = json<{ relationship: { id: string } }>(
        must(
          await peerUser.post(`/api/orgs/${parentOfUs.id}/relationships`, {
            counterpartSlug: json<{ organization: { slug: string } }>(await admin.get(`/api/orgs/${orgId}`))
              .organization.slug,
            type: 'group_company',
            side: 'from',
          }),
          201,
        ),
      ).relationship.id;
      must(await admin.post(`/api/orgs/${orgId}/relationships/${up}/accept`), 200);

      const before = await group(viewer);
      expect(before.companies.map((c) => c.organization.name)).toEqual([
        ORG_NAME,
        'グループ承諾株式会社',
        'グループ終了株式会社',
      ]);
      expect(before.companies[0]).toMatchObject({ self: true, directives: { 'directive-1': 50 } });
      const acc = before.companies.find((c) => c.organization.id === accepted.id);
      expect(acc?.directives).toMatchObject({ 'directive-1': 80, 'directive-2': 60, 'directive-10': 60 });
      for (const name of ['グループ未承諾株式会社', 'グループ辞退株式会社', '当社の親会社株式会社'])
        expect(JSON.stringify(before)).not.toContain(name);

      // Either side ends it: the company disappears.
      must(await peerUser.post(`/api/orgs/${ended.id}/relationships/${ids.ended}/end`), 200);
      const after = await group(admin);
      expect(after.companies.map((c) => c.organization.name)).toEqual([ORG_NAME, 'グループ承諾株式会社']);

      // The comparison is all the parent gets: the group company's own data stays closed.
      const theirs = json<{ items: { id: string }[] }>(
        await peerUser.get(`/api/orgs/${accepted.id}/assessments`),
      ).items[0]?.id;
      expect((await admin.get(`/api/orgs/${accepted.id}/assessments/${theirs}`)).statusCode).toBe(404);
      expect((await admin.get(`/api/orgs/${accepted.id}/governance/radar`)).statusCode).toBe(404);
      expect((await admin.get(`/api/orgs/${accepted.id}/governance/group`)).statusCode).toBe(404);
      // …and the group company does not see the parent's comparison either.
      const theirGroup = json<Group>(
        must(await peerUser.get(`/api/orgs/${accepted.id}/governance/group`), 200),
      );
      expect(theirGroup.companies.map((c) => c.organization.id)).toEqual([accepted.id]);
    });
  });

  describe('PDCA action items', () => {
    const base = () => `/api/orgs/${orgId}/governance/actions`;
    let overdueId: string;
    let laterId: string;
    let doneId: string;

    it('are created by writers with a member as owner, and not by viewers', async () => {
      const create = (c: Client, body: unknown) => c.post(base(), body);
      const overdue = json<{ action: Action }>(
        must(
          await create(member, {
            directive: 'directive-1',
            title: '全社リスク一覧にサイバーリスクを追加',
            ownerId: memberId,
            dueDate: '2030-03-31',
            kpi: { text: '経営会議での審議回数', target: 4, current: 1 },
          }),
          201,
        ),
      ).action;
      expect(overdue).toMatchObject({
        status: 'planned',
        overdue: true,
        owner: { id: memberId, displayName: 'member' },
        kpi: { text: '経営会議での審議回数', target: 4, current: 1 },
      });
      overdueId = overdue.id;
      laterId = json<{ action: Action }>(
        must(
          await create(admin, {
            directive: 'directive-1',
            title: '方針の年次見直し',
            ownerId: adminId,
            dueDate: '2030-04-01', // due today (Japan): not overdue yet
            status: 'in_progress',
          }),
          201,
        ),
      ).action.id;
      doneId = json<{ action: Action }>(
        must(
          await create(member, {
            directive: 'directive-2',
            title: 'CISOの任命',
            ownerId: adminId,
            dueDate: '2030-01-31',
            status: 'done',
          }),
          201,
        ),
      ).action.id;
      expect(
        (
          await create(viewer, {
            directive: 'directive-1',
            title: 'x',
            ownerId: memberId,
            dueDate: '2030-05-01',
          })
        ).statusCode,
      ).toBe(403);
      const stranger = await create(admin, {
        directive: 'directive-1',
        title: '部外者が担当',
        ownerId: peerUserId,
        dueDate: '2030-05-01',
      });
      expect(stranger.statusCode).toBe(400);
      expect(code(stranger)).toBe('validation_failed');
      expect(
        (
          await create(admin, {
            directive: 'directive-11',
            title: 'x',
            ownerId: memberId,
            dueDate: '2030-05-01',
          })
        ).statusCode,
      ).toBe(400);
    });

    it('list with the overdue flag and filters', async () => {
      const all = json<{ items: Action[] }>(must(await viewer.get(base()), 200)).items;
      expect(all.map((a) => [a.title, a.overdue])).toEqual([
        ['CISOの任命', false],
        ['全社リスク一覧にサイバーリスクを追加', true],
        ['方針の年次見直し', false],
      ]);
      const d2 = json<{ items: Action[] }>(await viewer.get(`${base()}?directive=directive-2`)).items;
      expect(d2.map((a) => a.id)).toEqual([doneId]);
      const open = json<{ items: Action[] }>(await viewer.get(`${base()}?status=in_progress`)).items;
      expect(open.map((a) => a.id)).toEqual([laterId]);
    });

    it('are updated by writers; deleted only by owners and admins; never across organizations', async () => {
      const patched = json<{ action: Action }>(
        must(
          await member.patch(`${base()}/${overdueId}`, {
            status: 'in_progress',
            kpi: { text: '経営会議での審議回数', target: 4, current: 2 },
          }),
          200,
        ),
      ).action;
      expect(patched).toMatchObject({ status: 'in_progress', overdue: true, kpi: { current: 2 } });
      expect((await viewer.patch(`${base()}/${overdueId}`, { status: 'done' })).statusCode).toBe(403);
      expect((await member.patch(`${base()}/${overdueId}`, { ownerId: peerUserId })).statusCode).toBe(400);
      expect((await member.patch(`${base()}/${randomUUID()}`, { status: 'done' })).statusCode).toBe(404);

      const extra = json<{ action: Action }>(
        must(
          await member.post(base(), {
            directive: 'directive-5',
            title: '消す予定',
            ownerId: memberId,
            dueDate: '2030-06-30',
          }),
          201,
        ),
      ).action.id;
      expect((await member.del(`${base()}/${extra}`)).statusCode).toBe(403);
      expect((await viewer.del(`${base()}/${extra}`)).statusCode).toBe(403);
      expect((await admin.del(`${base()}/${extra}`)).statusCode).toBe(204);
      expect((await admin.del(`${base()}/${extra}`)).statusCode).toBe(404);

      // Another organization's owner, through their own organization's path: not found.
      const theirs = await newOrg(peerUser, '参照不可株式会社');
      for (const res of [
        await peerUser.patch(`/api/orgs/${theirs.id}/governance/actions/${overdueId}`, { status: 'done' }),
        await peerUser.del(`/api/orgs/${theirs.id}/governance/actions/${overdueId}`),
        await peerUser.patch(`${base()}/${overdueId}`, { status: 'done' }),
      ])
        expect(res.statusCode).toBe(404);
      expect(
        json<{ items: unknown[] }>(await peerUser.get(`/api/orgs/${theirs.id}/governance/actions`)).items,
      ).toEqual([]);
      const actions = json<{ items: { action: string }[] }>(
        await admin.get(`/api/orgs/${orgId}/audit?limit=200`),
      ).items.map((e) => e.action);
      for (const a of ['governance.action.create', 'governance.action.update', 'governance.action.delete'])
        expect(actions).toContain(a);
    });

    it('show their progress on the radar', async () => {
      const r = json<Radar>(await viewer.get(`/api/orgs/${orgId}/governance/radar?assessmentId=${thisYear}`));
      expect(r.axes[0]?.actions).toEqual({ open: 2, done: 0, overdue: 1 });
      expect(r.axes[1]?.actions).toEqual({ open: 0, done: 1, overdue: 0 });
      expect(r.axes[2]?.actions).toEqual({ open: 0, done: 0, overdue: 0 });
    });

    it('remind the owners of overdue open actions by e-mail, once a day', async () => {
      expect((await member.post(`/api/orgs/${orgId}/governance/reminders`)).statusCode).toBe(403);
      const worker = new JobWorker(t.deps, { 'governance.overdue': governanceOverdueJob(t.deps) });
      const run = async () => {
        const job = json<{ job: { id: string; status: string } }>(
          must(await admin.post(`/api/orgs/${orgId}/governance/reminders`), 202),
        ).job;
        expect(job.status).toBe('queued');
        await worker.tick();
        await worker.idle();
        return json<{ job: { status: string; result: unknown } }>(
          must(await admin.get(`/api/orgs/${orgId}/jobs/${job.id}`), 200),
        ).job;
      };
      const before = t.mails.length;
      expect(await run()).toMatchObject({ status: 'succeeded', result: { mails: 1, actions: 1 } });
      const sent = t.mails.slice(before);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.to).toBe('member@example.jp');
      expect(sent[0]?.subject).toContain('期限を過ぎた改善アクション');
      expect(sent[0]?.text).toContain('全社リスク一覧にサイバーリスクを追加');
      expect(sent[0]?.text).toContain('2030-03-31');
      expect(sent[0]?.text).toContain(`/orgs/${orgId}/governance`);
      expect(sent[0]?.text).not.toContain('方針の年次見直し');
      // The same day again: nothing more.
      expect(await run()).toMatchObject({ status: 'succeeded', result: { mails: 0, actions: 0 } });
      expect(t.mails.length).toBe(before + 1);

      // The instance-wide daily run (no organization) covers every organization and queues tomorrow's run.
      await enqueueJob(t.deps.store.db, {
        id: randomUUID(),
        orgId: null,
        kind: 'governance.overdue',
        payload: {},
        now: new Date(clock).toISOString(),
      });
      await worker.tick();
      await worker.idle();
      const next = await t.deps.store.db
        .selectFrom('jobs')
        .select(['status', 'run_at'])
        .where('id', '=', 'governance.overdue:2030-04-02')
        .executeTakeFirst();
      expect(next).toEqual({ status: 'queued', run_at: '2030-04-01T18:00:00.000Z' }); // 03:00 in Japan
      await worker.stop(0);
    });
  });

  describe('board and investor report', () => {
    it('is a PDF with the Japanese headings, the organization’s name, the date in Japan and the plan', async () => {
      const res = must(
        await viewer.get(`/api/orgs/${orgId}/governance/report.pdf?assessmentId=${thisYear}`),
        200,
      );
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const text = await pdfText(res.rawPayload);
      for (const s of [
        'サイバーセキュリティ経営 報告書',
        ORG_NAME,
        '2030年4月1日',
        '指示別の成熟度',
        '優先課題',
        'アクションプラン',
        '推移',
        '全社リスク一覧にサイバーリスクを追加',
        '2030年度',
        '2029年度',
        // 指示9: the supply-chain section; this organization has no supplier, which it says briefly.
        'サプライチェーン（指示9）',
        'サプライヤー台帳に取引先が登録されていません。',
      ])
        expect(text, s).toContain(s);
    });

    it('speaks English when asked', async () => {
      const res = must(await viewer.get(`/api/orgs/${orgId}/governance/report.pdf?lang=en`), 200);
      const text = await pdfText(res.rawPayload);
      for (const s of [
        'Cybersecurity management report',
        'Top gaps to target',
        'Action plan',
        'Trend',
        ORG_NAME,
      ])
        expect(text, s).toContain(s);
    });

    const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
    const count = (text: string, s: string) => text.split(s).length - 1;

    it('carries the CISO’s summary and commentary, kept per assessment and set by owners and admins', async () => {
      const path = `/api/orgs/${orgId}/governance/report-notes`;
      type Notes = {
        notes: {
          assessmentId: string | null;
          summary: string;
          commentary: string;
          updatedBy: { displayName: string | null } | null;
        };
      };
      expect(
        json<Notes>(must(await viewer.get(`${path}?assessmentId=${thisYear}`), 200)).notes,
      ).toMatchObject({
        assessmentId: thisYear,
        summary: '',
        commentary: '',
        updatedBy: null,
      });
      const body = {
        assessmentId: thisYear,
        summary: '指示3の予算と人材が目標に届いていません。',
        commentary: '来期はセキュリティ担当を2名体制にします。',
      };
      must(await member.req('PUT', path, body), 403);
      must(await viewer.req('PUT', path, body), 403);
      const saved = json<Notes>(must(await admin.req('PUT', path, body), 200)).notes;
      expect(saved).toMatchObject({ summary: body.summary, commentary: body.commentary });
      expect(saved.updatedBy?.displayName).toBeTruthy();
      // Another assessment has its own (empty) notes; an assessment of another organization is refused.
      expect(json<Notes>(must(await viewer.get(`${path}?assessmentId=${lastYear}`), 200)).notes.summary).toBe(
        '',
      );
      const other = await newOrg(admin, 'ノート確認用');
      const otherCatalog = json<{ items: { id: string; urn: string }[] }>(
        await admin.get(`/api/orgs/${other.id}/catalogs`),
      ).items.find((c) => c.urn === URN)?.id;
      const foreign = await governance(admin, other.id, '他社', () => [1], 'draft', otherCatalog);
      must(await admin.req('PUT', path, { ...body, assessmentId: foreign }), 404);
      must(await admin.req('PUT', path, { ...body, summary: 'x'.repeat(4001) }), 400);

      const res = must(
        await viewer.get(`/api/orgs/${orgId}/governance/report.pdf?assessmentId=${thisYear}`),
        200,
      );
      const text = await pdfText(res.rawPayload);
      for (const s of ['エグゼクティブサマリー', '主な数字', 'CISOのコメント', body.summary, body.commentary])
        expect(text, s).toContain(s);
    });

    it('marks every page of a draft DRAFT, numbers the pages and gives the gap its unit', async () => {
      const draft = must(
        await viewer.get(`/api/orgs/${orgId}/governance/report.pdf?assessmentId=${thisYear}`),
        200,
      );
      const n = pages(draft.rawPayload);
      expect(n).toBeGreaterThan(1);
      const text = await pdfText(draft.rawPayload);
      expect(count(text, '下書き — DRAFT')).toBeGreaterThanOrEqual(n); // the tag on each page (and a watermark)
      for (let i = 1; i <= n; i++) expect(text).toContain(`ページ ${i} / ${n}`);
      expect(text).toContain('差（ポイント）');
      expect(text).toMatch(/−20/);
      const approved = must(
        await viewer.get(`/api/orgs/${orgId}/governance/report.pdf?assessmentId=${lastYear}`),
        200,
      );
      expect(await pdfText(approved.rawPayload)).not.toContain('DRAFT');
    });

    it('has the same content as .xlsx sheets', async () => {
      const res = must(
        await viewer.get(`/api/orgs/${orgId}/governance/report.xlsx?assessmentId=${thisYear}`),
        200,
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        '概要',
        '指示別',
        '優先課題',
        'アクションプラン',
        '推移',
        'サプライチェーン',
      ]);
      const rows = (name: string) => {
        const out: unknown[][] = [];
        wb.getWorksheet(name)?.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
        return out;
      };
      expect(rows('概要')[1]).toEqual(['組織', ORG_NAME]);
      const d1 = rows('指示別').find((r) => r[0] === 'directive-1');
      expect(d1?.slice(2)).toEqual([60, 50, 80, 4, 20, 2, 0, 1]);
      // Top gaps: directive 3 (100 − 60 = 40) before directive 1 (80 − 60 = 20); directive 2 is above target.
      expect(
        rows('優先課題')
          .slice(1)
          .map((r) => [r[0], r[4]]),
      ).toEqual([
        ['directive-3', 40],
        ['directive-1', 20],
      ]);
      expect(rows('アクションプラン').length).toBe(4);
      expect(
        rows('推移')
          .slice(1)
          .map((r) => r[1]),
      ).toEqual(['2029年度', '2030年度', '2030年度（改訂版）']);
    });
  });
});
