import {
  coverage,
  normalizeCorporateNumber,
  type Criticality,
  type SupplyKind,
} from '@shinrai/core/supplychain';
import {
  deleteSupplier as deleteSupplierRow,
  deleteSupplierContact,
  findActiveRegistryShare,
  findSupplier,
  findSupplierByCorporateNumber,
  findSupplierContact,
  insertSupplier,
  insertSupplierContact,
  isActiveSupplierOf,
  listOrgSupplierContacts,
  listStarDecisions,
  listSupplierContacts,
  listSuppliers as listSupplierRows,
  setPrimarySupplierContact,
  supplierOrgNames,
  updateSupplier as updateSupplierRow,
  type Executor,
  type SupplierRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { write, type Ctx, type TxCtx } from '../../platform/context.ts';
import { fail } from './errors.ts';
import { statusEvidence } from './status.ts';
import { contactView, parseSupplies, starDecisionView, supplierView, type SupplierView } from './views.ts';
import { attestedStars } from './star-results/attested.ts';

export interface ContactInput {
  name: string;
  email: string;
  role?: string | undefined;
  primary?: boolean | undefined;
}

export interface SupplierInput {
  corporateNumber?: string | null | undefined;
  name: string;
  nameKana?: string | null | undefined;
  supplies?: SupplyKind[] | undefined;
  criticality?: Criticality | undefined;
  contractStart?: string | null | undefined;
  contractEnd?: string | null | undefined;
  starHeld?: number | null | undefined;
  linkedOrgId?: string | null | undefined;
  parentSupplierId?: string | null | undefined;
  notes?: string | undefined;
  contacts?: ContactInput[] | undefined;
}

export async function requireSupplier(ex: Executor, orgId: string, id: string): Promise<SupplierRow> {
  return (await findSupplier(ex, orgId, id)) ?? fail('not_found');
}

/** A 法人番号 as typed, checked (400 at `pointer` when the check digit is wrong); null when blank. */
export function checkedCorporateNumber(raw: string | null | undefined, pointer: string): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  return normalizeCorporateNumber(raw) ?? fail('invalid_corporate_number', { pointer });
}

/** Views of supplier rows with their primary contacts, linked organization names and known status. */
export async function supplierViews(ctx: Ctx, rows: readonly SupplierRow[]): Promise<SupplierView[]> {
  const db = ctx.deps.store.db;
  const [contacts, names, evidence, attested] = await Promise.all([
    listOrgSupplierContacts(db, ctx.orgId),
    supplierOrgNames(
      db,
      rows.flatMap((r) => (r.linked_org_id ? [r.linked_org_id] : [])),
    ),
    statusEvidence(
      ctx,
      rows.map((r) => r.id),
    ),
    attestedStars(ctx),
  ]);
  const cov = coverage(
    rows.map((r) => ({ id: r.id, criticality: r.criticality as Criticality, tier: r.tier })),
    evidence,
    ctx.now,
  );
  return rows.map((r) =>
    supplierView(r, { contacts, orgNames: names, knownSince: cov.knownSince, attested }),
  );
}

/** Every supplier record of the caller's registry (all tiers). */
export async function listSuppliers(ctx: Ctx): Promise<SupplierView[]> {
  return supplierViews(ctx, await listSupplierRows(ctx.deps.store.db, ctx.orgId));
}

/** One supplier with its contacts, ★ decisions (latest first), the records under it and its registry share. */
export async function getSupplier(ctx: Ctx, input: { supplierId: string }) {
  const db = ctx.deps.store.db;
  const s = await requireSupplier(db, ctx.orgId, input.supplierId);
  const all = await listSupplierRows(db, ctx.orgId);
  const children = all.filter((r) => r.parent_supplier_id === s.id);
  const views = await supplierViews(ctx, [s, ...children]);
  const [contacts, decisions, share] = await Promise.all([
    listSupplierContacts(db, ctx.orgId, s.id),
    listStarDecisions(db, ctx.orgId, s.id),
    s.linked_org_id ? findActiveRegistryShare(db, s.linked_org_id, ctx.orgId) : undefined,
  ]);
  return {
    supplier: views[0]!,
    contacts: contacts.map(contactView),
    decisions: decisions.map(starDecisionView),
    children: views.slice(1),
    registryShared: share !== undefined,
  };
}

async function addContacts(
  tx: TxCtx,
  supplierId: string,
  contacts: readonly ContactInput[],
): Promise<number> {
  const existing = await listSupplierContacts(tx.trx, tx.orgId, supplierId);
  const emails = new Set(existing.map((c) => c.email.toLowerCase()));
  let added = 0;
  let hasPrimary = existing.some((c) => c.is_primary === 1);
  for (const c of contacts) {
    if (emails.has(c.email.toLowerCase())) continue;
    emails.add(c.email.toLowerCase());
    const id = randomUUID();
    await insertSupplierContact(tx.trx, {
      id,
      supplier_id: supplierId,
      org_id: tx.orgId,
      name: c.name,
      email: c.email,
      role: c.role ?? '',
      is_primary: 0,
      created_at: tx.now.toISOString(),
    });
    if (c.primary === true || !hasPrimary) {
      await setPrimarySupplierContact(tx.trx, tx.orgId, supplierId, id);
      hasPrimary = true;
    }
    added++;
  }
  return added;
}

/**
 * Adds a supplier to the registry inside a transaction, or merges it into the record with the same 法人番号
 * at the same place (direct, or under the same parent): supplies and contacts are united, empty fields filled.
 * The 法人番号 must already be checked.
 */
export async function upsertSupplier(
  tx: TxCtx,
  input: SupplierInput,
  corporateNumber: string | null,
): Promise<{ id: string; merged: boolean }> {
  const now = tx.now.toISOString();
  const parentId = input.parentSupplierId ?? null;
  let tier = 1;
  if (parentId !== null) {
    const parent = await findSupplier(tx.trx, tx.orgId, parentId);
    if (!parent) return fail('supplier_parent_invalid', { pointer: '/parentSupplierId' });
    tier = parent.tier + 1;
  }
  if (input.linkedOrgId && !(await isActiveSupplierOf(tx.trx, tx.orgId, input.linkedOrgId)))
    return fail('supplier_not_related', { pointer: '/linkedOrgId' });
  const same = corporateNumber
    ? await findSupplierByCorporateNumber(tx.trx, tx.orgId, parentId, corporateNumber)
    : undefined;
  if (same) {
    const supplies = [...new Set([...parseSupplies(same.supplies), ...(input.supplies ?? [])])];
    await updateSupplierRow(tx.trx, tx.orgId, same.id, {
      supplies: JSON.stringify(supplies),
      name_kana: same.name_kana ?? input.nameKana ?? null,
      contract_start: same.contract_start ?? input.contractStart ?? null,
      contract_end: same.contract_end ?? input.contractEnd ?? null,
      star_held: same.star_held ?? input.starHeld ?? null,
      linked_org_id: same.linked_org_id ?? input.linkedOrgId ?? null,
      notes: same.notes === '' ? (input.notes ?? '') : same.notes,
      updated_at: now,
    });
    const added = await addContacts(tx, same.id, input.contacts ?? []);
    await tx.audit('supplychain.supplier.merge', { type: 'supplier', id: same.id }, { contactsAdded: added });
    return { id: same.id, merged: true };
  }
  const id = randomUUID();
  await insertSupplier(tx.trx, {
    id,
    org_id: tx.orgId,
    corporate_number: corporateNumber,
    name: input.name,
    name_kana: input.nameKana ?? null,
    supplies: JSON.stringify([...new Set(input.supplies ?? [])]),
    criticality: input.criticality ?? 'medium',
    contract_start: input.contractStart ?? null,
    contract_end: input.contractEnd ?? null,
    star_required: null,
    star_held: input.starHeld ?? null,
    linked_org_id: input.linkedOrgId ?? null,
    tier,
    parent_supplier_id: parentId,
    notes: input.notes ?? '',
    created_by: tx.actor.userId,
    created_at: now,
    updated_at: now,
  });
  await addContacts(tx, id, input.contacts ?? []);
  await tx.audit('supplychain.supplier.create', { type: 'supplier', id }, { tier });
  return { id, merged: false };
}

/** Creates a supplier, or merges it into the one with the same 法人番号 (`merged: true`). */
export async function createSupplier(ctx: Ctx, input: SupplierInput) {
  const cn = checkedCorporateNumber(input.corporateNumber, '/corporateNumber');
  const r = await write(ctx, (tx) => upsertSupplier(tx, input, cn));
  return { ...(await getSupplier(ctx, { supplierId: r.id })), merged: r.merged };
}

/** Changes the fields given; a 法人番号 taken by another record at the same place is a 409. */
export async function updateSupplier(
  ctx: Ctx,
  input: { supplierId: string; change: Partial<Omit<SupplierInput, 'contacts' | 'parentSupplierId'>> },
) {
  const b = input.change;
  const cn =
    b.corporateNumber === undefined
      ? undefined
      : checkedCorporateNumber(b.corporateNumber, '/corporateNumber');
  await write(ctx, async (tx) => {
    const s = await requireSupplier(tx.trx, ctx.orgId, input.supplierId);
    if (cn) {
      const other = await findSupplierByCorporateNumber(tx.trx, ctx.orgId, s.parent_supplier_id, cn);
      if (other && other.id !== s.id)
        return fail('conflict', { pointer: '/corporateNumber', supplierId: other.id });
    }
    if (
      b.linkedOrgId &&
      b.linkedOrgId !== s.linked_org_id &&
      !(await isActiveSupplierOf(tx.trx, ctx.orgId, b.linkedOrgId))
    )
      return fail('supplier_not_related', { pointer: '/linkedOrgId' });
    await updateSupplierRow(tx.trx, ctx.orgId, s.id, {
      ...(cn !== undefined ? { corporate_number: cn } : {}),
      ...(b.name !== undefined ? { name: b.name } : {}),
      ...(b.nameKana !== undefined ? { name_kana: b.nameKana } : {}),
      ...(b.supplies !== undefined ? { supplies: JSON.stringify([...new Set(b.supplies)]) } : {}),
      ...(b.criticality !== undefined ? { criticality: b.criticality } : {}),
      ...(b.contractStart !== undefined ? { contract_start: b.contractStart } : {}),
      ...(b.contractEnd !== undefined ? { contract_end: b.contractEnd } : {}),
      ...(b.starHeld !== undefined ? { star_held: b.starHeld } : {}),
      ...(b.linkedOrgId !== undefined ? { linked_org_id: b.linkedOrgId } : {}),
      ...(b.notes !== undefined ? { notes: b.notes } : {}),
      updated_at: ctx.now.toISOString(),
    });
    await tx.audit('supplychain.supplier.update', { type: 'supplier', id: s.id }, { fields: Object.keys(b) });
    return undefined;
  });
  return getSupplier(ctx, input);
}

/** Deletes a supplier with its contacts, decisions and the records under it. */
export async function deleteSupplier(ctx: Ctx, input: { supplierId: string }): Promise<void> {
  await write(ctx, async (tx) => {
    if (!(await deleteSupplierRow(tx.trx, ctx.orgId, input.supplierId))) return fail('not_found');
    await tx.audit('supplychain.supplier.delete', { type: 'supplier', id: input.supplierId });
    return undefined;
  });
}

/** Adds a contact (an e-mail already there is a 409). */
export async function addContact(ctx: Ctx, input: { supplierId: string; contact: ContactInput }) {
  await write(ctx, async (tx) => {
    await requireSupplier(tx.trx, ctx.orgId, input.supplierId);
    if ((await addContacts(tx, input.supplierId, [input.contact])) === 0)
      return fail('conflict', { pointer: '/email' });
    await tx.audit('supplychain.contact.add', { type: 'supplier', id: input.supplierId });
    return undefined;
  });
  return getSupplier(ctx, input);
}

export async function removeContact(ctx: Ctx, input: { supplierId: string; contactId: string }) {
  await write(ctx, async (tx) => {
    await requireSupplier(tx.trx, ctx.orgId, input.supplierId);
    const c = await findSupplierContact(tx.trx, ctx.orgId, input.supplierId, input.contactId);
    if (!c) return fail('not_found');
    await deleteSupplierContact(tx.trx, ctx.orgId, input.supplierId, c.id);
    if (c.is_primary === 1) {
      const next = (await listSupplierContacts(tx.trx, ctx.orgId, input.supplierId))[0];
      if (next) await setPrimarySupplierContact(tx.trx, ctx.orgId, input.supplierId, next.id);
    }
    await tx.audit('supplychain.contact.remove', { type: 'supplier', id: input.supplierId });
    return undefined;
  });
  return getSupplier(ctx, input);
}
