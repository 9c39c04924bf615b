import type { AnswerModel } from '../../catalog/pack.ts';
import { answerFits, type AnswerValue } from '../../catalog/scoring.ts';
import { isCalendarDate } from '../../calendar-date.ts';

/**
 * What a respondent is asked per catalog item, and the rules of a questionnaire answer:
 * - the item's own question, of its catalog answer model (single choice, multiple choice, maturity level,
 *   number, text, date: a calendar day YYYY-MM-DD within the model's optional bounds, file: answered by
 *   attaching at least one evidence file to the item — the stored answer `{kind:'file', files}` is the
 *   server's count of the item's files, kept as files are attached or copied by reuse, never typed, so
 *   "answered", progress and the submit check need nothing else);
 * - a conditional follow-up (フォローアップ): when the answer says the measure is not (fully) in place — an
 *   option worth no points, an "unknown" option, the lowest maturity level — the respondent must say why
 *   and by when it will be (a text and a date), before the questionnaire can be submitted;
 * - evidence files per item (証跡), optional, checked by `evidenceRefusal`.
 */
export type QuestionKind = 'single' | 'multiple' | 'maturity' | 'number' | 'text' | 'date' | 'file';

export function questionKind(model: AnswerModel): QuestionKind {
  return model.kind === 'choice' ? 'single' : model.kind;
}

/** True when the answer asks for the follow-up (reason and planned date). */
export function needsFollowUp(model: AnswerModel, value: AnswerValue | null): boolean {
  if (value === null) return false;
  if (model.kind === 'choice' && value.kind === 'choice') {
    const opt = model.options.find((o) => o.value === value.value);
    if (!opt) return false;
    if (opt.unknown === true) return true;
    const scored = model.options.filter((o) => o.unknown !== true && o.points !== undefined);
    if (scored.length < 2 || opt.points === undefined) return false;
    return opt.points === Math.min(...scored.map((o) => o.points ?? 0));
  }
  if (model.kind === 'maturity' && value.kind === 'maturity') {
    return value.level === Math.min(...model.levels.map((l) => l.level));
  }
  return false;
}

export interface FollowUp {
  reason: string | null;
  plannedDate: string | null;
}

export const FOLLOW_UP_REASON_MAX = 2000;

/** A located problem with one respondent answer (pointer relative to the answer body). */
export interface AnswerProblem {
  pointer: string;
  code: 'not_fitting' | 'follow_up_missing' | 'bad_date' | 'too_long';
}

/**
 * Checks one answer as the respondent saves it: the value must fit the item's model; a follow-up, when
 * given, must be a real calendar day and not too long. Missing follow-ups are only refused on submit
 * (`submitProblems`), so a half-filled questionnaire can be saved.
 */
export function answerProblems(
  model: AnswerModel,
  value: AnswerValue | null,
  followUp: FollowUp,
): AnswerProblem[] {
  const out: AnswerProblem[] = [];
  if (value !== null && !answerFits(model, value)) out.push({ pointer: '/value', code: 'not_fitting' });
  // A file question is answered by its files; clearing it while they stay would say otherwise.
  if (value === null && model.kind === 'file') out.push({ pointer: '/value', code: 'not_fitting' });
  if (followUp.plannedDate !== null && !isCalendarDate(followUp.plannedDate))
    out.push({ pointer: '/followUp/plannedDate', code: 'bad_date' });
  if (followUp.reason !== null && followUp.reason.length > FOLLOW_UP_REASON_MAX)
    out.push({ pointer: '/followUp/reason', code: 'too_long' });
  return out;
}

export interface ItemForSubmit {
  ref: string;
  model: AnswerModel;
  value: AnswerValue | null;
  followUp: FollowUp;
}

export interface SubmitProblem {
  ref: string;
  code: 'unanswered' | 'follow_up_missing';
}

/** What stops a submission: unanswered items, and follow-ups the answers ask for but lack. */
export function submitProblems(items: readonly ItemForSubmit[]): SubmitProblem[] {
  const out: SubmitProblem[] = [];
  for (const it of items) {
    if (it.value === null) out.push({ ref: it.ref, code: 'unanswered' });
    else if (
      needsFollowUp(it.model, it.value) &&
      (it.followUp.reason === null || it.followUp.reason.trim() === '' || it.followUp.plannedDate === null)
    )
      out.push({ ref: it.ref, code: 'follow_up_missing' });
  }
  return out;
}

/** Evidence limits (証跡): size and the types a supplier typically has (PDF, images, office files, text). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_PER_ITEM = 5;
export const EVIDENCE_TYPES: Readonly<Record<string, readonly string[]>> = {
  pdf: ['application/pdf'],
  png: ['image/png'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  txt: ['text/plain'],
  csv: ['text/csv', 'text/plain'],
};

export type EvidenceRefusal = 'too_large' | 'type' | 'too_many' | 'empty';

/** Whether an evidence file is taken; its content is checked separately (magic bytes) by the server. */
export function evidenceRefusal(name: string, bytes: number, existingOnItem: number): EvidenceRefusal | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (!(ext in EVIDENCE_TYPES) || !name.includes('.')) return 'type';
  if (bytes === 0) return 'empty';
  if (bytes > EVIDENCE_MAX_BYTES) return 'too_large';
  if (existingOnItem >= EVIDENCE_MAX_PER_ITEM) return 'too_many';
  return null;
}

/** Item states of a request (依頼) as the buyer reviews it. */
export type ItemState = 'open' | 'returned' | 'accepted';
/** A request's states: sent → (opened) → submitted → accepted; returned items reopen a submitted one. */
export type RequestStatus = 'queued' | 'sent' | 'opened' | 'submitted' | 'accepted' | 'closed';

/** Whether the respondent may change an item now. */
export function respondentMayEdit(status: RequestStatus, item: ItemState): boolean {
  if (item === 'accepted') return false;
  if (status === 'accepted' || status === 'closed') return false;
  if (status === 'submitted') return item === 'returned';
  return true;
}
