import {
  concentrations,
  coverage,
  type ChainNode,
  type Coverage,
  type Criticality,
} from '@shinrai/core/supplychain';
import {
  activeBuyerOrgs,
  findActiveRegistryShare,
  insertRegistryShare,
  isActiveSupplierOf,
  listRegistrySharesBy,
  listSharedRegistries,
  listSuppliers,
  revokeRegistryShares,
  supplierOrgNames,
  type Database,
} from '@shinrai/store';
import type { Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
import { write, type Ctx } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import type { EndedRelationship } from '../../platform/module.ts';
import { audit } from '../../platform/services/audit-trail.ts';
import { fail } from './errors.ts';
import { statusEvidence } from './status.ts';

export interface ChainView {
  nodes: (ChainNode & { statusKnown: boolean; sharedBy: string | null })[];
  concentrations: ReturnType<typeof concentrations>;
  /** Tier-1 suppliers on Shinrai that do not share their registry (their tier 2 is not visible). */
  notShared: { supplierId: string; orgId: string; orgName: string }[];
}

/**
 * The buyer's chain: its tier-1 suppliers, the tier-2+ records it keeps, and the direct suppliers of each
 * tier-1 supplier on Shinrai that shares its registry with the buyer (explicitly, under an active
 * relationship). Nothing of a supplier that does not share. Concentrations: one company behind several tier-1s.
 */
export async function supplyChain(ctx: Ctx): Promise<ChainView> {
  const db = ctx.deps.store.db;
  const own = await listSuppliers(db, ctx.orgId);
  const linked = own.filter((s) => s.tier === 1 && s.linked_org_id !== null);
  const shared = await listSharedRegistries(
    db,
    ctx.orgId,
    linked.map((s) => s.linked_org_id!),
  );
  const evidence = await statusEvidence(
    ctx,
    own.map((s) => s.id),
  );
  const known = coverage(
    own.map((s) => ({ id: s.id, criticality: s.criticality as Criticality, tier: s.tier })),
    evidence,
    ctx.now,
  ).knownSince;
  const nodes: ChainView['nodes'] = own.map((s) => ({
    id: s.id,
    parentId: s.parent_supplier_id,
    tier: s.tier,
    name: s.name,
    corporateNumber: s.corporate_number,
    linkedOrgId: s.linked_org_id,
    criticality: s.criticality as Criticality,
    source: 'record',
    statusKnown: known.has(s.id),
    sharedBy: null,
  }));
  const sharers = new Set(shared.map((r) => r.org_id));
  for (const t1 of linked) {
    for (const r of shared.filter((x) => x.org_id === t1.linked_org_id)) {
      nodes.push({
        id: `${t1.id}:${r.id}`,
        parentId: t1.id,
        tier: 2,
        name: r.name,
        corporateNumber: r.corporate_number,
        linkedOrgId: r.linked_org_id,
        criticality: r.criticality as Criticality,
        source: 'shared',
        statusKnown: false,
        sharedBy: t1.linked_org_id,
      });
    }
  }
  const names = await supplierOrgNames(
    db,
    linked.map((s) => s.linked_org_id!),
  );
  return {
    nodes,
    concentrations: concentrations(nodes),
    notShared: linked
      .filter((s) => !sharers.has(s.linked_org_id!))
      .map((s) => ({
        supplierId: s.id,
        orgId: s.linked_org_id!,
        orgName: names.get(s.linked_org_id!) ?? '',
      })),
  };
}

/** 状況把握率 of the caller's registry, overall, by criticality and by tier. */
export async function supplierCoverage(ctx: Ctx): Promise<Omit<Coverage, 'knownSince'> & { asOf: string }> {
  const own = await listSuppliers(ctx.deps.store.db, ctx.orgId);
  const c = coverage(
    own.map((s) => ({ id: s.id, criticality: s.criticality as Criticality, tier: s.tier })),
    await statusEvidence(
      ctx,
      own.map((s) => s.id),
    ),
    ctx.now,
  );
  return {
    overall: c.overall,
    byCriticality: c.byCriticality,
    byTier: c.byTier,
    asOf: ctx.now.toISOString(),
  };
}

/** The caller's buyers on Shinrai, and whether the caller shares its own supplier registry with each. */
export async function registryShares(ctx: Ctx) {
  const db = ctx.deps.store.db;
  const [buyers, shares] = await Promise.all([
    activeBuyerOrgs(db, ctx.orgId),
    listRegistrySharesBy(db, ctx.orgId),
  ]);
  return buyers.map((b) => {
    const active = shares.find((s) => s.with_org_id === b.id && s.revoked_at === null);
    return {
      orgId: b.id,
      orgName: b.name,
      shared: active !== undefined,
      sharedAt: active?.created_at ?? null,
    };
  });
}

/** Shares (or stops sharing) the caller's own supplier registry with one of its buyers. Audited. */
export async function setRegistryShare(ctx: Ctx, input: { withOrgId: string; shared: boolean }) {
  await write(ctx, async (tx) => {
    if (input.shared) {
      if (!(await isActiveSupplierOf(tx.trx, input.withOrgId, ctx.orgId)))
        return fail('supplier_not_related', { pointer: '/withOrgId' });
      if (await findActiveRegistryShare(tx.trx, ctx.orgId, input.withOrgId)) return undefined;
      const id = randomUUID();
      await insertRegistryShare(tx.trx, {
        id,
        org_id: ctx.orgId,
        with_org_id: input.withOrgId,
        created_by: ctx.actor.userId,
        created_at: ctx.now.toISOString(),
        revoked_at: null,
      });
      await tx.audit(
        'supplychain.registry.share',
        { type: 'supplier_registry_share', id },
        { with: input.withOrgId },
      );
    } else if ((await revokeRegistryShares(tx.trx, ctx.orgId, input.withOrgId, ctx.now.toISOString())) > 0) {
      await tx.audit('supplychain.registry.unshare', null, { with: input.withOrgId });
    }
    return undefined;
  });
  return registryShares(ctx);
}

/** When a buyer → supplier relationship ends, the supplier's registry share with that buyer ends too. */
export async function revokeRegistrySharesOnEnd(
  deps: Deps,
  trx: Transaction<Database>,
  e: EndedRelationship,
): Promise<void> {
  if (e.type !== 'buyer_supplier') return;
  const [buyer, supplier] = [e.fromOrgId, e.toOrgId];
  if ((await revokeRegistryShares(trx, supplier, buyer, e.at)) === 0) return;
  const details = { reason: 'relationship_ended', relationship: e.id, with: buyer };
  await audit(deps, trx, e.actor, supplier, 'supplychain.registry.unshare', null, details);
}
