import type { Aggregate } from '../catalog/scoring.ts';
import type { Band, Text } from '../catalog/pack.ts';
import type { AnswerValue } from '../catalog/scoring.ts';
import { securityActionEligibility, type Eligibility } from './security-action.ts';

/** The five basic rules (情報セキュリティ5か条): a company declares each one. */
export const FIVE_RULES_TOTAL = 5;
/** Items of IPA's self-check (5分でできる！情報セキュリティ自社診断), shown before any self-check exists. */
export const SELF_CHECK_ITEMS = 25;

export interface SelfCheckStatus {
  assessmentId: string | null;
  answered: number;
  total: number;
  points: number | null;
  band: { id: string; label: Text; advice?: Text } | null;
  /** When the self-check was completed (its last change, once every item is answered), else null. */
  doneAt: string | null;
}

export interface SmeStatusInput {
  /** The latest five-rules assessment and its answers, or null. */
  fiveRules: { assessmentId: string; answers: Iterable<AnswerValue> } | null;
  /** The latest self-check assessment, its overall score and its last change, or null. */
  selfCheck: { assessmentId: string; updatedAt: string; overall: Aggregate & { band: Band | null } } | null;
  /** The basic policy: absent, or whether it is published. */
  policy: { published: boolean } | null;
  /** The policy's public address when it is published (the caller knows the site and the slug). */
  publicUrl: string | null;
}

export interface SmeStatus {
  fiveRules: { assessmentId: string | null; declared: number; total: number };
  selfCheck: SelfCheckStatus;
  policy: { set: boolean; published: boolean; publicUrl: string | null };
  eligibility: Eligibility;
}

/**
 * Progress toward SECURITY ACTION ★ / ★★: how many of the five rules are declared, how far the
 * self-check is, whether the basic policy is set and published, and the level that allows.
 */
export function smeStatus(input: SmeStatusInput): SmeStatus {
  let selfCheck: SelfCheckStatus = {
    assessmentId: null,
    answered: 0,
    total: SELF_CHECK_ITEMS,
    points: null,
    band: null,
    doneAt: null,
  };
  if (input.selfCheck) {
    const s = input.selfCheck.overall;
    selfCheck = {
      assessmentId: input.selfCheck.assessmentId,
      answered: s.answered,
      total: s.items,
      points: s.points,
      band: s.band
        ? { id: s.band.id, label: s.band.label, ...(s.band.advice ? { advice: s.band.advice } : {}) }
        : null,
      doneAt: s.answered === s.items ? input.selfCheck.updatedAt : null,
    };
  }
  const declared = input.fiveRules
    ? [...input.fiveRules.answers].filter((v) => v.kind === 'choice' && v.value === 'declared').length
    : 0;
  const policy = { set: input.policy !== null, published: input.policy?.published === true };
  const eligibility = securityActionEligibility({
    fiveRules: { declared, total: FIVE_RULES_TOTAL },
    selfCheck: { answered: selfCheck.answered, total: selfCheck.total },
    policy,
  });
  return {
    fiveRules: { assessmentId: input.fiveRules?.assessmentId ?? null, declared, total: FIVE_RULES_TOTAL },
    selfCheck,
    policy: { ...policy, publicUrl: policy.published ? input.publicUrl : null },
    eligibility,
  };
}
