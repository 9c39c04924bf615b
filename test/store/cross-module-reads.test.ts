import {
  insertAssessment,
  insertCatalog,
  insertMembership,
  insertOrganization,
  insertUser,
  latestAssessmentOfCatalog,
  latestPeerAssessments,
  listAssessmentsOfCatalog,
  previousAssessmentOfCatalog,
  type AssessmentRow,
  type Executor,
} from '@shinrai/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStore, testDialects, type TestStore } from '../helpers/stores.ts';

/*
 * The reads that used to join another module's tables (assessments ⋈ catalogs) are now compositions of
 * the owners' functions. The reference queries below are the former joins, verbatim; on data with several
 * versions of a catalog, a same-URN catalog in an organization's own scope, another catalog, ties in
 * created_at and shared members, the compositions must return exactly what the joins returned.
 */

const URN = 'urn:test:cross-module';
const T0 = Date.parse('2031-01-01T00:00:00.000Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const FINAL = ['approved', 'locked'];

function joinedAssessments(ex: Executor, orgId: string, urn: string) {
  return ex
    .selectFrom('assessments as a')
    .innerJoin('catalogs as c', 'c.id', 'a.catalog_id')
    .selectAll('a')
    .select('c.version as catalog_version')
    .where('a.org_id', '=', orgId)
    .where('c.urn', '=', urn);
}

const reference = {
  list: (ex: Executor, orgId: string, urn: string) =>
    joinedAssessments(ex, orgId, urn).orderBy('a.created_at').orderBy('a.id').execute(),
  latest: (ex: Executor, orgId: string, urn: string, statuses?: readonly string[]) => {
    let q = joinedAssessments(ex, orgId, urn);
    if (statuses !== undefined) q = q.where('a.status', 'in', [...statuses]);
    return q.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').executeTakeFirst();
  },
  previous: (ex: Executor, orgId: string, urn: string, before: { created_at: string; id: string }) =>
    joinedAssessments(ex, orgId, urn)
      .where((eb) =>
        eb.or([
          eb('a.created_at', '<', before.created_at),
          eb.and([eb('a.created_at', '=', before.created_at), eb('a.id', '<', before.id)]),
        ]),
      )
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id', 'desc')
      .executeTakeFirst(),
  peers: async (ex: Executor, p: { orgId: string; industry: string; urn: string }) => {
    const rows = await ex
      .selectFrom('assessments as a')
      .innerJoin('catalogs as c', 'c.id', 'a.catalog_id')
      .innerJoin('organizations as o', 'o.id', 'a.org_id')
      .selectAll('a')
      .select('c.version as catalog_version')
      .where('o.industry', '=', p.industry)
      .where('a.org_id', '!=', p.orgId)
      .where('c.urn', '=', p.urn)
      .where('a.status', 'in', FINAL)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('memberships as theirs')
              .innerJoin('memberships as ours', 'ours.user_id', 'theirs.user_id')
              .select('theirs.user_id')
              .whereRef('theirs.org_id', '=', 'a.org_id')
              .where('ours.org_id', '=', p.orgId),
          ),
        ),
      )
      .orderBy('a.org_id')
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id', 'desc')
      .execute();
    const seen = new Set<string>();
    return rows.filter((r) => {
      if (seen.has(r.org_id)) return false;
      seen.add(r.org_id);
      return true;
    });
  },
};

describe.each(testDialects())('cross-module reads keep the results of the former joins on %s', (dialect) => {
  let t: TestStore;
  let db: Executor;
  const orgs = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'].map((n, i) => ({
    id: `00000000-0000-4000-8000-0000000000${10 + i}`,
    n,
    industry: i < 4 ? '製造業' : i === 4 ? '小売業' : null,
  }));
  const [o1, o2, o3] = orgs.map((o) => o.id) as [string, string, string];
  const catalogs = { v1: 'cat-v1', v2: 'cat-v2', own: 'cat-own-o2', other: 'cat-other' };
  const industries = ['製造業', '小売業', '建設業'];

  beforeAll(async () => {
    t = await makeStore(dialect);
    db = t.store.db;
    for (const o of orgs)
      await insertOrganization(db, {
        id: o.id,
        slug: `x-${o.n}`,
        name: o.n,
        kind: 'enterprise',
        corporateNumber: null,
        industry: o.industry,
        size: null,
        prefecture: null,
        now: at(0),
      });
    const users = ['u1', 'u2', 'u3'];
    for (const u of users)
      await insertUser(db, {
        id: `user-${u}`,
        email: `${u}@example.jp`,
        displayName: u,
        passwordHash: null,
        locale: 'ja',
        isInstanceAdmin: false,
        now: at(0),
      });
    // u1 in o1 and o3 (shared member), u2 in o2, u3 in o4 and o5.
    for (const [o, u] of [
      [o1, 'u1'],
      [o3, 'u1'],
      [o2, 'u2'],
      [orgs[3]!.id, 'u3'],
      [orgs[4]!.id, 'u3'],
    ] as const)
      await insertMembership(db, { orgId: o, userId: `user-${u}`, role: 'owner', now: at(0) });
    const pack = (id: string, version: string) => ({
      id,
      version,
      publisher: { ja: 'p', en: 'p' },
      title: { ja: 't', en: 't' },
      sources: [],
      answerModels: {},
      nodes: [],
    });
    await insertCatalog(db, {
      id: catalogs.v1,
      scope: 'builtin',
      pack: pack(URN, '1.0.0'),
      checksum: 'a',
      now: at(0),
    });
    await insertCatalog(db, {
      id: catalogs.v2,
      scope: 'builtin',
      pack: pack(URN, '2.0.0'),
      checksum: 'b',
      now: at(1),
    });
    await insertCatalog(db, {
      id: catalogs.own,
      scope: o2,
      pack: pack(URN, '2.1.0-own'),
      checksum: 'c',
      now: at(2),
    });
    await insertCatalog(db, {
      id: catalogs.other,
      scope: 'builtin',
      pack: pack('urn:test:other', '1.0.0'),
      checksum: 'd',
      now: at(0),
    });

    const statuses = ['draft', 'in_review', 'approved', 'locked'];
    const catalogIds = Object.values(catalogs);
    let n = 0;
    for (const o of orgs) {
      for (let k = 0; k < 9; k++) {
        n++;
        // Every third assessment shares its created_at with the one before: ties are broken by id.
        const s = 10 + n - (n % 3 === 0 ? 1 : 0);
        const row: AssessmentRow = {
          id: `a-${String(100 - n).padStart(3, '0')}-${o.n}`,
          org_id: o.id,
          catalog_id: catalogIds[(n * 7) % catalogIds.length]!,
          tier: null,
          title: `t${n}`,
          scope_type: 'organization',
          scope_label: null,
          status: statuses[(n * 5) % statuses.length]!,
          status_by: null,
          status_at: null,
          due_date: null,
          based_on: null,
          created_by: null,
          created_at: at(s),
          updated_at: at(s),
          score_points: n % 2 === 0 ? n : null,
          score_max: n % 2 === 0 ? 100 : null,
          score_percent: n % 2 === 0 ? n / 2 : null,
          answered_count: n,
          item_count: 40,
          band_id: null,
        };
        await insertAssessment(db, row);
      }
    }
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('listAssessmentsOfCatalog', async () => {
    let seen = 0;
    for (const o of orgs)
      for (const urn of [URN, 'urn:test:other', 'urn:test:none']) {
        const expected = await reference.list(db, o.id, urn);
        seen += expected.length;
        expect(await listAssessmentsOfCatalog(db, o.id, urn)).toStrictEqual(expected);
      }
    expect(seen).toBeGreaterThan(30);
  });

  it('latestAssessmentOfCatalog and previousAssessmentOfCatalog', async () => {
    for (const o of orgs)
      for (const urn of [URN, 'urn:test:other', 'urn:test:none']) {
        for (const statuses of [undefined, FINAL, ['draft'], ['none']])
          expect(await latestAssessmentOfCatalog(db, o.id, urn, statuses)).toStrictEqual(
            await reference.latest(db, o.id, urn, statuses),
          );
        // Walk back from the newest through every earlier one.
        let row = await reference.latest(db, o.id, urn);
        while (row) {
          const prev = await reference.previous(db, o.id, urn, row);
          expect(await previousAssessmentOfCatalog(db, o.id, urn, row)).toStrictEqual(prev);
          row = prev;
        }
      }
  });

  it('latestPeerAssessments', async () => {
    let seen = 0;
    for (const o of orgs)
      for (const industry of industries)
        for (const urn of [URN, 'urn:test:other', 'urn:test:none']) {
          const expected = await reference.peers(db, { orgId: o.id, industry, urn });
          seen += expected.length;
          expect(await latestPeerAssessments(db, { orgId: o.id, industry, urn })).toStrictEqual(expected);
        }
    expect(seen).toBeGreaterThan(10);
  });
});
