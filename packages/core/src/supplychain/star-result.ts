/**
 * A ★ result a supplier obtained under METI's supply-chain security evaluation scheme, as the supplier
 * records it to show its buyers ("answer once").
 *
 * Confirmed from the scheme documents as summarised in star.ts: ★3 is self-assessed and ★4 is assessed
 * by a third party. NOT confirmed from a primary source: how long a result stays valid, and the format of
 * any registration or certificate number. So the validity end date is always entered by the supplier (we
 * compute none), and the number is free text we never check against a format.
 */

export type StarResultKind = 'self' | 'third_party';

export interface StarResultInput {
  level: 3 | 4;
  kind: StarResultKind;
  /** Dates as YYYY-MM-DD. */
  obtainedOn: string;
  validUntil: string;
  bodyName: string | null;
  registrationNo: string | null;
}

export interface StarResultProblem {
  pointer: '/kind' | '/validUntil' | '/bodyName';
  reason: 'kind_level' | 'before_obtained' | 'body_required';
}

/** The kind a level is obtained by (our reading of the scheme: ★3 self-assessment, ★4 third party). */
export const STAR_RESULT_KIND: Record<3 | 4, StarResultKind> = { 3: 'self', 4: 'third_party' };

/**
 * What is wrong with a ★ result as entered: a kind that does not match its level, a validity end before
 * the date obtained, a ★4 without the assessing body's name. Empty when it may be recorded.
 */
export function starResultProblems(r: StarResultInput): StarResultProblem[] {
  const out: StarResultProblem[] = [];
  if (STAR_RESULT_KIND[r.level] !== r.kind) out.push({ pointer: '/kind', reason: 'kind_level' });
  if (r.validUntil < r.obtainedOn) out.push({ pointer: '/validUntil', reason: 'before_obtained' });
  if (r.level === 4 && (r.bodyName === null || r.bodyName.trim() === ''))
    out.push({ pointer: '/bodyName', reason: 'body_required' });
  return out;
}

/** Expired once the last valid day (`validUntil`, inclusive) is before `today` (both YYYY-MM-DD, Japan). */
export function starResultExpired(validUntil: string, today: string): boolean {
  return validUntil < today;
}
