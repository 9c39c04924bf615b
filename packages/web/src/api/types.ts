// Types of the Shinrai HTTP API v1 (see docs/api.md).

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = ['owner', 'admin', 'member', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ORG_KINDS = ['enterprise', 'supplier', 'hub', 'provider'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type OrgSize = (typeof ORG_SIZES)[number];

export const RELATIONSHIP_TYPES = ['buyer_supplier', 'hub_member', 'provider_customer', 'group_company'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export type RelationshipSide = 'from' | 'to';
export type RelationshipStatus = 'pending' | 'active' | 'declined' | 'ended';
export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  totpEnabled: boolean;
  isInstanceAdmin: boolean;
}

export interface OrganizationRef {
  id: string;
  slug: string;
  name: string;
  kind: OrgKind;
}

export interface Membership {
  organization: OrganizationRef;
  role: Role;
}

export interface MeResponse {
  user: User;
  memberships: Membership[];
  csrfToken: string;
}

export interface SessionResponse {
  user: User;
  csrfToken: string;
}

export type LoginResponse = ({ status: 'ok' } & SessionResponse) | { status: 'mfa_required' };

export interface Organization {
  id: string;
  slug: string;
  name: string;
  kind: OrgKind;
  corporateNumber: string | null;
  industry: string | null;
  size: OrgSize | null;
  prefecture: string | null;
  createdAt: string;
}

export interface OrganizationInput {
  name: string;
  kind: OrgKind;
  slug?: string;
  corporateNumber?: string | null;
  industry?: string | null;
  size?: OrgSize | null;
  prefecture?: string | null;
}

export interface SetupRequest {
  setupCode: string;
  email: string;
  displayName: string;
  password: string;
  locale: Locale;
  organization: OrganizationInput;
}

export interface InvitationPreview {
  organization: { id: string; name: string };
  email: string;
  role: Role;
  expiresAt: string;
  accountExists: boolean;
}

export interface AcceptInvitationResponse extends SessionResponse {
  orgId: string;
}

export interface Member {
  user: { id: string; email: string; displayName: string };
  role: Role;
  createdAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  expiresAt: string;
  createdAt: string;
}

export interface RelationshipParty {
  id: string;
  name: string;
  slug: string;
}

export interface Relationship {
  id: string;
  type: RelationshipType;
  from: RelationshipParty;
  to: RelationshipParty;
  status: RelationshipStatus;
  requestedBy: string;
  createdAt: string;
  acceptedAt: string | null;
  endedAt: string | null;
}

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: { userId: string | null; email: string | null; tokenId: string | null } | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  details: unknown;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
}

export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  progress: { current: number; total: number };
  result: unknown;
  error: unknown;
  createdAt: string;
  updatedAt: string;
}

// --- Catalogs (フレームワーク・カタログ) and assessments (評価) -------------------------------------

/** A text in both UI languages. */
export interface LocalText {
  ja: string;
  en: string;
}

export type Provenance = 'official' | 'own';

export interface CatalogSummary {
  id: string;
  urn: string;
  version: string;
  builtin: boolean;
  title: LocalText;
  itemCount: number;
  checksum: string;
  createdAt: string;
}

export interface AnswerOption {
  value: string;
  label: LocalText;
  points?: number;
  unknown?: boolean;
}

export interface MaturityLevel {
  level: number;
  label: LocalText;
  descriptor?: LocalText;
}

export type AnswerModel =
  | { kind: 'choice'; options: AnswerOption[] }
  | { kind: 'multiple'; options: AnswerOption[] }
  | { kind: 'maturity'; levels: MaturityLevel[] }
  | { kind: 'number'; min?: number; max?: number; unit?: LocalText }
  | { kind: 'text'; maxLength?: number };

export interface ScoreBand {
  id: string;
  min: number;
  label: LocalText;
  advice?: LocalText;
}

export interface PackNode {
  ref: string;
  provenance: Provenance;
  title: LocalText;
  description?: LocalText;
  guidance?: LocalText;
  answerModel?: string;
  weight?: number;
  tier?: string;
  tags?: string[];
  children?: PackNode[];
}

export interface CatalogTier {
  id: string;
  label: LocalText;
  includes?: string[];
}

export interface CatalogPack {
  id: string;
  version: string;
  publisher: LocalText;
  title: LocalText;
  description?: LocalText;
  notice?: LocalText;
  sources: { title: string; date?: string; url: string }[];
  answerModels: Record<string, AnswerModel>;
  tiers?: CatalogTier[];
  tags?: Record<string, Record<string, LocalText>>;
  scoring?: {
    method: 'sum' | 'percent';
    unknown?: 'points' | 'exclude';
    unanswered?: 'zero' | 'exclude';
    bands?: ScoreBand[];
  };
  nodes: PackNode[];
}

export interface CatalogDetail {
  catalog: CatalogSummary;
  pack: CatalogPack;
}

/** One problem of a sheet import (422 import_invalid) or of the options (400 validation_failed). */
export interface ImportProblemDetail {
  code?: string;
  sheet?: string;
  row?: number;
  column?: string;
  pointer?: string;
  message: string;
}

export const IMPORT_FIELDS = [
  'ref',
  'parent',
  'titleJa',
  'titleEn',
  'descriptionJa',
  'descriptionEn',
  'guidanceJa',
  'guidanceEn',
  'answerModel',
  'tier',
  'tags',
  'weight',
  'provenance',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ImportMapping = { ref: string } & Partial<Record<ImportField, string>>;

export interface ImportOptions {
  mode: 'inspect' | 'preview' | 'apply';
  sheet?: string;
  mapping?: ImportMapping;
  header?: { id: string; version: string; title: LocalText };
  baseCatalogId?: string;
  defaultProvenance?: Provenance;
}

export interface ImportInspection {
  sheets: string[];
  sheet: string;
  columns: string[];
  rows: number;
  sample: (string | number | boolean | null)[][];
}

export interface ImportSummary {
  urn: string;
  version: string;
  itemCount: number;
  changes: { added: string[]; changed: string[]; removed: string[]; unchanged: number };
  checksum: string;
}

export const ASSESSMENT_STATUSES = ['draft', 'in_review', 'approved', 'locked'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const SCOPE_TYPES = ['organization', 'site', 'product', 'system', 'supplier'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

export interface Assessment {
  id: string;
  catalogId: string;
  tier: string | null;
  title: string;
  scope: { type: ScopeType; label: string | null };
  status: AssessmentStatus;
  statusBy: string | null;
  statusAt: string | null;
  dueDate: string | null;
  basedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewAssessment {
  catalogId: string;
  tier?: string;
  title: string;
  scopeType: ScopeType;
  scopeLabel?: string;
  dueDate?: string;
  basedOn?: string;
}

export type AnswerValue =
  | { kind: 'choice'; value: string }
  | { kind: 'multiple'; values: string[] }
  | { kind: 'maturity'; level: number }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string };

export interface Answer {
  ref: string;
  value: AnswerValue | null;
  comment: string | null;
  revision: number;
  updatedBy: string | null;
  updatedAt: string;
}

export interface ScoreAggregate {
  points: number;
  max: number;
  percent: number | null;
  answered: number;
  items: number;
}

export interface Score {
  overall: ScoreAggregate & { band: ScoreBand | null };
  groups: Record<string, ScoreAggregate>;
  tags: Record<string, ScoreAggregate>;
  tiers: Record<string, ScoreAggregate>;
}

export interface AssessmentDetail {
  assessment: Assessment;
  answers: Answer[];
  score: Score;
}

export const MAPPING_RELATIONS = ['equal', 'subset', 'superset', 'intersect'] as const;
export type MappingRelation = (typeof MAPPING_RELATIONS)[number];

export interface MappingSet {
  id: string;
  urn: string;
  version: string;
  source: string;
  target: string;
  title: LocalText;
  provenance: Provenance;
  entries: { source: string; target: string; relation: MappingRelation; rationale?: LocalText }[];
}

export interface PrefillProposal {
  target: string;
  from: string;
  relation: MappingRelation;
  value: AnswerValue;
}
