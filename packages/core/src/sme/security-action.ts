/**
 * SECURITY ACTION (IPA's self-declaration for SMEs): which level an organization may declare.
 * ★ (one star): the company commits to the five basic rules (情報セキュリティ5か条).
 * ★★ (two stars): it has done the 25-item self-check (自社診断), and has set and published a basic
 * information-security policy (情報セキュリティ基本方針). Shinrai prepares the declaration; the company
 * declares it with IPA itself.
 */
export type SecurityActionLevel = 'none' | 'star1' | 'star2';

export interface SmeProgress {
  /** How many of the five rules the company declared it follows, and how many rules there are. */
  fiveRules: { declared: number; total: number };
  /** How many self-check items are answered, and how many there are. */
  selfCheck: { answered: number; total: number };
  policy: { set: boolean; published: boolean };
}

export interface Eligibility {
  star1: boolean;
  star2: boolean;
  level: SecurityActionLevel;
  /** What is still missing for the next level, in order. */
  missing: ('five_rules' | 'self_check' | 'policy_set' | 'policy_published')[];
}

export function securityActionEligibility(p: SmeProgress): Eligibility {
  const star1 = p.fiveRules.total > 0 && p.fiveRules.declared === p.fiveRules.total;
  const selfCheckDone = p.selfCheck.total > 0 && p.selfCheck.answered === p.selfCheck.total;
  const star2 = selfCheckDone && p.policy.set && p.policy.published;
  const missing: Eligibility['missing'] = [];
  if (!star1) missing.push('five_rules');
  if (!selfCheckDone) missing.push('self_check');
  if (!p.policy.set) missing.push('policy_set');
  if (!p.policy.published) missing.push('policy_published');
  return { star1, star2, level: star2 ? 'star2' : star1 ? 'star1' : 'none', missing };
}

/** Whether the last self-check is old enough to redo (once a year, reminded a month ahead). */
export function selfCheckDue(lastDoneAt: string | null, now: Date): boolean {
  if (lastDoneAt === null) return true;
  const elevenMonths = 335 * 86_400_000;
  return now.getTime() - new Date(lastDoneAt).getTime() >= elevenMonths;
}
