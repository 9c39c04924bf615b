// The SME journey as other modules use it: what a buyer sees of a supplier's shared SME assessment
// (its real state rather than the engine's 'draft', the SECURITY ACTION declaration, the policy page).
// Only this module reads its tables.
import { scoreAssessment, smeStatus } from '@shinrai/core';
import { findOrganization, findSmePolicy, listAnswers, listDeclarations } from '@shinrai/store';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { answerValues } from '../assessments/public.ts';
import { loadCatalog } from '../library/public.ts';
import { FIVE_RULES_URN, SELF_CHECK_URN } from './service.ts';

/** What a buyer sees of a shared SME assessment beside the answers (the response schema). */
export const SmeSharedSummary = z.object({
  kind: z.enum(['self_check', 'five_rules']),
  /** SME assessments are never submitted: completed once every item is answered. */
  state: z.enum(['completed', 'in_progress']),
  completedAt: z.string().nullable(),
  updatedAt: z.string(),
  answered: z.number(),
  items: z.number(),
  points: z.number().nullable(),
  /** The latest SECURITY ACTION declaration the supplier recorded, if any. */
  declaration: z
    .object({ level: z.enum(['star1', 'star2']), declarationId: z.string(), declaredOn: z.string() })
    .nullable(),
  /** The supplier's published basic policy page, when it is published. */
  policyUrl: z.string().nullable(),
});
export type SmeSharedSummary = z.infer<typeof SmeSharedSummary>;

/**
 * The SME summary of a supplier's assessment, or null when the assessment is not an SME one
 * (the five rules or the self-check). The caller has checked the share that allows the buyer to see it.
 */
export async function smeSharedSummary(
  deps: Deps,
  supplierOrgId: string,
  a: { id: string; catalog_id: string; updated_at: string; tier: string | null },
): Promise<SmeSharedSummary | null> {
  const db = deps.store.db;
  const c = await loadCatalog(db, supplierOrgId, a.catalog_id);
  const kind =
    c.row.urn === SELF_CHECK_URN ? 'self_check' : c.row.urn === FIVE_RULES_URN ? 'five_rules' : null;
  if (kind === null) return null;
  const values = answerValues(await listAnswers(db, supplierOrgId, a.id));
  const overall = scoreAssessment(c.pack, c.nodes, values, a.tier ?? undefined).overall;
  const s = smeStatus({
    fiveRules: null,
    selfCheck: { assessmentId: a.id, updatedAt: a.updated_at, overall },
    policy: null,
    publicUrl: null,
  }).selfCheck;
  const [declaration] = await listDeclarations(db, supplierOrgId);
  const policy = await findSmePolicy(db, supplierOrgId);
  const org = policy?.published === 1 ? await findOrganization(db, supplierOrgId) : undefined;
  return {
    kind,
    state: s.doneAt === null ? 'in_progress' : 'completed',
    completedAt: s.doneAt,
    updatedAt: a.updated_at,
    answered: s.answered,
    items: s.total,
    points: s.points,
    declaration: declaration
      ? {
          level: declaration.level as 'star1',
          declarationId: declaration.declaration_id,
          declaredOn: declaration.declared_on,
        }
      : null,
    policyUrl: org ? `${deps.config.publicUrl}/p/${org.slug}/policy` : null,
  };
}

/** An organization's latest SECURITY ACTION declaration (★1/★2), or null when it recorded none. */
export async function latestSecurityAction(
  deps: Deps,
  orgId: string,
): Promise<{ id: string; level: 'star1' | 'star2'; declarationId: string; declaredOn: string } | null> {
  const [d] = await listDeclarations(deps.store.db, orgId);
  return d
    ? { id: d.id, level: d.level as 'star1', declarationId: d.declaration_id, declaredOn: d.declared_on }
    : null;
}
