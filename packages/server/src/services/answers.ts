import type { AnswerValue } from '@shinrai/core';
import { findAnswer, saveAnswer, type AnswerRow, type Executor } from '@shinrai/store';

/** What a caller changes of one answer; a field left undefined keeps its previous value. */
export interface AnswerChange {
  value: AnswerValue | null;
  comment?: string | null;
  assigneeId?: string | null;
  dueDate?: string | null;
}

/**
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
  },
): Promise<{ ok: boolean; current: AnswerRow | undefined }> {
  const previous = await findAnswer(trx, p.orgId, p.assessmentId, p.ref);
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
  return { ok, current: await findAnswer(trx, p.orgId, p.assessmentId, p.ref) };
}
