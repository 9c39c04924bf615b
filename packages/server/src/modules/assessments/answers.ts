import { answersEditable, type AnswerValue, type AssessmentStatus } from '@shinrai/core';
import { findAnswer, findAssessment, saveAnswer, type AnswerRow, type Executor } from '@shinrai/store';
import { fail } from './errors.ts';

/** What a caller changes of one answer; a field left undefined keeps its previous value. */
export interface AnswerChange {
  value: AnswerValue | null;
  comment?: string | null;
  assigneeId?: string | null;
  dueDate?: string | null;
}

/**
 * The one way any module writes an answer. Refuses (409 assessment_not_editable) unless the
 * assessment takes answers (a draft: not in review, approved or locked), whoever the caller is.
 * Saves one answer if its stored revision is still `revision` (optimistic concurrency), keeping the fields the
 * change leaves out. Returns whether it was saved and the answer as it now stands (the newer one on a conflict).
 */
export async function writeAnswer(
  trx: Executor,
  p: {
    orgId: string;
    assessmentId: string;
    ref: string;
    change: AnswerChange;
    revision: number;
    by: string | null;
    now: string;
    /** The stored answer when the caller has just read it in this transaction (null: none yet). */
    previous?: AnswerRow | null;
    /** false: the caller does not need the answer read back (`current` is then undefined). */
    readBack?: boolean;
  },
): Promise<{ ok: boolean; current: AnswerRow | undefined }> {
  const assessment = (await findAssessment(trx, p.orgId, p.assessmentId)) ?? fail('not_found');
  if (!answersEditable(assessment.status as AssessmentStatus)) fail('assessment_not_editable');
  const previous =
    p.previous === undefined
      ? await findAnswer(trx, p.orgId, p.assessmentId, p.ref)
      : (p.previous ?? undefined);
  const keep = <T>(given: T | undefined, old: T | null | undefined): T | null =>
    given === undefined ? (old ?? null) : given;
  const ok = await saveAnswer(
    trx,
    {
      assessment_id: p.assessmentId,
      org_id: p.orgId,
      ref: p.ref,
      value: p.change.value === null ? null : JSON.stringify(p.change.value),
      comment: keep(p.change.comment, previous?.comment),
      assignee_id: keep(p.change.assigneeId, previous?.assignee_id),
      due_date: keep(p.change.dueDate, previous?.due_date),
      updated_by: p.by,
      updated_at: p.now,
    },
    p.revision,
  );
  if (p.readBack === false) return { ok, current: undefined };
  return { ok, current: await findAnswer(trx, p.orgId, p.assessmentId, p.ref) };
}
