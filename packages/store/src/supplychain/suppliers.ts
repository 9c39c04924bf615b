import type { Selectable } from 'kysely';
import type { Executor } from '../modules.ts';
import type { SupplierContactsTable, SuppliersTable } from './tables.ts';

export type SupplierRow = Selectable<SuppliersTable>;
export type SupplierContactRow = Selectable<SupplierContactsTable>;

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

export async function insertSupplier(ex: Executor, row: SupplierRow): Promise<void> {
  await ex.insertInto('suppliers').values(row).execute();
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
    .execute();
}
