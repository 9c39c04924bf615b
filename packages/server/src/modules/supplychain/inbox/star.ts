import { japanDay, starResultExpired } from '@shinrai/core/supplychain';
import {
  deleteRequestStarResult,
  findRequestStarResult,
  findStarResult,
  listStarResults,
  saveRequestStarResult,
} from '@shinrai/store';
import { write, type Ctx } from '../../../platform/context.ts';
import { audit, lockAuditOf } from '../../../platform/services/audit-trail.ts';
import { fail } from '../campaigns/errors.ts';
import { ctxOfRespondent, whoAnswered, type Respondent } from '../respond/session.ts';
import { shownStarResult } from '../star-results/service.ts';
import { inboxRespondent, startedRespondent } from './service.ts';

/** Before submission the supplier may take a ★ result back; once submitted (or accepted) it stays. */
const WITHDRAWABLE = new Set(['sent', 'opened']);

/**
 * The supplier's unexpired ★ results it may show the buyer of this request, each exactly as the buyer would
 * see it, and the one attached already (expired results are never offered).
 */
export async function starOffer(ctx: Ctx, r: Respondent) {
  const today = japanDay(ctx.now);
  const own = (await listStarResults(ctx.deps.store.db, ctx.orgId)).filter(
    (s) => !starResultExpired(s.valid_until, today),
  );
  const attached = await findRequestStarResult(ctx.deps.store.db, r.link.org_id, r.request.id);
  return {
    items: own.map((s) => ({ id: s.id, shown: shownStarResult(s, today) })),
    attached: attached
      ? {
          starResultId: attached.star_result_id,
          attachedAt: attached.attached_at,
          correctedAt: attached.corrected_at,
          shown: shownStarResult(attached, today),
        }
      : null,
    withdrawable: WITHDRAWABLE.has(r.request.status),
  };
}

/**
 * Attaches one of the supplier's ★ results to the request after it confirmed: a copy of what it was shown
 * is kept with the buyer's request; audited in both organizations' logs. Expired results are refused;
 * an accepted request is locked.
 */
export async function attachStarResult(ctx: Ctx, requestId: string, starResultId: string): Promise<void> {
  const before = await inboxRespondent(ctx, requestId);
  if (before.request.status === 'accepted') fail('campaign_state');
  const s =
    (await findStarResult(ctx.deps.store.db, ctx.orgId, starResultId)) ??
    fail('reuse_source_unknown', [{ in: 'body', pointer: '/starResultId' }]);
  if (starResultExpired(s.valid_until, japanDay(ctx.now)))
    fail('star_result_expired', [{ in: 'body', pointer: '/starResultId' }]);
  const r = await startedRespondent(ctx, requestId);
  await write(ctxOfRespondent(ctx.deps, r, ctx.actor.requestId), async (tx) => {
    await lockAuditOf(tx.trx, [tx.orgId, ctx.orgId]);
    await saveRequestStarResult(tx.trx, {
      request_id: r.request.id,
      org_id: tx.orgId,
      supplier_org_id: ctx.orgId,
      star_result_id: s.id,
      level: s.level,
      kind: s.kind,
      obtained_on: s.obtained_on,
      valid_until: s.valid_until,
      body_name: s.body_name,
      registration_no: s.registration_no,
      evidence_name: s.evidence_name,
      evidence_type: s.evidence_type,
      evidence_size: s.evidence_size,
      evidence_sha256: s.evidence_sha256,
      evidence_key: s.evidence_key,
      attached_at: tx.now.toISOString(),
      corrected_at: null,
    });
    const details = {
      ...whoAnswered(r),
      consent: true,
      sourceType: 'star_result',
      sourceId: s.id,
      level: s.level,
      validUntil: s.valid_until,
    };
    const target = { type: 'campaign_request', id: r.request.id };
    await tx.audit('respond.star_result', target, details);
    await audit(ctx.deps, tx.trx, tx.actor, ctx.orgId, 'supplychain.inbox.star_result', target, details);
  });
}

/** Takes the attached ★ result back before the request is submitted; audited in both logs. */
export async function withdrawStarResult(ctx: Ctx, requestId: string): Promise<void> {
  const r = await inboxRespondent(ctx, requestId);
  if (!WITHDRAWABLE.has(r.request.status)) fail('campaign_state');
  const attached =
    (await findRequestStarResult(ctx.deps.store.db, r.link.org_id, r.request.id)) ?? fail('not_found');
  await write(ctxOfRespondent(ctx.deps, r, ctx.actor.requestId), async (tx) => {
    await lockAuditOf(tx.trx, [tx.orgId, ctx.orgId]);
    await deleteRequestStarResult(tx.trx, tx.orgId, r.request.id);
    const details = { ...whoAnswered(r), sourceType: 'star_result', sourceId: attached.star_result_id };
    const target = { type: 'campaign_request', id: r.request.id };
    await tx.audit('respond.star_result_withdraw', target, details);
    await audit(
      ctx.deps,
      tx.trx,
      tx.actor,
      ctx.orgId,
      'supplychain.inbox.star_result_withdraw',
      target,
      details,
    );
  });
}
