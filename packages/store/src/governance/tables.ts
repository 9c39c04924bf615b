/** Tables of the governance module (targets per directive, PDCA action items); part of `Database`. */
export interface GovernanceTargetsTable {
  org_id: string;
  directive: string;
  target_level: number;
  updated_by: string | null;
  updated_at: string;
}

export interface GovernanceActionsTable {
  id: string;
  org_id: string;
  directive: string;
  title: string;
  owner_id: string;
  due_date: string;
  status: string;
  kpi_text: string | null;
  kpi_target: number | null;
  kpi_current: number | null;
  reminded_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface GovernancePeerBenchmarksTable {
  industry: string;
  contributors: number;
  /** JSON: directive ref → bucketed average or null; null below the minimum of contributors. */
  averages: string | null;
  computed_at: string;
}

/** The CISO's executive summary and commentary for the board report of one assessment. */
export interface GovernanceReportNotesTable {
  org_id: string;
  assessment_id: string;
  summary: string;
  commentary: string;
  updated_by: string | null;
  updated_at: string;
}

export interface GovernanceTables {
  governance_targets: GovernanceTargetsTable;
  governance_actions: GovernanceActionsTable;
  governance_peer_benchmarks: GovernancePeerBenchmarksTable;
  governance_report_notes: GovernanceReportNotesTable;
}
