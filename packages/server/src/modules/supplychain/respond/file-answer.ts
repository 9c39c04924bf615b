import { findAnswer, listCampaignEvidence } from '@shinrai/store';
import type { TxCtx } from '../../../platform/context.ts';
import { writeAnswer } from '../../assessments/public.ts';
import { fail } from '../campaigns/errors.ts';
import type { Respondent } from './session.ts';

/**
 * Writes the answers of file questions from the evidence files their items now hold (after an upload or a
 * reuse that copied files), in the caller's transaction: `{kind:'file', files}`, or unanswered when none.
 */
export async function syncFileAnswers(tx: TxCtx, r: Respondent, refs: readonly string[]): Promise<void> {
  if (refs.length === 0) return;
  const assessmentId = r.request.assessment_id ?? fail('respond_session_missing');
  const held = await listCampaignEvidence(tx.trx, tx.orgId, r.request.id);
  for (const ref of refs) {
    const files = held.filter((e) => e.ref === ref).length;
    const current = await findAnswer(tx.trx, tx.orgId, assessmentId, ref);
    await writeAnswer(tx.trx, {
      orgId: tx.orgId,
      assessmentId,
      ref,
      change: { value: files > 0 ? { kind: 'file', files } : null },
      revision: current?.revision ?? 0,
      by: r.member?.actor.userId ?? null,
      now: tx.now.toISOString(),
      previous: current ?? null,
      readBack: false,
    });
  }
}
