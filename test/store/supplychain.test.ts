import {
  findSupplier,
  insertOrganization,
  insertSupplier,
  listSuppliers,
  type Executor,
  type SupplierRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStore, testDialects, type TestStore } from '../helpers/stores.ts';
import { supplierRow } from '../helpers/supplier-row.ts';

const NOW = '2030-01-01T00:00:00.000Z';

describe.each(testDialects())('supply-chain repositories on %s', (dialect) => {
  let t: TestStore;
  let db: Executor;
  const buyer = randomUUID();
  const other = randomUUID();

  const supplier = (over: Partial<SupplierRow> = {}): SupplierRow =>
    supplierRow(buyer, NOW, { name: 'サプライヤー', ...over });

  beforeAll(async () => {
    t = await makeStore(dialect);
    db = t.store.db;
    for (const [id, name] of [
      [buyer, 'Buyer'],
      [other, 'Other'],
    ] as const)
      await insertOrganization(db, {
        id,
        slug: id,
        name,
        kind: 'company',
        corporateNumber: null,
        industry: 'manufacturing',
        size: 'large',
        prefecture: null,
        now: NOW,
      });
  });
  afterAll(() => t.cleanup());

  it("keeps a buyer's suppliers to that buyer", async () => {
    const s = supplier({ name: 'A社', corporate_number: '7000012050002' });
    await insertSupplier(db, s);
    expect(await findSupplier(db, buyer, s.id)).toMatchObject({ name: 'A社' });
    expect(await findSupplier(db, other, s.id)).toBeUndefined();
    expect((await listSuppliers(db, other)).length).toBe(0);
  });

  it('refuses a second direct supplier with the same 法人番号, allows it under a parent and for another buyer', async () => {
    const parent = supplier({ name: 'P社', corporate_number: '2000012010019' });
    await insertSupplier(db, parent);
    await expect(insertSupplier(db, supplier({ corporate_number: '2000012010019' }))).rejects.toThrow();
    await insertSupplier(
      db,
      supplier({ corporate_number: '2000012010019', tier: 2, parent_supplier_id: parent.id }),
    );
    await expect(
      insertSupplier(
        db,
        supplier({ corporate_number: '2000012010019', tier: 2, parent_supplier_id: parent.id }),
      ),
    ).rejects.toThrow();
    await insertSupplier(db, supplier({ org_id: other, corporate_number: '2000012010019' }));
    // suppliers without a 法人番号 never collide
    await insertSupplier(db, supplier());
    await insertSupplier(db, supplier());
  });
});
