import {
  narrowAnalysis,
  planView,
  statusOfAnswer,
  statusRef,
  type PlanView,
  type RiskRuleSet,
  type StatusValue,
} from '@shinrai/core';
import {
  deleteCpsfRiskOverride,
  findAssessment,
  putCpsfPlanItem,
  putCpsfRiskOverride,
  type CpsfModelRow,
  type CpsfRiskOverrideRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/access.ts';
import { fail } from '../../platform/http/errors.ts';
import { failAssessment, writeAnswer } from '../assessments/public.ts';
import { audit } from '../../platform/services/audit-trail.ts';
import { overrideView, requireModel, requireRules, type CpsfCtx } from './model-service.ts';
import { analyseModel, parseGraph } from './service.ts';

// The work on a model's requirements: analysis, status, remediation plan and risk overrides, each
// (ctx, input) => result.

/** The analysis of a model, narrowed to one element and/or to the elements that still need a requirement. */
export async function modelAnalysis(
  deps: Deps,
  orgId: string,
  input: { modelId: string; element?: string | undefined; requirement?: string | undefined },
) {
  const row = await requireModel(deps.store.db, orgId, input.modelId);
  const { rules } = await requireRules(deps, orgId);
  const a = await analyseModel(deps.store.db, row, rules, deps.now());
  const narrowed = narrowAnalysis(a.elements, input);
  if (!narrowed.ok) return fail('not_found', { element: narrowed.problem.element });
  return { ...a, elements: narrowed.elements, overrides: a.overrides.map(overrideView) };
}

/** The model and the rules, with the element and the requirement checked to exist (404 / unknown_item). */
async function requireTarget(
  { deps, access }: CpsfCtx,
  input: { modelId: string; elementId: string; requirementRef: string },
  rulesFirst: boolean,
): Promise<{ row: CpsfModelRow; rules: RiskRuleSet }> {
  const row = await requireModel(deps.store.db, access.orgId, input.modelId);
  const hasElement = () => parseGraph(row).elements.some((e) => e.id === input.elementId);
  let rules: RiskRuleSet | undefined;
  if (rulesFirst) rules = (await requireRules(deps, access.orgId)).rules;
  if (!hasElement()) fail('not_found', { element: input.elementId });
  rules ??= (await requireRules(deps, access.orgId)).rules;
  if (!rules.riskSources.some((rs) => rs.requirements.some((r) => r.ref === input.requirementRef)))
    fail('unknown_item', { requirement: input.requirementRef });
  return { row, rules };
}

/** Sets the status of one requirement for one element: an answer of the model's assessment, ref `requirement@element`. */
export async function setStatus(
  ctx: CpsfCtx,
  input: {
    modelId: string;
    elementId: string;
    requirementRef: string;
    value: StatusValue | null;
    comment?: string | null | undefined;
    revision: number;
  },
): Promise<{ value: StatusValue | null; revision: number; updatedAt: string }> {
  const { deps, access, requestId } = ctx;
  const { row } = await requireTarget(ctx, input, true);
  const { elementId, requirementRef } = input;
  const assessmentId = row.assessment_id ?? fail('not_found');
  const a = (await findAssessment(deps.store.db, access.orgId, assessmentId)) ?? fail('not_found');
  const ref = statusRef(requirementRef, elementId);
  const now = deps.now().toISOString();
  const saved = await deps.store.db.transaction().execute(async (trx) => {
    const { ok, current } = await writeAnswer(trx, {
      orgId: access.orgId,
      assessmentId: a.id,
      ref,
      change: {
        value: input.value === null ? null : { kind: 'choice', value: input.value },
        ...(input.comment !== undefined ? { comment: input.comment } : {}),
      },
      revision: input.revision,
      by: access.actorUserId,
      now,
    });
    if (!ok) failAssessment('answer_conflict', { revision: current?.revision ?? 0 });
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      'cpsf.status',
      { type: 'cpsf_model', id: row.id },
      { element: elementId, requirement: requirementRef, value: input.value },
    );
    return current ?? fail('internal');
  });
  return { value: statusOfAnswer(saved.value), revision: saved.revision, updatedAt: saved.updated_at };
}

export interface PlanInput {
  owner: string | null;
  dueDate: string | null;
  costEstimate: number | null;
  residualAcceptedBy: string | null;
  note: string | null;
}

/** Sets the remediation plan of one requirement for one element. */
export async function putPlan(
  ctx: CpsfCtx,
  input: { modelId: string; elementId: string; requirementRef: string; plan: PlanInput },
): Promise<PlanView> {
  const { deps, access, requestId } = ctx;
  const { row } = await requireTarget(ctx, input, false);
  const { elementId, requirementRef, plan: b } = input;
  const item = {
    model_id: row.id,
    org_id: access.orgId,
    element_id: elementId,
    requirement_ref: requirementRef,
    owner: b.owner || null,
    due_date: b.dueDate,
    cost_estimate: b.costEstimate,
    residual_accepted_by: b.residualAcceptedBy || null,
    note: b.note || null,
    updated_by: access.actorUserId,
    updated_at: deps.now().toISOString(),
  };
  await deps.store.db.transaction().execute(async (trx) => {
    await putCpsfPlanItem(trx, item);
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      'cpsf.plan',
      { type: 'cpsf_model', id: row.id },
      { element: elementId, requirement: requirementRef, ...b },
    );
  });
  return planView(item);
}

/** Adds a risk source to an element or dismisses one the rules gave it, with a reason. */
export async function addRiskOverride(
  { deps, access, requestId }: CpsfCtx,
  input: {
    modelId: string;
    elementId: string;
    riskSourceRef: string;
    action: 'add' | 'dismiss';
    reason: string;
  },
) {
  const row = await requireModel(deps.store.db, access.orgId, input.modelId);
  const { rules } = await requireRules(deps, access.orgId);
  if (!parseGraph(row).elements.some((e) => e.id === input.elementId))
    fail('validation_failed', [{ in: 'body', pointer: '/elementId', message: input.elementId }]);
  if (!rules.riskSources.some((rs) => rs.ref === input.riskSourceRef))
    fail('validation_failed', [{ in: 'body', pointer: '/riskSourceRef', message: input.riskSourceRef }]);
  const o: CpsfRiskOverrideRow = {
    id: randomUUID(),
    org_id: access.orgId,
    model_id: row.id,
    element_id: input.elementId,
    risk_source_ref: input.riskSourceRef,
    action: input.action,
    reason: input.reason,
    created_by: access.actorUserId,
    created_at: deps.now().toISOString(),
  };
  await deps.store.db.transaction().execute(async (trx) => {
    await putCpsfRiskOverride(trx, o);
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      `cpsf.risk.${input.action}`,
      { type: 'cpsf_model', id: row.id },
      { element: input.elementId, riskSource: input.riskSourceRef, reason: input.reason },
    );
  });
  return overrideView(o);
}

/** Withdraws an override: the rules decide again. */
export async function withdrawRiskOverride(
  { deps, access, requestId }: CpsfCtx,
  input: { modelId: string; overrideId: string },
): Promise<void> {
  const row = await requireModel(deps.store.db, access.orgId, input.modelId);
  await deps.store.db.transaction().execute(async (trx) => {
    const o =
      (await deleteCpsfRiskOverride(trx, access.orgId, row.id, input.overrideId)) ?? fail('not_found');
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      'cpsf.risk.withdraw',
      { type: 'cpsf_model', id: row.id },
      { element: o.element_id, riskSource: o.risk_source_ref, action: o.action },
    );
  });
}
