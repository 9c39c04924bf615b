/** Tables of the CPSF module (value-creation-process models, risk-source overrides, remediation plan); part of `Database`. */
export interface CpsfModelsTable {
  id: string;
  org_id: string;
  name: string;
  scope_type: string;
  scope_label: string | null;
  /** The whole graph (elements and edges) as JSON; validated at the edge before it is written. */
  graph: string;
  element_count: number;
  edge_count: number;
  /** The assessment that holds the status of every (element × requirement), answer ref `requirement@element`. */
  assessment_id: string | null;
  revision: number;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

export interface CpsfRiskOverridesTable {
  id: string;
  org_id: string;
  model_id: string;
  element_id: string;
  risk_source_ref: string;
  action: string;
  reason: string;
  created_by: string | null;
  created_at: string;
}

export interface CpsfPlanItemsTable {
  model_id: string;
  org_id: string;
  element_id: string;
  requirement_ref: string;
  owner: string | null;
  due_date: string | null;
  cost_estimate: number | null;
  residual_accepted_by: string | null;
  note: string | null;
  updated_by: string | null;
  updated_at: string;
}

export interface CpsfTables {
  cpsf_models: CpsfModelsTable;
  cpsf_risk_overrides: CpsfRiskOverridesTable;
  cpsf_plan_items: CpsfPlanItemsTable;
}
