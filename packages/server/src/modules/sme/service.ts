import { basicPolicy, scoreAssessment, smeStatus, type PolicyInput, type SmeStatus } from '@shinrai/core';
import {
  findOrganization,
  findSmePolicy,
  insertDeclaration,
  listAnswers,
  lastAssessmentOfCatalog,
  listDeclarations,
  saveSmePolicy,
  setSmePolicyPublished,
  type DeclarationRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/access.ts';
import { fail } from '../../platform/http/errors.ts';
import type { OrgAccess } from '../../platform/http/principal.ts';
import { audit } from '../../platform/services/audit-trail.ts';
import { answerValues } from '../assessments/public.ts';
import { loadCatalog } from '../library/public.ts';

// The SME journey's reads and writes, each (ctx, input) => result; what the status means is decided
// in @shinrai/core (sme/status.ts).

export const FIVE_RULES_URN = 'urn:shinrai:catalog:ipa-five-rules';
export const SELF_CHECK_URN = 'urn:shinrai:catalog:ipa-sme-self-check';

/** Who calls an SME service: the dependencies, the caller's access to the organization, the request. */
export interface SmeCtx {
  deps: Deps;
  access: OrgAccess;
  requestId: string;
}

export const declarationView = (d: DeclarationRow) => ({
  id: d.id,
  level: d.level as 'star1',
  declarationId: d.declaration_id,
  declaredOn: d.declared_on,
  createdAt: d.created_at,
});

/** The latest assessment of a catalog (any version) and its answers. */
async function latest(deps: Deps, orgId: string, urn: string) {
  const db = deps.store.db;
  const a = await lastAssessmentOfCatalog(db, orgId, urn);
  if (!a) return null;
  return { assessment: a, answers: answerValues(await listAnswers(db, orgId, a.id)) };
}

const policyUrl = (deps: Deps, slug: string) => `${deps.config.publicUrl}/p/${slug}/policy`;

/** Progress toward SECURITY ACTION ★ / ★★ and the recorded declarations. */
export async function smeStatusView(
  deps: Deps,
  orgId: string,
): Promise<SmeStatus & { declarations: ReturnType<typeof declarationView>[] }> {
  const db = deps.store.db;
  const org = await findOrganization(db, orgId);
  const rules = await latest(deps, orgId, FIVE_RULES_URN);
  const check = await latest(deps, orgId, SELF_CHECK_URN);
  let selfCheck = null;
  if (check) {
    const c = await loadCatalog(db, orgId, check.assessment.catalog_id);
    selfCheck = {
      assessmentId: check.assessment.id,
      updatedAt: check.assessment.updated_at,
      overall: scoreAssessment(c.pack, c.nodes, check.answers).overall,
    };
  }
  const policy = await findSmePolicy(db, orgId);
  const status = smeStatus({
    fiveRules: rules ? { assessmentId: rules.assessment.id, answers: rules.answers.values() } : null,
    selfCheck,
    policy: policy === undefined ? null : { published: policy.published === 1 },
    publicUrl: org ? policyUrl(deps, org.slug) : null,
  });
  return { ...status, declarations: (await listDeclarations(db, orgId)).map(declarationView) };
}

/** The policy's answers, the generated text (ja and en), and whether it is published. */
export async function policyView(deps: Deps, orgId: string) {
  const p = await findSmePolicy(deps.store.db, orgId);
  const input = p ? (JSON.parse(p.input) as PolicyInput) : null;
  return {
    input,
    published: p?.published === 1,
    publishedAt: p?.published_at ?? null,
    document: input ? { ja: basicPolicy(input, 'ja'), en: basicPolicy(input, 'en') } : null,
  };
}

export async function setPolicy({ deps, access, requestId }: SmeCtx, input: PolicyInput): Promise<void> {
  await deps.store.db.transaction().execute(async (trx) => {
    await saveSmePolicy(
      trx,
      access.orgId,
      JSON.stringify(input),
      access.actorUserId,
      deps.now().toISOString(),
    );
    await audit(deps, trx, actorOf(access, requestId), access.orgId, 'sme.policy_set', {
      type: 'organization',
      id: access.orgId,
    });
  });
}

/** Publishes (or withdraws) the policy at /p/<org-slug>/policy. */
export async function publishPolicy(
  { deps, access, requestId }: SmeCtx,
  input: { published: boolean },
): Promise<{ published: boolean; publicUrl: string | null }> {
  const db = deps.store.db;
  const org = await findOrganization(db, access.orgId);
  await db.transaction().execute(async (trx) => {
    if (!(await setSmePolicyPublished(trx, access.orgId, input.published, deps.now().toISOString())))
      return fail('not_found');
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      input.published ? 'sme.policy_publish' : 'sme.policy_withdraw',
      { type: 'organization', id: access.orgId },
    );
    return undefined;
  });
  return { published: input.published, publicUrl: input.published && org ? policyUrl(deps, org.slug) : null };
}

/** Records a SECURITY ACTION declaration the organization made with IPA. */
export async function recordDeclaration(
  { deps, access, requestId }: SmeCtx,
  input: { level: 'star1' | 'star2'; declarationId: string; declaredOn: string },
) {
  const row: DeclarationRow = {
    id: randomUUID(),
    org_id: access.orgId,
    level: input.level,
    declaration_id: input.declarationId,
    declared_on: input.declaredOn,
    recorded_by: access.actorUserId,
    created_at: deps.now().toISOString(),
  };
  await deps.store.db.transaction().execute(async (trx) => {
    await insertDeclaration(trx, row);
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      'sme.declaration_record',
      { type: 'organization', id: access.orgId },
      { level: row.level, declarationId: row.declaration_id },
    );
  });
  return declarationView(row);
}
