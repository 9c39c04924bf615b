import type { SupplierRow } from '@shinrai/store';
import { randomUUID } from 'node:crypto';

/** A direct (tier 1) supplier row of `orgId` with empty optional fields, for seeding through the store. */
export function supplierRow(orgId: string, at: string, over: Partial<SupplierRow> = {}): SupplierRow {
  return {
    id: randomUUID(),
    org_id: orgId,
    corporate_number: null,
    name: 'サプライヤー',
    name_kana: null,
    supplies: '[]',
    criticality: 'medium',
    contract_start: null,
    contract_end: null,
    star_required: null,
    star_held: null,
    linked_org_id: null,
    tier: 1,
    parent_supplier_id: null,
    notes: '',
    created_by: null,
    created_at: at,
    updated_at: at,
    ...over,
  };
}
