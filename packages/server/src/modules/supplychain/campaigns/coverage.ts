import { acceptedRequestsSince, type Executor } from '@shinrai/store';

/** A supplier's status counts as known (状況把握) when the buyer accepted its answer within this many months. */
export const KNOWN_WITHIN_MONTHS = 12;

export interface KnownStatus {
  acceptedAt: string;
  campaignId: string;
  /** The buyer's assessment holding the answers (scores through the assessment engine). */
  assessmentId: string | null;
}

/**
 * For coverage: the suppliers of `orgId` whose status is known at `now` — an accepted campaign answer
 * within the last 12 months — each with its latest accepted answer. Suppliers not in the map are unknown.
 */
export async function knownSupplierStatus(
  ex: Executor,
  orgId: string,
  now: Date,
): Promise<Map<string, KnownStatus>> {
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - KNOWN_WITHIN_MONTHS);
  const rows = await acceptedRequestsSince(ex, orgId, since.toISOString());
  return new Map(
    rows.map((r) => [
      r.supplier_id,
      { acceptedAt: r.accepted_at, campaignId: r.campaign_id, assessmentId: r.assessment_id },
    ]),
  );
}

/**
 * Campaign results as a source of known status for the registry's coverage (`STATUS_SOURCES` in
 * ../status.ts): each supplier's latest accepted answer within the last 12 months.
 */
export async function campaignStatusEvidence(
  ctx: { deps: { store: { db: Executor } }; orgId: string; now: Date },
  supplierIds: readonly string[],
): Promise<{ supplierId: string; acceptedAt: string; source: string }[]> {
  const wanted = new Set(supplierIds);
  const known = await knownSupplierStatus(ctx.deps.store.db, ctx.orgId, ctx.now);
  return [...known]
    .filter(([id]) => wanted.has(id))
    .map(([supplierId, k]) => ({ supplierId, acceptedAt: k.acceptedAt, source: 'campaign' }));
}
