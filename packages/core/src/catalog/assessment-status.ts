/** Review workflow of an assessment (評価): draft → in review → approved → locked, with who and when. */
export const ASSESSMENT_STATUSES = ['draft', 'in_review', 'approved', 'locked'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Who may move an assessment: 'writer' (answers) or 'reviewer' (approves). */
export type StatusActor = 'writer' | 'reviewer';

const MOVES: Record<AssessmentStatus, Partial<Record<AssessmentStatus, StatusActor>>> = {
  draft: { in_review: 'writer' },
  in_review: { approved: 'reviewer', draft: 'writer' },
  approved: { locked: 'reviewer', draft: 'reviewer' },
  locked: {},
};

/** Null when the move is allowed for `actor`; otherwise why not. */
export function checkStatusMove(
  from: AssessmentStatus,
  to: AssessmentStatus,
  actor: StatusActor,
): 'invalid_move' | 'needs_reviewer' | null {
  const needed = MOVES[from][to];
  if (needed === undefined) return 'invalid_move';
  if (needed === 'reviewer' && actor !== 'reviewer') return 'needs_reviewer';
  return null;
}

/** Answers change only while the assessment is a draft. */
export function answersEditable(status: AssessmentStatus): boolean {
  return status === 'draft';
}
