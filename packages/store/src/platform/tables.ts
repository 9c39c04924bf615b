import type { ColumnType } from 'kysely';

/** Tables of the platform: identity, organizations and their relationships, sessions, tokens, the audit log, jobs and settings. Times are ISO 8601 UTC text; booleans are 0/1. */
export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  kind: string;
  corporate_number: string | null;
  industry: string | null;
  size: string | null;
  prefecture: string | null;
  /** 1 when other organizations may find it by name or 法人番号 (migration 0026; off by default). */
  discoverable: number;
  /** The name normalised for search (NFKC, lower case): `orgSearchName`. */
  search_name: string;
  created_at: string;
  updated_at: string;
}

/** An organization not on Shinrai yet, invited by e-mail to a relationship (single-use link). */
export interface OrgInvitationsTable {
  id: string;
  org_id: string;
  email: string;
  company_name: string;
  type: string;
  /** The inviting organization's side of the relationship ('from' or 'to'). */
  side: string;
  token_hash: string;
  invited_by: string | null;
  expires_at: string;
  accepted_at: string | null;
  accepted_org_id: string | null;
  revoked_at: string | null;
  created_at: string;
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
  /** Global order of appends (paging key); unique across chains, not gapless on PostgreSQL. */
  seq: number;
  /** Position in the organization's (or the instance's) chain: 1, 2, 3 … without gap. */
  chain_seq: number;
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

/** The head of each audit chain (org id, or 'instance'): its row is the chain's lock and its last entry. */
export interface AuditChainsTable {
  chain: string;
  seq: number;
  head: string;
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

/** The platform's tables: any module may read them (organizations, members, relationships, …). */
export interface PlatformTables {
  organizations: OrganizationsTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  org_invitations: OrgInvitationsTable;
  relationships: RelationshipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  oidc_identities: OidcIdentitiesTable;
  audit_log: AuditLogTable;
  audit_chains: AuditChainsTable;
  jobs: JobsTable;
  settings: SettingsTable;
  files: FilesTable;
  file_chunks: FileChunksTable;
}

/** A file of the platform file store (server `platform/files`): its description; the bytes are in `file_chunks` (PostgreSQL) or the data folder (SQLite). */
export interface FilesTable {
  key: string;
  /** What the file is for, e.g. `advisories.import`. */
  purpose: string;
  name: string | null;
  content_type: string | null;
  /** bigint on PostgreSQL (read back as text by pg), integer on SQLite. */
  size: ColumnType<number | string, number, number>;
  sha256: string | null;
  /** 0 while being written; only complete files are found. */
  complete: number;
  /** The job whose input the file is: removed when that job ends. */
  job_id: string | null;
  created_at: string;
  /** Swept after this time (null: kept until deleted). */
  expires_at: string | null;
}

/** The bytes of a database-stored file, in order (`seq` 0, 1, …), at most one chunk size each. */
export interface FileChunksTable {
  file_key: string;
  seq: number;
  data: Buffer;
}
