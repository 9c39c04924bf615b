// Types of the Shinrai HTTP API v1 (see docs/api.md).

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = ['owner', 'admin', 'member', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ORG_KINDS = ['enterprise', 'supplier', 'hub', 'provider'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type OrgSize = (typeof ORG_SIZES)[number];

export const RELATIONSHIP_TYPES = [
  'buyer_supplier',
  'hub_member',
  'provider_customer',
  'group_company',
] as const;
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

// --- SME guided flow (中小企業向け): SECURITY ACTION ★ / ★★ ----------------------------------------

export const SME_MISSING = ['five_rules', 'self_check', 'policy_set', 'policy_published'] as const;
export type SmeMissing = (typeof SME_MISSING)[number];

export type SecurityActionLevel = 'none' | 'star1' | 'star2';
export type DeclarationLevel = Exclude<SecurityActionLevel, 'none'>;

export interface SmeDeclaration {
  id: string;
  level: DeclarationLevel;
  /** The ID IPA issued (digits). */
  declarationId: string;
  /** YYYY-MM-DD */
  declaredOn: string;
  createdAt: string;
}

export interface SmeStatus {
  fiveRules: { assessmentId: string | null; declared: number; total: number };
  selfCheck: {
    assessmentId: string | null;
    answered: number;
    total: number;
    points: number | null;
    band: { id: string; label: LocalText; advice?: LocalText } | null;
    doneAt: string | null;
  };
  policy: { set: boolean; published: boolean; publicUrl: string | null };
  eligibility: {
    star1: boolean;
    star2: boolean;
    level: SecurityActionLevel;
    missing: SmeMissing[];
  };
  declarations: SmeDeclaration[];
}

export interface PolicyInput {
  companyName: string;
  representativeTitle: string;
  representativeName: string;
  scope: string;
  contact: string;
  /** YYYY-MM-DD */
  establishedOn: string;
}

export interface PolicyDocument {
  title: string;
  preamble: string;
  sections: { heading: string; body: string }[];
  signature: string[];
}

export interface SmePolicy {
  input: PolicyInput | null;
  published: boolean;
  publishedAt: string | null;
  document: { ja: PolicyDocument; en: PolicyDocument } | null;
}

// --- Sharing results with buyers (発注元への共有) -----------------------------------------------------

export interface Share {
  id: string;
  assessmentId: string;
  withOrgId: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface ReceivedShare {
  id: string;
  from: RelationshipParty;
  assessment: { id: string; title: string; status: AssessmentStatus; createdAt: string };
  sharedAt: string;
}

export interface ReceivedShareDetail {
  from: { id: string; name: string };
  assessment: { id: string; title: string; status: AssessmentStatus; catalogTitle: LocalText };
  answers: { ref: string; value: AnswerValue | null }[];
  score: ScoreAggregate & { band: ScoreBand | null };
}

// --- Governance (サイバーセキュリティ経営ガイドライン) for executives ---------------------------------

export const DIRECTIVE_REFS = [
  'directive-1',
  'directive-2',
  'directive-3',
  'directive-4',
  'directive-5',
  'directive-6',
  'directive-7',
  'directive-8',
  'directive-9',
  'directive-10',
] as const;
export type DirectiveRef = (typeof DIRECTIVE_REFS)[number];
export type PerDirective<T> = Record<DirectiveRef, T>;

export interface GovernanceTargets {
  /** Maturity level 0–5 in steps of 0.5, null when no target is set. */
  levels: PerDirective<number | null>;
  percents: PerDirective<number | null>;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface GovernanceAssessmentRef {
  id: string;
  title: string;
  status: AssessmentStatus;
  createdAt: string;
  catalogVersion: string;
  percent: number | null;
}

export interface ActionCounts {
  open: number;
  done: number;
  overdue: number;
}

export interface GovernanceRadar {
  assessment: GovernanceAssessmentRef | null;
  previous: GovernanceAssessmentRef | null;
  axes: {
    ref: DirectiveRef;
    title: LocalText;
    current: number | null;
    previous: number | null;
    target: number | null;
    currentLevel: number | null;
    previousLevel: number | null;
    targetLevel: number | null;
    actions: ActionCounts;
  }[];
}

export type GovernancePeers =
  | { available: false; contributors: number; reason: 'no_industry' | 'too_few' }
  | { available: true; contributors: number; averages: { ref: DirectiveRef; average: number | null }[] };

export interface GovernanceGroup {
  axes: { ref: DirectiveRef; title: LocalText }[];
  companies: {
    organization: { id: string; slug: string; name: string };
    self: boolean;
    assessment: { status: AssessmentStatus; createdAt: string; catalogVersion: string } | null;
    overall: number | null;
    directives: PerDirective<number | null>;
  }[];
}

export const GOVERNANCE_ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type GovernanceActionStatus = (typeof GOVERNANCE_ACTION_STATUSES)[number];

export interface GovernanceKpi {
  text: string;
  target: number | null;
  current: number | null;
}

export interface GovernanceAction {
  id: string;
  directive: DirectiveRef;
  title: string;
  owner: { id: string; displayName: string | null };
  /** YYYY-MM-DD */
  dueDate: string;
  status: GovernanceActionStatus;
  kpi: GovernanceKpi | null;
  overdue: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface GovernanceActionInput {
  directive: DirectiveRef;
  title: string;
  ownerId: string;
  dueDate: string;
  status: GovernanceActionStatus;
  kpi: { text: string; target?: number | null; current?: number | null } | null;
}
