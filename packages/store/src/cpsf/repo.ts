import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { CpsfModelsTable, CpsfPlanItemsTable, CpsfRiskOverridesTable } from './tables.ts';

export type CpsfModelRow = Selectable<CpsfModelsTable>;
export type CpsfModelSummaryRow = Omit<CpsfModelRow, 'graph'>;
export type CpsfRiskOverrideRow = Selectable<CpsfRiskOverridesTable>;
export type CpsfPlanItemRow = Selectable<CpsfPlanItemsTable>;

const SUMMARY_COLUMNS = [
  'id',
  'org_id',
  'name',
  'scope_type',
  'scope_label',
  'element_count',
  'edge_count',
  'assessment_id',
  'revision',
  'created_by',
  'created_at',
  'updated_by',
  'updated_at',
] as const;

export async function insertCpsfModel(ex: Executor, row: CpsfModelRow): Promise<void> {
  await ex.insertInto('cpsf_models').values(row).execute();
}

export async function listCpsfModels(ex: Executor, orgId: string): Promise<CpsfModelSummaryRow[]> {
  return ex
    .selectFrom('cpsf_models')
    .select(SUMMARY_COLUMNS)
    .where('org_id', '=', orgId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function findCpsfModel(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<CpsfModelRow | undefined> {
  return ex
    .selectFrom('cpsf_models')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Replaces the graph if the stored revision is still `revision`; false when someone else saved first. */
export async function saveCpsfGraph(
  ex: Executor,
  orgId: string,
  id: string,
  revision: number,
  change: {
    graph: string;
    element_count: number;
    edge_count: number;
    updated_by: string | null;
    updated_at: string;
  },
): Promise<boolean> {
  const r = await ex
    .updateTable('cpsf_models')
    .set({ ...change, revision: revision + 1 })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateCpsfModelInfo(
  ex: Executor,
  orgId: string,
  id: string,
  change: { name?: string; scope_label?: string | null; updated_by: string | null; updated_at: string },
): Promise<void> {
  await ex.updateTable('cpsf_models').set(change).where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function setCpsfModelAssessment(
  ex: Executor,
  orgId: string,
  id: string,
  assessmentId: string,
): Promise<void> {
  await ex
    .updateTable('cpsf_models')
    .set({ assessment_id: assessmentId })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteCpsfModel(ex: Executor, orgId: string, id: string): Promise<boolean> {
  const r = await ex
    .deleteFrom('cpsf_models')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function listCpsfRiskOverrides(
  ex: Executor,
  orgId: string,
  modelId: string,
): Promise<CpsfRiskOverrideRow[]> {
  return ex
    .selectFrom('cpsf_risk_overrides')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('model_id', '=', modelId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Records an override; one per (element, risk source): a newer one replaces the older. */
export async function putCpsfRiskOverride(ex: Executor, row: CpsfRiskOverrideRow): Promise<void> {
  await ex
    .deleteFrom('cpsf_risk_overrides')
    .where('org_id', '=', row.org_id)
    .where('model_id', '=', row.model_id)
    .where('element_id', '=', row.element_id)
    .where('risk_source_ref', '=', row.risk_source_ref)
    .execute();
  await ex.insertInto('cpsf_risk_overrides').values(row).execute();
}

export async function deleteCpsfRiskOverride(
  ex: Executor,
  orgId: string,
  modelId: string,
  id: string,
): Promise<CpsfRiskOverrideRow | undefined> {
  const row = await ex
    .selectFrom('cpsf_risk_overrides')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('model_id', '=', modelId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  await ex.deleteFrom('cpsf_risk_overrides').where('id', '=', id).execute();
  return row;
}

export async function listCpsfPlanItems(
  ex: Executor,
  orgId: string,
  modelId: string,
): Promise<CpsfPlanItemRow[]> {
  return ex
    .selectFrom('cpsf_plan_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('model_id', '=', modelId)
    .orderBy('element_id')
    .orderBy('requirement_ref')
    .execute();
}

export async function putCpsfPlanItem(ex: Executor, row: CpsfPlanItemRow): Promise<void> {
  await ex
    .insertInto('cpsf_plan_items')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['model_id', 'element_id', 'requirement_ref']).doUpdateSet({
        owner: row.owner,
        due_date: row.due_date,
        cost_estimate: row.cost_estimate,
        residual_accepted_by: row.residual_accepted_by,
        note: row.note,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
