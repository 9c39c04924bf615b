/** Tables of the assessments module: assessments, their answers and evidence files, and explicit shares of a result with a buyer. */
export interface AssessmentsTable {
  id: string;
  org_id: string;
  catalog_id: string;
  tier: string | null;
  title: string;
  scope_type: string;
  scope_label: string | null;
  status: string;
  status_by: string | null;
  status_at: string | null;
  due_date: string | null;
  based_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  score_points: number | null;
  score_max: number | null;
  score_percent: number | null;
  answered_count: number | null;
  item_count: number | null;
  band_id: string | null;
}

export interface AnswersTable {
  assessment_id: string;
  org_id: string;
  ref: string;
  value: string | null;
  comment: string | null;
  assignee_id: string | null;
  due_date: string | null;
  revision: number;
  updated_by: string | null;
  updated_at: string;
}

export interface EvidenceTable {
  id: string;
  org_id: string;
  assessment_id: string;
  ref: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  data: Buffer;
  uploaded_by: string | null;
  created_at: string;
}

export interface AssessmentSharesTable {
  id: string;
  org_id: string;
  assessment_id: string;
  with_org_id: string;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface AssessmentSettingsTable {
  org_id: string;
  /** 1: approval by someone other than the submitter and the last editor (four-eyes review). */
  four_eyes: number;
  updated_by: string | null;
  updated_at: string;
}

/** The assessments module's tables; part of `Database`. */
export interface AssessmentModuleTables {
  assessments: AssessmentsTable;
  answers: AnswersTable;
  evidence: EvidenceTable;
  assessment_shares: AssessmentSharesTable;
  assessment_settings: AssessmentSettingsTable;
}
