import { GOVERNANCE_CATALOG_URN } from '@shinrai/core';
import {
  activeGroupCompanies,
  deleteGovernanceAction,
  findGovernanceAction,
  insertAssessment,
  insertCatalog,
  insertGovernanceAction,
  insertMembership,
  insertOrganization,
  insertRelationship,
  insertUser,
  latestAssessmentOfCatalog,
  latestPeerAssessments,
  listGovernanceActions,
  listGovernanceTargets,
  listOverdueGovernanceActions,
  claimGovernanceReminders,
  releaseGovernanceReminders,
  memberDisplayNames,
  previousAssessmentOfCatalog,
  replaceGovernanceTargets,
  updateGovernanceAction,
  type AssessmentRow,
  type Executor,
  type GovernanceActionRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStore, testDialects, type TestStore } from '../helpers/stores.ts';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

describe.each(testDialects())('governance repositories on %s', (dialect) => {
  let t: TestStore;
  let db: Executor;
  const org = { A: randomUUID(), B: randomUUID(), C: randomUUID(), D: randomUUID(), E: randomUUID() };
  const user = { u1: randomUUID(), u2: randomUUID(), u3: randomUUID() };
  const catalogId = randomUUID();
  const otherCatalogId = randomUUID();

  const assessment = async (
    orgId: string,
    s: number,
    status: string,
    catalog = catalogId,
    id = randomUUID(),
  ) => {
    const row: AssessmentRow = {
      id,
      org_id: orgId,
      catalog_id: catalog,
      tier: null,
      title: `a${s}`,
      scope_type: 'organization',
      scope_label: null,
      status,
      status_by: null,
      status_at: null,
      due_date: null,
      based_on: null,
      created_by: null,
      created_at: at(s),
      updated_at: at(s),
      score_points: null,
      score_max: null,
      score_percent: null,
      answered_count: null,
      item_count: null,
      band_id: null,
    };
    await insertAssessment(db, row);
    return id;
  };

  beforeAll(async () => {
    t = await makeStore(dialect);
    db = t.store.db;
    for (const [name, id] of Object.entries(org)) {
      await insertOrganization(db, {
        id,
        slug: `org-${name.toLowerCase()}-${id.slice(0, 6)}`,
        name: `組織${name}`,
        kind: 'enterprise',
        corporateNumber: null,
        industry: name === 'D' ? '小売業' : name === 'E' ? null : '製造業',
        size: null,
        prefecture: null,
        now: at(0),
      });
    }
    for (const [name, id] of Object.entries(user)) {
      await insertUser(db, {
        id,
        email: `${name}-${id.slice(0, 6)}@example.jp`,
        displayName: `利用者${name}`,
        passwordHash: null,
        locale: 'ja',
        isInstanceAdmin: false,
        now: at(0),
      });
    }
    // u1 belongs to A and C (so C never counts as A's peer); u2 to B and D; u3 to E.
    for (const [o, u] of [
      [org.A, user.u1],
      [org.C, user.u1],
      [org.B, user.u2],
      [org.D, user.u2],
      [org.E, user.u3],
    ] as const)
      await insertMembership(db, { orgId: o, userId: u, role: 'owner', now: at(0) });
    const pack = (id: string) => ({
      id,
      version: '3.0.0',
      publisher: { ja: 'p', en: 'p' },
      title: { ja: 't', en: 't' },
      sources: [],
      answerModels: {},
      nodes: [],
    });
    await insertCatalog(db, {
      id: catalogId,
      scope: 'builtin',
      pack: pack(GOVERNANCE_CATALOG_URN),
      checksum: 'x',
      now: at(0),
    });
    await insertCatalog(db, {
      id: otherCatalogId,
      scope: 'builtin',
      pack: pack('urn:other'),
      checksum: 'y',
      now: at(0),
    });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('stores target levels as numbers and replaces the whole profile', async () => {
    await replaceGovernanceTargets(
      db,
      org.A,
      [
        { directive: 'directive-1', level: 3.5 },
        { directive: 'directive-2', level: 5 },
      ],
      user.u1,
      at(1),
    );
    await replaceGovernanceTargets(db, org.A, [{ directive: 'directive-1', level: 2.5 }], user.u1, at(2));
    const rows = await listGovernanceTargets(db, org.A);
    expect(rows.map((r) => [r.directive, r.target_level, r.updated_at])).toEqual([
      ['directive-1', 2.5, at(2)],
    ]);
    expect(await listGovernanceTargets(db, org.B)).toEqual([]);
  });

  it('picks the latest approved or locked assessment of other same-industry organizations without shared members', async () => {
    await assessment(org.A, 10, 'approved'); // the caller itself
    await assessment(org.B, 11, 'approved');
    const newestB = await assessment(org.B, 12, 'locked');
    await assessment(org.B, 13, 'draft');
    await assessment(org.B, 14, 'approved', otherCatalogId); // another catalog
    await assessment(org.C, 15, 'approved'); // shares u1 with A
    await assessment(org.D, 16, 'approved'); // another industry
    const rows = await latestPeerAssessments(db, {
      orgId: org.A,
      industry: '製造業',
      urn: GOVERNANCE_CATALOG_URN,
    });
    expect(rows.map((r) => [r.org_id, r.id, r.catalog_version])).toEqual([[org.B, newestB, '3.0.0']]);
    // Seen from B, A and C both count (no shared member with B).
    const fromB = await latestPeerAssessments(db, {
      orgId: org.B,
      industry: '製造業',
      urn: GOVERNANCE_CATALOG_URN,
    });
    expect(fromB.map((r) => r.org_id).sort()).toEqual([org.A, org.C].sort());
  });

  it('finds the newest and the previous assessment of a catalog, ties broken by id', async () => {
    const first = await assessment(org.E, 20, 'draft', catalogId, '00000000-0000-4000-8000-000000000001');
    const second = await assessment(org.E, 20, 'approved', catalogId, '00000000-0000-4000-8000-000000000002');
    const third = await assessment(org.E, 30, 'draft');
    await assessment(org.E, 40, 'draft', otherCatalogId);
    expect((await latestAssessmentOfCatalog(db, org.E, GOVERNANCE_CATALOG_URN))?.id).toBe(third);
    expect((await latestAssessmentOfCatalog(db, org.E, GOVERNANCE_CATALOG_URN, ['approved']))?.id).toBe(
      second,
    );
    const t3 = await latestAssessmentOfCatalog(db, org.E, GOVERNANCE_CATALOG_URN);
    if (!t3) throw new Error('none');
    const p2 = await previousAssessmentOfCatalog(db, org.E, GOVERNANCE_CATALOG_URN, t3);
    expect(p2?.id).toBe(second);
    if (!p2) throw new Error('none');
    expect((await previousAssessmentOfCatalog(db, org.E, GOVERNANCE_CATALOG_URN, p2))?.id).toBe(first);
  });

  it('lists group companies only for active relationships where the organization is the parent', async () => {
    const rel = async (from: string, to: string, status: string, type = 'group_company') =>
      insertRelationship(db, {
        id: randomUUID(),
        type,
        from_org_id: from,
        to_org_id: to,
        status,
        requested_by_org_id: from,
        created_at: at(50),
        accepted_at: status === 'active' ? at(51) : null,
        ended_at: null,
      });
    await rel(org.A, org.B, 'active');
    await rel(org.A, org.C, 'pending');
    await rel(org.A, org.D, 'ended');
    await rel(org.A, org.E, 'active', 'buyer_supplier');
    await rel(org.E, org.A, 'active'); // A is E's group company, not the other way round
    expect((await activeGroupCompanies(db, org.A)).map((c) => c.id)).toEqual([org.B]);
    expect((await activeGroupCompanies(db, org.E)).map((c) => c.id)).toEqual([org.A]);
  });

  it('keeps action items with KPIs and finds overdue open ones of current members, once a day', async () => {
    const action = (over: Partial<GovernanceActionRow>): GovernanceActionRow => ({
      id: randomUUID(),
      org_id: org.A,
      directive: 'directive-1',
      title: 'x',
      owner_id: user.u1,
      due_date: '2030-01-31',
      status: 'planned',
      kpi_text: null,
      kpi_target: null,
      kpi_current: null,
      reminded_on: null,
      created_by: user.u1,
      created_at: at(60),
      updated_at: at(60),
      ...over,
    });
    const overdue = action({ title: '期限切れ', kpi_text: '率', kpi_target: 0.25, kpi_current: 12.5 });
    const rows = [
      overdue,
      action({ title: '今日まで', due_date: '2030-02-01' }),
      action({ title: '完了', status: 'done' }),
      action({ title: '元メンバー', owner_id: user.u2 }),
      action({
        title: '他組織',
        org_id: org.B,
        owner_id: user.u2,
        status: 'in_progress',
        directive: 'directive-3',
      }),
    ];
    for (const r of rows) await insertGovernanceAction(db, r);
    expect(await findGovernanceAction(db, org.A, overdue.id)).toMatchObject({
      kpi_target: 0.25,
      kpi_current: 12.5,
    });
    expect(await findGovernanceAction(db, org.B, overdue.id)).toBeUndefined();

    const today = '2030-02-01';
    const due = await listOverdueGovernanceActions(db, today, null);
    expect(due.map((d) => [d.title, d.owner_name, d.org_name]).sort()).toEqual([
      ['他組織', '利用者u2', '組織B'],
      ['期限切れ', '利用者u1', '組織A'],
    ]);
    expect((await listOverdueGovernanceActions(db, today, org.A)).map((d) => d.id)).toEqual([overdue.id]);
    expect(await claimGovernanceReminders(db, [overdue.id], today)).toEqual(new Set([overdue.id]));
    expect(await listOverdueGovernanceActions(db, today, org.A)).toEqual([]);
    // The next day it is due again, together with the one that was due on the first.
    const nextDay = await listOverdueGovernanceActions(db, '2030-02-02', org.A);
    expect(nextDay.map((d) => d.title).sort()).toEqual(['今日まで', '期限切れ']);
    // Runs at the same time claim each action once between them; a release makes them due again.
    const ids = nextDay.map((d) => d.id);
    const claims = await Promise.all([1, 2, 3].map(() => claimGovernanceReminders(db, ids, '2030-02-02')));
    expect(claims.reduce((n, c) => n + c.size, 0)).toBe(ids.length);
    expect(new Set(claims.flatMap((c) => [...c]))).toEqual(new Set(ids));
    expect(await listOverdueGovernanceActions(db, '2030-02-02', org.A)).toEqual([]);
    await releaseGovernanceReminders(db, ids, '2030-02-02');
    expect((await listOverdueGovernanceActions(db, '2030-02-02', org.A)).map((d) => d.id).sort()).toEqual(
      [...ids].sort(),
    );

    await updateGovernanceAction(db, org.A, overdue.id, { status: 'done', kpi_current: 30 }, at(70));
    expect(await findGovernanceAction(db, org.A, overdue.id)).toMatchObject({
      status: 'done',
      kpi_current: 30,
      updated_at: at(70),
    });
    expect((await listGovernanceActions(db, org.A, { status: 'done' })).map((a) => a.title).sort()).toEqual([
      '完了',
      '期限切れ',
    ]);
    expect(
      (await listGovernanceActions(db, org.B, { directive: 'directive-3' })).map((a) => a.title),
    ).toEqual(['他組織']);
    // Updates and deletes never cross organizations.
    await updateGovernanceAction(db, org.B, overdue.id, { title: '乗っ取り' }, at(71));
    await deleteGovernanceAction(db, org.B, overdue.id);
    expect((await findGovernanceAction(db, org.A, overdue.id))?.title).toBe('期限切れ');

    const names = await memberDisplayNames(db, org.A, [user.u1, user.u2, user.u1]);
    expect([...names.entries()]).toEqual([[user.u1, '利用者u1']]);
  });
});
