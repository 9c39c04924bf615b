/**
 * The ★3/★4 decision of METI's supply-chain security evaluation scheme (サプライチェーン強化に向けた
 * セキュリティ対策評価制度) for one supplier, from the scheme's three questions.
 *
 * Our reading of the public scheme documents, not an official tool: the interim report (中間取りまとめ,
 * 14 Apr 2025) describes a decision model in which ★4 applies when ANY of the three questions is answered
 * yes, and ★3 otherwise (with other factors to consider). Source as summarised by the Tokyo Metropolitan
 * Government's guidance page (https://cybersecurity-taisaku.metro.tokyo.lg.jp/tip/security-hyoukaseido2).
 * The requirement counts (★3 about 25, self-assessed; ★4 about 44, third-party assessed) and the start
 * (FY2026, second half expected) come from secondary sources and are not confirmed by the final scheme.
 */

/** Version of the rule recorded with each decision, so a later change of the rule keeps old decisions readable. */
export const STAR_RULE_VERSION = 'scs-interim-2025-04';

/** The scheme's three questions, each answered yes (true) or no. */
export interface StarQuestions {
  /** The buyer's important (confidential) information is handled on the supplier's systems. */
  importantInfo: boolean;
  /** An outage at the supplier would delay the buyer's business unacceptably. */
  outageDelay: boolean;
  /** The supplier's environment can reach the buyer's internal network or systems. */
  networkReach: boolean;
}

export const STAR_QUESTION_KEYS = ['importantInfo', 'outageDelay', 'networkReach'] as const;
export type StarQuestionKey = (typeof STAR_QUESTION_KEYS)[number];

export type StarLevel = 3 | 4;

export interface StarDecision {
  level: StarLevel;
  /** The questions answered yes, in the scheme's order: the reason for ★4 (empty for ★3). */
  reasons: StarQuestionKey[];
  ruleVersion: string;
}

/** ★4 when any question is answered yes, ★3 otherwise (our reading; see the file comment). */
export function decideStar(q: StarQuestions): StarDecision {
  const reasons = STAR_QUESTION_KEYS.filter((k) => q[k]);
  return { level: reasons.length > 0 ? 4 : 3, reasons, ruleVersion: STAR_RULE_VERSION };
}

export type OverrideCheck = { ok: true; overridden: boolean } | { ok: false; reason: 'note_required' };

/**
 * Whether a decided level may be recorded: a level other than the rule's is an override and needs a note
 * (non-blank) saying why.
 */
export function checkStarOverride(
  computed: StarLevel,
  decided: StarLevel,
  note: string | null,
): OverrideCheck {
  if (computed === decided) return { ok: true, overridden: false };
  if (note === null || note.trim() === '') return { ok: false, reason: 'note_required' };
  return { ok: true, overridden: true };
}

/**
 * Whether the ★ a supplier holds meets the level the buyer requires: a held ★4 meets ★3 and ★4 (the scheme's
 * ★4 can be obtained without ★3); ★1/★2 (SECURITY ACTION) meet neither. Null: nothing required yet.
 */
export function starMet(required: number | null, held: number | null): boolean | null {
  if (required === null) return null;
  return held !== null && held >= 3 && held >= required;
}
