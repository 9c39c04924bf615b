import { type Model } from '@shinrai/core';
import {
  deleteCpsfModel,
  deleteCpsfRiskOverride,
  findAssessment,
  findCpsfModel,
  insertAssessment,
  insertCpsfModel,
  listCpsfModels,
  putCpsfPlanItem,
  putCpsfRiskOverride,
  saveCpsfGraph,
  setCpsfModelAssessment,
  updateCpsfModelInfo,
  type AssessmentRow,
  type CpsfModelRow,
  type CpsfModelSummaryRow,
  type CpsfRiskOverrideRow,
  type Executor,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canonicalGraph, EdgeSchema, ElementSchema, graphIntegrity, GraphSchema } from './graph-schema.ts';
import {
  analyseModel,
  isOpen,
  loadRules,
  parseGraph,
  planView,
  STATUS_VALUES,
  statusRef,
  type LoadedRules,
} from './service.ts';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/access.ts';
import { fail } from '../../platform/http/errors.ts';
import { orgAccess, type OrgAccess } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';
import { failAssessment, writeAnswer } from '../assessments/public.ts';
import { audit } from '../../platform/services/audit-trail.ts';

const Text = z.object({ ja: z.string(), en: z.string() });
const SCOPES = ['organization', 'site', 'product'] as const;
/** A whole graph can be large (5,000 elements and 20,000 edges is a few MB). */
export const GRAPH_BODY_LIMIT = 32 * 1024 * 1024;

const ModelSummary = z.object({
  id: z.string(),
  name: z.string(),
  scopeType: z.enum(SCOPES),
  scopeLabel: z.string().nullable(),
  elementCount: z.number(),
  edgeCount: z.number(),
  revision: z.number(),
  updatedAt: z.string(),
  assessmentId: z.string().nullable(),
});
export const ModelDetail = ModelSummary.extend({
  elements: z.array(ElementSchema),
  edges: z.array(EdgeSchema),
});

const Status = z.enum(STATUS_VALUES);
const Plan = z.object({
  owner: z.string().nullable(),
  dueDate: z.string().nullable(),
  costEstimate: z.number().nullable(),
  residualAcceptedBy: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
const Override = z.object({
  id: z.string(),
  elementId: z.string(),
  riskSourceRef: z.string(),
  action: z.enum(['add', 'dismiss']),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
const Level = z.enum(['basic', 'advanced', 'high_advanced']);
const AnalysisElement = z.object({
  elementId: z.string(),
  level: z.object({
    level: Level,
    highest: z.number().nullable(),
    drivers: z.array(z.string()),
    rated: z.boolean(),
    explanation: Text,
  }),
  riskSources: z.array(
    z.object({
      ref: z.string(),
      origin: z.enum(['rule', 'added']),
      dismissed: z.boolean(),
      reason: z.string().nullable(),
      because: Text,
    }),
  ),
  requirements: z.array(
    z.object({
      ref: z.string(),
      tier: Level,
      riskSources: z.array(z.string()),
      cpsfRefs: z.array(z.string()),
      status: Status.nullable(),
      statusRevision: z.number(),
      plan: Plan.nullable(),
    }),
  ),
});
const Analysis = z.object({
  checks: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      elementIds: z.array(z.string()),
      edgeIds: z.array(z.string()),
      message: Text,
    }),
  ),
  elements: z.array(AnalysisElement),
  heatmap: z.array(
    z.object({
      layer: z.number(),
      component: z.string(),
      elements: z.number(),
      required: z.number(),
      met: z.number(),
      gaps: z.number(),
    }),
  ),
  summary: z.object({
    elements: z.number(),
    required: z.number(),
    met: z.number(),
    partial: z.number(),
    unmet: z.number(),
    unanswered: z.number(),
  }),
  overrides: z.array(Override),
});

const ModelParams = z.strictObject({ orgId: Id, modelId: Id });
const ElementRef = z.string().min(1).max(64);
const RequirementRef = z.string().min(1).max(128);

export function summaryView(r: CpsfModelSummaryRow) {
  return {
    id: r.id,
    name: r.name,
    scopeType: r.scope_type as (typeof SCOPES)[number],
    scopeLabel: r.scope_label,
    elementCount: r.element_count,
    edgeCount: r.edge_count,
    revision: r.revision,
    updatedAt: r.updated_at,
    assessmentId: r.assessment_id,
  };
}

export function detailView(r: CpsfModelRow) {
  const g = parseGraph(r);
  return { ...summaryView(r), elements: g.elements, edges: g.edges };
}

function overrideView(o: CpsfRiskOverrideRow) {
  return {
    id: o.id,
    elementId: o.element_id,
    riskSourceRef: o.risk_source_ref,
    action: o.action as 'add' | 'dismiss',
    reason: o.reason,
    createdAt: o.created_at,
    createdBy: o.created_by,
  };
}

/** The graph, refused with JSON pointers when its ids or references do not hold together. */
export function validGraph(graph: Model, prefix = ''): Model {
  const problems = graphIntegrity(graph);
  if (problems.length > 0)
    fail(
      'validation_failed',
      problems
        .slice(0, 100)
        .map((p) => ({ in: 'body', pointer: `${prefix}${p.pointer}`, message: p.message })),
    );
  return canonicalGraph(graph);
}

export async function requireRules(deps: Deps, orgId: string): Promise<LoadedRules> {
  return (await loadRules(deps.store.db, orgId)) ?? fail('not_found', { catalog: 'cpsf-risk-sources' });
}

export async function requireModel(ex: Executor, orgId: string, modelId: string): Promise<CpsfModelRow> {
  return (await findCpsfModel(ex, orgId, modelId)) ?? fail('not_found');
}

/** Creates a model and the assessment that holds its (element × requirement) status, in one transaction. */
export async function createModel(
  deps: Deps,
  access: OrgAccess,
  requestId: string,
  input: { name: string; scopeType: string; scopeLabel: string | null; graph: Model; source: string },
): Promise<CpsfModelRow> {
  const { catalog } = await requireRules(deps, access.orgId);
  const now = deps.now().toISOString();
  const row: CpsfModelRow = {
    id: randomUUID(),
    org_id: access.orgId,
    name: input.name,
    scope_type: input.scopeType,
    scope_label: input.scopeLabel,
    graph: JSON.stringify(input.graph),
    element_count: input.graph.elements.length,
    edge_count: input.graph.edges.length,
    assessment_id: null,
    revision: 1,
    created_by: access.actorUserId,
    created_at: now,
    updated_by: access.actorUserId,
    updated_at: now,
  };
  const assessment: AssessmentRow = {
    id: randomUUID(),
    org_id: access.orgId,
    catalog_id: catalog.row.id,
    tier: null,
    title: input.name,
    scope_type: 'cpsf_model',
    scope_label: input.name,
    status: 'draft',
    status_by: access.actorUserId,
    status_at: now,
    due_date: null,
    based_on: null,
    created_by: access.actorUserId,
    created_at: now,
    updated_at: now,
    score_points: null,
    score_max: null,
    score_percent: null,
    answered_count: null,
    item_count: null,
    band_id: null,
  };
  await deps.store.db.transaction().execute(async (trx) => {
    await insertCpsfModel(trx, row);
    await insertAssessment(trx, assessment);
    await setCpsfModelAssessment(trx, access.orgId, row.id, assessment.id);
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      'cpsf.model.create',
      {
        type: 'cpsf_model',
        id: row.id,
      },
      { name: row.name, elements: row.element_count, edges: row.edge_count, source: input.source },
    );
  });
  return { ...row, assessment_id: assessment.id };
}

export function cpsfRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/cpsf/models',
      {
        config: { permission: 'cpsf.read' },
        schema: {
          tags: ['cpsf'],
          summary: "The organization's CPSF value-creation-process models",
          params: z.strictObject({ orgId: Id }),
          response: { 200: z.object({ items: z.array(ModelSummary) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return { items: (await listCpsfModels(deps.store.db, access.orgId)).map(summaryView) };
      },
    );

    app.post(
      '/api/orgs/:orgId/cpsf/models',
      {
        config: { permission: 'cpsf.write' },
        bodyLimit: GRAPH_BODY_LIMIT,
        schema: {
          tags: ['cpsf'],
          summary: 'Create a model (optionally with a graph of elements and edges)',
          params: z.strictObject({ orgId: Id }),
          body: z.strictObject({
            name: z.string().trim().min(1).max(200),
            scopeType: z.enum(SCOPES).default('organization'),
            scopeLabel: z.string().trim().max(200).nullable().optional(),
            graph: GraphSchema.optional(),
          }),
          response: { 201: z.object({ model: ModelDetail }) },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const graph = validGraph(req.body.graph ?? { elements: [], edges: [] }, '/graph');
        const row = await createModel(deps, access, req.id, {
          name: req.body.name,
          scopeType: req.body.scopeType,
          scopeLabel: req.body.scopeLabel ?? null,
          graph,
          source: 'api',
        });
        return reply.status(201).send({ model: detailView(row) });
      },
    );

    app.get(
      '/api/orgs/:orgId/cpsf/models/:modelId',
      {
        config: { permission: 'cpsf.read' },
        schema: {
          tags: ['cpsf'],
          summary: 'A model with its whole graph',
          params: ModelParams,
          response: { 200: z.object({ model: ModelDetail }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return { model: detailView(await requireModel(deps.store.db, access.orgId, req.params.modelId)) };
      },
    );

    app.patch(
      '/api/orgs/:orgId/cpsf/models/:modelId',
      {
        config: { permission: 'cpsf.write' },
        schema: {
          tags: ['cpsf'],
          summary: "Rename a model or change its scope's label",
          params: ModelParams,
          body: z.strictObject({
            name: z.string().trim().min(1).max(200).optional(),
            scopeLabel: z.string().trim().max(200).nullable().optional(),
          }),
          response: { 200: z.object({ model: ModelDetail }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const row = await requireModel(deps.store.db, access.orgId, req.params.modelId);
        await deps.store.db.transaction().execute(async (trx) => {
          await updateCpsfModelInfo(trx, access.orgId, row.id, {
            ...(req.body.name !== undefined ? { name: req.body.name } : {}),
            ...(req.body.scopeLabel !== undefined ? { scope_label: req.body.scopeLabel } : {}),
            updated_by: access.actorUserId,
            updated_at: deps.now().toISOString(),
          });
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'cpsf.model.update',
            {
              type: 'cpsf_model',
              id: row.id,
            },
            { ...req.body },
          );
        });
        return { model: detailView(await requireModel(deps.store.db, access.orgId, row.id)) };
      },
    );

    app.delete(
      '/api/orgs/:orgId/cpsf/models/:modelId',
      {
        config: { permission: 'cpsf.write' },
        schema: {
          tags: ['cpsf'],
          summary: 'Delete a model (its status answers stay in its assessment)',
          params: ModelParams,
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const row = await requireModel(deps.store.db, access.orgId, req.params.modelId);
        await deps.store.db.transaction().execute(async (trx) => {
          await deleteCpsfModel(trx, access.orgId, row.id);
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'cpsf.model.delete',
            {
              type: 'cpsf_model',
              id: row.id,
            },
            { name: row.name },
          );
        });
        return reply.status(204).send();
      },
    );

    app.put(
      '/api/orgs/:orgId/cpsf/models/:modelId/graph',
      {
        config: { permission: 'cpsf.write' },
        bodyLimit: GRAPH_BODY_LIMIT,
        schema: {
          tags: ['cpsf'],
          summary:
            'Replace the whole graph. `revision` is the revision you loaded; if someone saved since, 409 revision_conflict.',
          params: ModelParams,
          body: GraphSchema.extend({ revision: z.number().int().min(1) }),
          response: { 200: z.object({ model: ModelDetail }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const row = await requireModel(deps.store.db, access.orgId, req.params.modelId);
        const graph = validGraph({ elements: req.body.elements, edges: req.body.edges });
        await deps.store.db.transaction().execute(async (trx) => {
          const ok = await saveCpsfGraph(trx, access.orgId, row.id, req.body.revision, {
            graph: JSON.stringify(graph),
            element_count: graph.elements.length,
            edge_count: graph.edges.length,
            updated_by: access.actorUserId,
            updated_at: deps.now().toISOString(),
          });
          if (!ok) fail('revision_conflict', { revision: row.revision });
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'cpsf.model.graph',
            {
              type: 'cpsf_model',
              id: row.id,
            },
            { revision: req.body.revision + 1, elements: graph.elements.length, edges: graph.edges.length },
          );
        });
        return { model: detailView(await requireModel(deps.store.db, access.orgId, row.id)) };
      },
    );

    app.get(
      '/api/orgs/:orgId/cpsf/models/:modelId/analysis',
      {
        config: { permission: 'cpsf.read' },
        schema: {
          tags: ['cpsf'],
          summary:
            "Checks, each element's level, risk sources and requirements with status and plan, heat map. `element` narrows to one element; `requirement` to the elements that still need that requirement.",
          params: ModelParams,
          querystring: z.strictObject({
            element: ElementRef.optional(),
            requirement: RequirementRef.optional(),
            lang: z.enum(['ja', 'en']).optional(),
          }),
          response: { 200: Analysis },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const row = await requireModel(deps.store.db, access.orgId, req.params.modelId);
        const { rules } = await requireRules(deps, access.orgId);
        const a = await analyseModel(deps.store.db, row, rules, deps.now());
        let elements = a.elements;
        const { element, requirement } = req.query;
        if (element !== undefined) {
          elements = elements.filter((e) => e.elementId === element);
          if (elements.length === 0) fail('not_found', { element });
        }
        if (requirement !== undefined)
          elements = elements.filter((e) => e.requirements.some((r) => r.ref === requirement && isOpen(r)));
        return { ...a, elements, overrides: a.overrides.map(overrideView) };
      },
    );

    app.put(
      '/api/orgs/:orgId/cpsf/models/:modelId/status/:elementId/:requirementRef',
      {
        config: { permission: 'cpsf.write' },
        schema: {
          tags: ['cpsf'],
          summary:
            "Set the status of one requirement for one element (stored as an answer of the model's assessment, ref `requirement@element`; evidence goes to that assessment with the same ref).",
          params: ModelParams.extend({ elementId: ElementRef, requirementRef: RequirementRef }),
          body: z.strictObject({
            value: Status.nullable(),
            comment: z.string().max(4000).nullable().optional(),
            revision: z.number().int().min(0),
          }),
          response: {
            200: z.object({
              status: z.object({ value: Status.nullable(), revision: z.number(), updatedAt: z.string() }),
            }),
          },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const row = await requireModel(deps.store.db, access.orgId, req.params.modelId);
        const { rules } = await requireRules(deps, access.orgId);
        const { elementId, requirementRef } = req.params;
        if (!parseGraph(row).elements.some((e) => e.id === elementId))
          fail('not_found', { element: elementId });
        if (!rules.riskSources.some((rs) => rs.requirements.some((r) => r.ref === requirementRef)))
          fail('unknown_item', { requirement: requirementRef });
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
              value: req.body.value === null ? null : { kind: 'choice', value: req.body.value },
              ...(req.body.comment !== undefined ? { comment: req.body.comment } : {}),
            },
            revision: req.body.revision,
            by: access.actorUserId,
            now,
          });
          if (!ok) failAssessment('answer_conflict', { revision: current?.revision ?? 0 });
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'cpsf.status',
            {
              type: 'cpsf_model',
              id: row.id,
            },
            { element: elementId, requirement: requirementRef, value: req.body.value },
          );
          return current ?? fail('internal');
        });
        const value =
          saved.value === null
            ? null
            : (JSON.parse(saved.value) as { value: (typeof STATUS_VALUES)[number] }).value;
        return { status: { value, revision: saved.revision, updatedAt: saved.updated_at } };
      },
    );

    app.put(
      '/api/orgs/:orgId/cpsf/models/:modelId/plan/:elementId/:requirementRef',
      {
        config: { permission: 'cpsf.write' },
        schema: {
          tags: ['cpsf'],
          summary:
            'Remediation plan of one requirement for one element: owner, due date, cost estimate (JPY), residual risk accepted by',
          params: ModelParams.extend({ elementId: ElementRef, requirementRef: RequirementRef }),
          body: z.strictObject({
            owner: z.string().trim().max(200).nullable(),
            dueDate: z.iso.date().nullable(),
            costEstimate: z.number().int().min(0).max(2_000_000_000).nullable(),
            residualAcceptedBy: z.string().trim().max(200).nullable(),
            note: z.string().trim().max(4000).nullable(),
          }),
          response: { 200: z.object({ plan: Plan }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const row = await requireModel(deps.store.db, access.orgId, req.params.modelId);
        const { elementId, requirementRef } = req.params;
        if (!parseGraph(row).elements.some((e) => e.id === elementId))
          fail('not_found', { element: elementId });
        const { rules } = await requireRules(deps, access.orgId);
        if (!rules.riskSources.some((rs) => rs.requirements.some((r) => r.ref === requirementRef)))
          fail('unknown_item', { requirement: requirementRef });
        const b = req.body;
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
            actorOf(access, req.id),
            access.orgId,
            'cpsf.plan',
            {
              type: 'cpsf_model',
              id: row.id,
            },
            { element: elementId, requirement: requirementRef, ...b },
          );
        });
        return { plan: planView(item) };
      },
    );

    app.post(
      '/api/orgs/:orgId/cpsf/models/:modelId/risk-overrides',
      {
        config: { permission: 'cpsf.write' },
        schema: {
          tags: ['cpsf'],
          summary:
            'Add a risk source to an element or dismiss one the rules gave it, with a reason (kept in the audit log)',
          params: ModelParams,
          body: z.strictObject({
            elementId: ElementRef,
            riskSourceRef: RequirementRef,
            action: z.enum(['add', 'dismiss']),
            reason: z.string().trim().min(1).max(2000),
          }),
          response: { 201: z.object({ override: Override }) },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const row = await requireModel(deps.store.db, access.orgId, req.params.modelId);
        const { rules } = await requireRules(deps, access.orgId);
        const b = req.body;
        if (!parseGraph(row).elements.some((e) => e.id === b.elementId))
          fail('validation_failed', [{ in: 'body', pointer: '/elementId', message: b.elementId }]);
        if (!rules.riskSources.some((rs) => rs.ref === b.riskSourceRef))
          fail('validation_failed', [{ in: 'body', pointer: '/riskSourceRef', message: b.riskSourceRef }]);
        const o: CpsfRiskOverrideRow = {
          id: randomUUID(),
          org_id: access.orgId,
          model_id: row.id,
          element_id: b.elementId,
          risk_source_ref: b.riskSourceRef,
          action: b.action,
          reason: b.reason,
          created_by: access.actorUserId,
          created_at: deps.now().toISOString(),
        };
        await deps.store.db.transaction().execute(async (trx) => {
          await putCpsfRiskOverride(trx, o);
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            `cpsf.risk.${b.action}`,
            {
              type: 'cpsf_model',
              id: row.id,
            },
            { element: b.elementId, riskSource: b.riskSourceRef, reason: b.reason },
          );
        });
        return reply.status(201).send({ override: overrideView(o) });
      },
    );

    app.delete(
      '/api/orgs/:orgId/cpsf/models/:modelId/risk-overrides/:overrideId',
      {
        config: { permission: 'cpsf.write' },
        schema: {
          tags: ['cpsf'],
          summary: 'Withdraw an override (the rules decide again); recorded in the audit log',
          params: ModelParams.extend({ overrideId: Id }),
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const row = await requireModel(deps.store.db, access.orgId, req.params.modelId);
        await deps.store.db.transaction().execute(async (trx) => {
          const o =
            (await deleteCpsfRiskOverride(trx, access.orgId, row.id, req.params.overrideId)) ??
            fail('not_found');
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'cpsf.risk.withdraw',
            {
              type: 'cpsf_model',
              id: row.id,
            },
            { element: o.element_id, riskSource: o.risk_source_ref, action: o.action },
          );
        });
        return reply.status(204).send();
      },
    );
  };
}
