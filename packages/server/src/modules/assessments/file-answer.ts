import type { AnswerValue } from '@shinrai/core';
import { findAnswer, listEvidence, type Executor } from '@shinrai/store';
import { writeAnswer } from './answers.ts';

/** A file question's answer from its files: how many the item holds, or unanswered when none. */
export const fileAnswer = (files: number): AnswerValue | null => (files > 0 ? { kind: 'file', files } : null);

/** How many evidence files an assessment item holds (read in the caller's transaction). */
export async function evidenceCount(ex: Executor, orgId: string, assessmentId: string, ref: string) {
  return (await listEvidence(ex, orgId, assessmentId)).filter((e) => e.ref === ref).length;
}

/**
 * Writes a file question's answer from the item's evidence files, after an upload or a removal, in the
 * caller's transaction (the caller refreshes the score). The stored answer is never typed by anyone.
 */
export async function syncFileAnswer(
  ex: Executor,
  p: { orgId: string; assessmentId: string; ref: string; by: string | null; now: string },
): Promise<void> {
  const current = await findAnswer(ex, p.orgId, p.assessmentId, p.ref);
  await writeAnswer(ex, {
    orgId: p.orgId,
    assessmentId: p.assessmentId,
    ref: p.ref,
    change: { value: fileAnswer(await evidenceCount(ex, p.orgId, p.assessmentId, p.ref)) },
    revision: current?.revision ?? 0,
    by: p.by,
    now: p.now,
    previous: current ?? null,
    readBack: false,
  });
}
