import { findAssessment, listAnswers, listAudit } from '@shinrai/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../../../../../test/helpers/app.ts';
import { ctxFromAccess, write, type Ctx } from '../../platform/context.ts';
import { createAssessment } from './engine.ts';

describe('createAssessment(tx, …): the engine other modules create assessments with', () => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let catalogId: string;
  let ctx: Ctx;

  beforeAll(async () => {
    t = await makeApp('sqlite');
    ({ admin, orgId } = await setupInstance(t));
    const list = json<{ items: { id: string; urn: string }[] }>(
      await admin.get(`/api/orgs/${orgId}/catalogs`),
    );
    catalogId = list.items.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')?.id ?? '';
    ctx = ctxFromAccess(
      t.deps,
      { orgId, role: 'admin', actorUserId: null, actorTokenId: null },
      'req-engine',
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const auditActions = async () =>
    ((await listAudit(t.deps.store.db, orgId, null, 500))?.items ?? []).map((e) => e.action);

  it('creates a draft of any registered scope type in the caller’s transaction, audited only by the caller', async () => {
    const before = await auditActions();
    const created = await write(ctx, async (tx) => {
      const c = await createAssessment(tx, {
        scopeType: 'cpsf_model',
        scopeLabel: 'ライン A',
        catalogId,
        title: 'ライン A',
      });
      await tx.audit('test.owner.create', { type: 'assessment', id: c.row.id });
      return c;
    });
    expect(created.carried).toBe(0);
    const row = await findAssessment(t.deps.store.db, orgId, created.row.id);
    expect(row).toMatchObject({
      scope_type: 'cpsf_model',
      scope_label: 'ライン A',
      catalog_id: catalogId,
      status: 'draft',
      tier: null,
      based_on: null,
      score_max: null,
      created_at: ctx.now.toISOString(),
    });
    expect((await auditActions()).slice(0, -before.length || undefined)).toEqual(['test.owner.create']);
  });

  it('carries the answers of an earlier assessment that still fit', async () => {
    const prev = json<{ assessment: { id: string } }>(
      await admin.post(`/api/orgs/${orgId}/assessments`, { catalogId, title: '前年度' }),
    ).assessment.id;
    const put = await admin.req('PUT', `/api/orgs/${orgId}/assessments/${prev}/answers/1`, {
      value: { kind: 'choice', value: 'yes' },
      revision: 0,
    });
    expect(put.statusCode).toBe(200);
    const { row, carried } = await write(ctx, (tx) =>
      createAssessment(tx, { scopeType: 'organization', catalogId, title: '今年度', basedOn: prev }),
    );
    expect(carried).toBe(1);
    expect(row.based_on).toBe(prev);
    expect((await listAnswers(t.deps.store.db, orgId, row.id)).map((a) => a.ref)).toEqual(['1']);
  });

  it('writes nothing when the caller’s transaction fails, or when the tier or basedOn is wrong', async () => {
    let id = '';
    await expect(
      write(ctx, async (tx) => {
        id = (await createAssessment(tx, { scopeType: 'organization', catalogId, title: '取消' })).row.id;
        throw new Error('owner failed');
      }),
    ).rejects.toThrow('owner failed');
    expect(await findAssessment(t.deps.store.db, orgId, id)).toBeUndefined();
    await expect(
      write(ctx, (tx) =>
        createAssessment(tx, { scopeType: 'organization', catalogId, title: 'x', tier: 'nope' }),
      ),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      write(ctx, (tx) =>
        createAssessment(tx, {
          scopeType: 'organization',
          catalogId,
          title: 'x',
          basedOn: '00000000-0000-4000-8000-000000000000',
        }),
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
