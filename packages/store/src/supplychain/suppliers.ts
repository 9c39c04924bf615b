import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../database.ts';
import type { SupplierContactsTable, SuppliersTable } from './tables.ts';

export type SupplierRow = Selectable<SuppliersTable>;
export type SupplierContactRow = Selectable<SupplierContactsTable>;
export type SupplierPatch = Omit<Updateable<SuppliersTable>, 'id' | 'org_id' | 'created_at' | 'created_by'>;

/** One supplier of a buyer's registry; undefined when it is not that buyer's. */
export async function findSupplier(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<SupplierRow | undefined> {
  return ex
    .selectFrom('suppliers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Every supplier record of a buyer (all tiers), by name. */
export async function listSuppliers(ex: Executor, orgId: string): Promise<SupplierRow[]> {
  return ex
    .selectFrom('suppliers')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The record with this 法人番号 among a buyer's direct suppliers (parent null) or under one parent. */
export async function findSupplierByCorporateNumber(
  ex: Executor,
  orgId: string,
  parentId: string | null,
  corporateNumber: string,
): Promise<SupplierRow | undefined> {
  let q = ex
    .selectFrom('suppliers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('corporate_number', '=', corporateNumber);
  q =
    parentId === null
      ? q.where('parent_supplier_id', 'is', null)
      : q.where('parent_supplier_id', '=', parentId);
  return q.executeTakeFirst();
}

export async function insertSupplier(ex: Executor, row: SupplierRow): Promise<void> {
  await ex.insertInto('suppliers').values(row).execute();
}

export async function updateSupplier(
  ex: Executor,
  orgId: string,
  id: string,
  patch: SupplierPatch,
): Promise<boolean> {
  const r = await ex
    .updateTable('suppliers')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes a supplier with its contacts, decisions and the records under it. */
export async function deleteSupplier(ex: Executor, orgId: string, id: string): Promise<boolean> {
  const r = await ex
    .deleteFrom('suppliers')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** The contacts of one supplier, the primary first. */
export async function listSupplierContacts(
  ex: Executor,
  orgId: string,
  supplierId: string,
): Promise<SupplierContactRow[]> {
  return ex
    .selectFrom('supplier_contacts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('supplier_id', '=', supplierId)
    .orderBy('is_primary', 'desc')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Every contact of a buyer's suppliers (export, list views). */
export async function listOrgSupplierContacts(ex: Executor, orgId: string): Promise<SupplierContactRow[]> {
  return ex
    .selectFrom('supplier_contacts')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('supplier_id')
    .orderBy('is_primary', 'desc')
    .orderBy('name')
    .execute();
}

export async function insertSupplierContact(ex: Executor, row: SupplierContactRow): Promise<void> {
  await ex.insertInto('supplier_contacts').values(row).execute();
}

export async function findSupplierContact(
  ex: Executor,
  orgId: string,
  supplierId: string,
  id: string,
): Promise<SupplierContactRow | undefined> {
  return ex
    .selectFrom('supplier_contacts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('supplier_id', '=', supplierId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function deleteSupplierContact(
  ex: Executor,
  orgId: string,
  supplierId: string,
  id: string,
): Promise<boolean> {
  const r = await ex
    .deleteFrom('supplier_contacts')
    .where('org_id', '=', orgId)
    .where('supplier_id', '=', supplierId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Makes one contact the supplier's primary (and no other). */
export async function setPrimarySupplierContact(
  ex: Executor,
  orgId: string,
  supplierId: string,
  id: string,
): Promise<void> {
  await ex
    .updateTable('supplier_contacts')
    .set({ is_primary: 0 })
    .where('org_id', '=', orgId)
    .where('supplier_id', '=', supplierId)
    .execute();
  await ex
    .updateTable('supplier_contacts')
    .set({ is_primary: 1 })
    .where('org_id', '=', orgId)
    .where('supplier_id', '=', supplierId)
    .where('id', '=', id)
    .execute();
}

/** Moves the contacts of one supplier record to another (merging duplicates); e-mails already there stay once. */
export async function moveSupplierContacts(
  ex: Executor,
  orgId: string,
  fromId: string,
  toId: string,
): Promise<void> {
  const there = new Set((await listSupplierContacts(ex, orgId, toId)).map((c) => c.email.toLowerCase()));
  for (const c of await listSupplierContacts(ex, orgId, fromId)) {
    if (there.has(c.email.toLowerCase())) continue;
    there.add(c.email.toLowerCase());
    await ex
      .updateTable('supplier_contacts')
      .set({ supplier_id: toId, is_primary: 0 })
      .where('id', '=', c.id)
      .execute();
  }
}
