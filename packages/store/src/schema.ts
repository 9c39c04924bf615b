import type { Kysely, Transaction } from 'kysely';
import type { AdvisoryTables } from './schema-advisories.ts';
import type { CpsfTables } from './schema-cpsf.ts';
import type { GovernanceTables } from './schema-governance.ts';
import type { SoftwareTables } from './schema-software.ts';

/** Tables of the identity module (and the shared audit log, jobs and settings). Times are ISO 8601 UTC text; booleans are 0/1. */
export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  kind: string;
  corporate_number: string | null;
  industry: string | null;
  size: string | null;
  prefecture: string | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  locale: string;
  totp_secret: string | null;
  totp_enabled: number;
  totp_last_step: number | null;
  is_instance_admin: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

export interface MembershipsTable {
  org_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  org_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string | null;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface RelationshipsTable {
  id: string;
  type: string;
  from_org_id: string;
  to_org_id: string;
  status: string;
  requested_by_org_id: string;
  created_at: string;
  accepted_at: string | null;
  ended_at: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  stage: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokensTable {
  id: string;
  org_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  role: string;
  created_by: string | null;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
  created_at: string;
}

export interface OidcIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  org_id: string | null;
  actor_user_id: string | null;
  actor_token_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  request_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface JobsTable {
  id: string;
  org_id: string | null;
  kind: string;
  payload: string;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  progress_current: number;
  progress_total: number;
  result: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface CatalogsTable {
  id: string;
  scope: string;
  urn: string;
  version: string;
  title_ja: string;
  title_en: string;
  checksum: string;
  pack: string;
  item_count: number;
  created_at: string;
}

export interface CatalogNodesTable {
  catalog_id: string;
  ref: string;
  parent_ref: string | null;
  position: number;
  depth: number;
  kind: string;
  provenance: string;
  title_ja: string;
  title_en: string;
  answer_model: string | null;
  tier: string | null;
  tags: string;
}

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

export interface MappingSetsTable {
  id: string;
  scope: string;
  urn: string;
  version: string;
  source_urn: string;
  target_urn: string;
  title_ja: string;
  title_en: string;
  provenance: string;
  entries: string;
  checksum: string;
  created_at: string;
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

export interface SmePoliciesTable {
  org_id: string;
  input: string;
  published: number;
  published_at: string | null;
  updated_by: string | null;
  updated_at: string;
}

export interface SecurityActionDeclarationsTable {
  id: string;
  org_id: string;
  level: string;
  declaration_id: string;
  declared_on: string;
  recorded_by: string | null;
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

export interface Database extends GovernanceTables, CpsfTables, AdvisoryTables, SoftwareTables {
  organizations: OrganizationsTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  relationships: RelationshipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  oidc_identities: OidcIdentitiesTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  settings: SettingsTable;
  catalogs: CatalogsTable;
  catalog_nodes: CatalogNodesTable;
  assessments: AssessmentsTable;
  answers: AnswersTable;
  mapping_sets: MappingSetsTable;
  evidence: EvidenceTable;
  sme_policies: SmePoliciesTable;
  security_action_declarations: SecurityActionDeclarationsTable;
  assessment_shares: AssessmentSharesTable;
}

/** Either the database or an open transaction on it. */
export type Executor = Kysely<Database> | Transaction<Database>;
