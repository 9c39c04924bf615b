import { insertOrganization, insertSoftwareProduct, listAudit, listSoftwareProducts } from '@shinrai/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStore, type TestStore } from '../../../../test/helpers/stores.ts';
import { write, type Ctx } from './context.ts';
import type { Deps } from './deps.ts';

const NOW = new Date('2025-06-01T00:00:00.000Z');
const ORG = 'org-ctx';

function product(id: string) {
  const at = NOW.toISOString();
  return {
    id,
    org_id: ORG,
    name: id,
    kind: 'device',
    vendor: null,
    support_ends: null,
    created_at: at,
    updated_at: at,
  };
}

describe('write(ctx, fn): one transaction for the change and its audit entry (SQLite)', () => {
  let t: TestStore;
  let ctx: Ctx;
  beforeAll(async () => {
    t = await makeStore('sqlite');
    await insertOrganization(t.store.db, {
      id: ORG,
      slug: 'ctx',
      name: 'コンテキスト',
      kind: 'enterprise',
      corporateNumber: null,
      industry: null,
      size: null,
      prefecture: null,
      now: NOW.toISOString(),
    });
    const deps = { store: t.store, now: () => NOW } as unknown as Deps;
    ctx = {
      deps,
      orgId: ORG,
      role: 'admin',
      actor: { userId: null, tokenId: 'tok-1', requestId: 'req-1' },
      now: NOW,
    };
  });
  afterAll(async () => t.cleanup());

  const audits = async () => (await listAudit(t.store.db, ORG, null, 100))?.items ?? [];

  it('keeps the change and the audit entry when fn succeeds', async () => {
    const out = await write(ctx, async (tx) => {
      await insertSoftwareProduct(tx.trx, product('kept'));
      await tx.audit('software.product.create', { type: 'software_product', id: 'kept' }, { n: 1 });
      return 'done';
    });
    expect(out).toBe('done');
    expect((await listSoftwareProducts(t.store.db, ORG)).map((p) => p.id)).toEqual(['kept']);
    const [entry] = await audits();
    expect(entry).toMatchObject({
      org_id: ORG,
      action: 'software.product.create',
      target_type: 'software_product',
      target_id: 'kept',
      actor_token_id: 'tok-1',
      request_id: 'req-1',
      at: NOW.toISOString(),
    });
    expect(JSON.parse(entry?.details ?? '{}')).toEqual({ n: 1 });
  });

  it('writes neither the change nor the audit entry when fn fails after both', async () => {
    const before = await audits();
    await expect(
      write(ctx, async (tx) => {
        await insertSoftwareProduct(tx.trx, product('dropped'));
        await tx.audit('software.product.create', { type: 'software_product', id: 'dropped' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await listSoftwareProducts(t.store.db, ORG)).map((p) => p.id)).toEqual(['kept']);
    expect(await audits()).toEqual(before);
  });
});
