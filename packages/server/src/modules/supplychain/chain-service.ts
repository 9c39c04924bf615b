import { coverage, type Coverage, type Criticality } from '@shinrai/core/supplychain';
import {
  activeBuyerOrgs,
  activeSupplierOrgs,
  findActiveRegistryShare,
  insertRegistryShare,
  isActiveSupplierOf,
  listRegistrySharesBy,
  listSuppliers,
  revokeRegistryShares,
  setRegistryShareOnward,
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

/** Organizations a supplier record may link to: the caller's suppliers on Shinrai (active buyer → supplier relationships). */
export async function linkableOrgs(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  return activeSupplierOrgs(ctx.deps.store.db, ctx.orgId);
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
      onward: active?.onward === 1,
      sharedAt: active?.created_at ?? null,
    };
  });
}

/**
 * Shares (or stops sharing) the caller's own supplier registry with one of its buyers; `onward` also lets
 * that buyer pass it on to its own buyers (their tier 3 and beyond). Audited.
 */
export async function setRegistryShare(
  ctx: Ctx,
  input: { withOrgId: string; shared: boolean; onward?: boolean | undefined },
) {
  const onward = input.onward ?? false;
  await write(ctx, async (tx) => {
    if (input.shared) {
      if (!(await isActiveSupplierOf(tx.trx, input.withOrgId, ctx.orgId)))
        return fail('supplier_not_related', { pointer: '/withOrgId' });
      const active = await findActiveRegistryShare(tx.trx, ctx.orgId, input.withOrgId);
      if (active) {
        if ((active.onward === 1) === onward) return undefined;
        await setRegistryShareOnward(tx.trx, active.id, onward);
        await tx.audit(
          'supplychain.registry.share',
          { type: 'supplier_registry_share', id: active.id },
          { with: input.withOrgId, onward },
        );
        return undefined;
      }
      const id = randomUUID();
      await insertRegistryShare(tx.trx, {
        id,
        org_id: ctx.orgId,
        with_org_id: input.withOrgId,
        onward: onward ? 1 : 0,
        created_by: ctx.actor.userId,
        created_at: ctx.now.toISOString(),
        revoked_at: null,
      });
      await tx.audit(
        'supplychain.registry.share',
        { type: 'supplier_registry_share', id },
        { with: input.withOrgId, onward },
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
