import { japanDay } from '@shinrai/core/supplychain';
import {
  correctRequestStarResult,
  findStarResult,
  listStarResultCopies,
  updateStarResult,
  type StarResultRow,
} from '@shinrai/store';
import { write, type Ctx, type TxCtx } from '../../../platform/context.ts';
import { audit, lockAuditOf } from '../../../platform/services/audit-trail.ts';
import { fail } from '../campaigns/errors.ts';
import { checkedStarResult, ownStarResultView, type StarResultInput } from './service.ts';

/** A request whose buyer accepted it locks the ★ result shown on it; a closed one keeps what it was shown. */
const FINAL = new Set(['accepted', 'closed']);

type Copy = Awaited<ReturnType<typeof listStarResultCopies>>[number];

/** Whether a ★ result may still be corrected: not once shown on a request its buyer accepted. */
export function starResultLocked(copies: Copy[]): boolean {
  return copies.some((c) => c.status === 'accepted');
}

const SHOWN = [
  'level',
  'kind',
  'obtained_on',
  'valid_until',
  'body_name',
  'registration_no',
  'evidence_name',
  'evidence_type',
  'evidence_size',
  'evidence_sha256',
  'evidence_key',
] as const;
type Patch = Partial<Pick<StarResultRow, (typeof SHOWN)[number] | 'assessment_id'>>;

/** The result as found, refused when another organization's (404) or locked by an accepted request (409). */
export async function editableStarResult(ctx: Ctx, id: string): Promise<StarResultRow> {
  const row = (await findStarResult(ctx.deps.store.db, ctx.orgId, id)) ?? fail('not_found');
  if (starResultLocked(await listStarResultCopies(ctx.deps.store.db, ctx.orgId, id)))
    fail('star_result_locked');
  return row;
}

/**
 * Applies a correction inside the transaction: the supplier's result, then the copy on every open request
 * showing it (marked corrected now). Audited in the supplier's log (`action`) and, per request, in its
 * buyer's log (`respond.star_result_correct`). The lock is checked again inside the transaction.
 */
export async function applyStarResultCorrection(
  tx: TxCtx,
  before: StarResultRow,
  patch: Patch,
  action: string,
  details: Record<string, unknown> = {},
): Promise<string[]> {
  const postgres = tx.deps.store.ops.name === 'postgres';
  const copies = await listStarResultCopies(tx.trx, tx.orgId, before.id, postgres);
  if (starResultLocked(copies)) fail('star_result_locked');
  const open = copies.filter((c) => !FINAL.has(c.status));
  await lockAuditOf(tx.trx, [tx.orgId, ...open.map((c) => c.org_id)]);
  const now = tx.now.toISOString();
  await updateStarResult(tx.trx, tx.orgId, before.id, { ...patch, updated_at: now });
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(patch) as [keyof Patch, unknown][])
    if (before[k] !== v && k !== 'evidence_key') changed[k] = { from: before[k], to: v };
  const shownPatch: Patch = {};
  for (const k of SHOWN) if (k in patch) (shownPatch as Record<string, unknown>)[k] = patch[k];
  for (const c of open) {
    await correctRequestStarResult(tx.trx, c.org_id, c.request_id, { ...shownPatch, corrected_at: now });
    await audit(
      tx.deps,
      tx.trx,
      tx.actor,
      c.org_id,
      'respond.star_result_correct',
      { type: 'campaign_request', id: c.request_id },
      { supplierOrgId: tx.orgId, sourceType: 'star_result', sourceId: before.id, changed },
    );
  }
  await tx.audit(
    action,
    { type: 'star_result', id: before.id },
    {
      ...details,
      changed,
      requests: open.map((c) => c.request_id),
    },
  );
  return open.map((c) => c.request_id);
}

/**
 * Corrects a ★ result the organization recorded (level, kind, dates, body, number, own assessment), with
 * the same located problems as recording. Refused once a buyer accepted a request showing it; the buyers
 * of open requests showing it see the corrected values ("corrected on"). Audited in both logs.
 */
export async function editStarResult(ctx: Ctx, id: string, input: StarResultInput) {
  const before = await editableStarResult(ctx, id);
  const checked = await checkedStarResult(ctx, input);
  await write(ctx, (tx) => applyStarResultCorrection(tx, before, checked, 'supplychain.star_result.edit'));
  const row = (await findStarResult(ctx.deps.store.db, ctx.orgId, id))!;
  return ownStarResultView(row, japanDay(ctx.now), false);
}
