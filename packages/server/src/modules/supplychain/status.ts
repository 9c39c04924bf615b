import type { StatusEvidence } from '@shinrai/core/supplychain';
import type { Ctx } from '../../platform/context.ts';
import { campaignStatusEvidence } from './campaigns/coverage.ts';

/**
 * Where a supplier's known status (状況把握) comes from. A source returns, for suppliers of the caller's
 * registry, the dates on which an assessment or declaration of theirs was accepted (a campaign answer the
 * buyer accepted, a ★ result, a shared self-assessment). Coverage counts a status as known when one of
 * these is at most 12 months old (`coverage` in @shinrai/core/supplychain).
 *
 * Campaign results plug in here (one line in STATUS_SOURCES).
 */
export type StatusSource = (ctx: Ctx, supplierIds: readonly string[]) => Promise<StatusEvidence[]>;

export const STATUS_SOURCES: StatusSource[] = [campaignStatusEvidence];

/** The evidence of every source for these suppliers. */
export async function statusEvidence(ctx: Ctx, supplierIds: readonly string[]): Promise<StatusEvidence[]> {
  if (supplierIds.length === 0) return [];
  const all = await Promise.all(STATUS_SOURCES.map((s) => s(ctx, supplierIds)));
  return all.flat();
}
