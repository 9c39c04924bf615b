import { canonicalGraph, graphIntegrity, type Model } from '@shinrai/core';
import {
  deleteCpsfModel,
  findCpsfModel,
  insertCpsfModel,
  saveCpsfGraph,
  setCpsfModelAssessment,
  updateCpsfModelInfo,
  type CpsfModelRow,
  type CpsfModelSummaryRow,
  type CpsfRiskOverrideRow,
  type Executor,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { ctxFromAccess, write } from '../../platform/context.ts';
import { createAssessment } from '../assessments/public.ts';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/access.ts';
import { fail } from '../../platform/http/errors.ts';
import type { OrgAccess } from '../../platform/http/principal.ts';
import { audit } from '../../platform/services/audit-trail.ts';
import type { SCOPES } from './schemas.ts';
import { loadRules, parseGraph, type LoadedRules } from './service.ts';

// Models and their graphs: the views of stored rows and the writes, each (ctx, input) => result.

/** Who calls a CPSF service: the dependencies, the caller's access to the organization, the request. */
export interface CpsfCtx {
  deps: Deps;
  access: OrgAccess;
  requestId: string;
}

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

export function overrideView(o: CpsfRiskOverrideRow) {
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
  { deps, access, requestId }: CpsfCtx,
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
  // The assessment that holds the model's statuses comes from the assessment engine, in the same
  // transaction as the model (nothing but the engine writes assessment tables).
  const assessmentId = await write(ctxFromAccess(deps, access, requestId), async (tx) => {
    await insertCpsfModel(tx.trx, row);
    const { row: assessment } = await createAssessment(tx, {
      scopeType: 'cpsf_model',
      scopeLabel: input.name,
      catalogId: catalog.row.id,
      title: input.name,
    });
    await setCpsfModelAssessment(tx.trx, access.orgId, row.id, assessment.id);
    await tx.audit(
      'cpsf.model.create',
      { type: 'cpsf_model', id: row.id },
      { name: row.name, elements: row.element_count, edges: row.edge_count, source: input.source },
    );
    return assessment.id;
  });
  return { ...row, assessment_id: assessmentId };
}

/** Renames a model or changes its scope's label. */
export async function updateModelInfo(
  { deps, access, requestId }: CpsfCtx,
  input: { modelId: string; name?: string | undefined; scopeLabel?: string | null | undefined },
): Promise<CpsfModelRow> {
  const row = await requireModel(deps.store.db, access.orgId, input.modelId);
  const { name, scopeLabel } = input;
  await deps.store.db.transaction().execute(async (trx) => {
    await updateCpsfModelInfo(trx, access.orgId, row.id, {
      ...(name !== undefined ? { name } : {}),
      ...(scopeLabel !== undefined ? { scope_label: scopeLabel } : {}),
      updated_by: access.actorUserId,
      updated_at: deps.now().toISOString(),
    });
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      'cpsf.model.update',
      { type: 'cpsf_model', id: row.id },
      { ...(name !== undefined ? { name } : {}), ...(scopeLabel !== undefined ? { scopeLabel } : {}) },
    );
  });
  return requireModel(deps.store.db, access.orgId, row.id);
}

export async function deleteModel({ deps, access, requestId }: CpsfCtx, input: { modelId: string }) {
  const row = await requireModel(deps.store.db, access.orgId, input.modelId);
  await deps.store.db.transaction().execute(async (trx) => {
    await deleteCpsfModel(trx, access.orgId, row.id);
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      'cpsf.model.delete',
      { type: 'cpsf_model', id: row.id },
      { name: row.name },
    );
  });
}

/**
 * Replaces a model's graph when `revision` is still the stored one (else 409 revision_conflict).
 * `action` and `details` name the change in the audit log (an editor save or a file import).
 */
export async function saveGraph(
  { deps, access, requestId }: CpsfCtx,
  input: {
    row: CpsfModelRow;
    revision: number;
    graph: Model;
    action: string;
    details: Record<string, unknown>;
  },
): Promise<void> {
  const { row, revision, graph } = input;
  await deps.store.db.transaction().execute(async (trx) => {
    const ok = await saveCpsfGraph(trx, access.orgId, row.id, revision, {
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
      actorOf(access, requestId),
      access.orgId,
      input.action,
      { type: 'cpsf_model', id: row.id },
      input.details,
    );
  });
}

/** The editor's save: the whole graph, checked, at the revision the editor loaded. */
export async function replaceGraph(
  ctx: CpsfCtx,
  input: { modelId: string; revision: number; graph: Model },
): Promise<CpsfModelRow> {
  const { deps, access } = ctx;
  const row = await requireModel(deps.store.db, access.orgId, input.modelId);
  const graph = validGraph(input.graph);
  await saveGraph(ctx, {
    row,
    revision: input.revision,
    graph,
    action: 'cpsf.model.graph',
    details: { revision: input.revision + 1, elements: graph.elements.length, edges: graph.edges.length },
  });
  return requireModel(deps.store.db, access.orgId, row.id);
}
