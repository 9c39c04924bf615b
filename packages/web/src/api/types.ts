// Types of the Shinrai HTTP API v1 (see docs/api.md), derived from the server's OpenAPI description
// (schema.gen.ts; `npm run api:generate`). Hand-written types remain only where the server does not
// describe the data (marked "not described by the server's OpenAPI") and narrowings where it describes
// it more loosely than it answers (marked "narrowed"; see Narrow in schema.ts).
import { allOf, type BodyOf, type Item, type Narrow, type ResponseOf, type Widen } from './schema';
import type { paths } from './schema.gen';

// --- Identity, organizations, relationships ------------------------------------------------------------

export type MeResponse = ResponseOf<'/api/me', 'get'>;
export type User = MeResponse['user'];
export type Membership = Item<MeResponse['memberships']>;
/** The organization of a membership (the server sends the whole organization). */
export type OrganizationRef = Membership['organization'];
export type SessionResponse = ResponseOf<'/api/setup', 'post'>;
export type LoginResponse = ResponseOf<'/api/auth/login', 'post'>;

export type Locale = User['locale'];
export const LOCALES = allOf<Locale>()(['ja', 'en']);

export type Role = Membership['role'];
export const ROLES = allOf<Role>()(['owner', 'admin', 'member', 'viewer', 'auditor']);

export type Organization = ResponseOf<'/api/orgs/{orgId}', 'get'>['organization'];
export type OrganizationInput = BodyOf<'/api/orgs', 'post'>;
export type SetupRequest = BodyOf<'/api/setup', 'post'>;

export type OrgKind = Organization['kind'];
export const ORG_KINDS = allOf<OrgKind>()(['enterprise', 'supplier', 'hub', 'provider']);

export type OrgSize = NonNullable<Organization['size']>;
export const ORG_SIZES = allOf<OrgSize>()(['micro', 'small', 'medium', 'large']);

export type InvitationPreview = ResponseOf<'/api/invitations/{token}', 'get'>;
export type AcceptInvitationResponse = ResponseOf<'/api/invitations/{token}/accept', 'post'>;

export type Member = Item<ResponseOf<'/api/orgs/{orgId}/members', 'get'>['items']>;
export type Invitation = Item<ResponseOf<'/api/orgs/{orgId}/invitations', 'get'>['items']>;
export type InvitationStatus = Invitation['status'];

export type Relationship = Item<ResponseOf<'/api/orgs/{orgId}/relationships', 'get'>['items']>;
export type RelationshipParty = Relationship['from'];
export type RelationshipStatus = Relationship['status'];
export type RelationshipSide = BodyOf<'/api/orgs/{orgId}/relationships', 'post'>['side'];
export type RelationshipType = Relationship['type'];
export const RELATIONSHIP_TYPES = allOf<RelationshipType>()([
  'buyer_supplier',
  'hub_member',
  'provider_customer',
  'group_company',
]);

export type ApiToken = Item<ResponseOf<'/api/orgs/{orgId}/tokens', 'get'>['items']>;
export type AuditEntry = Item<ResponseOf<'/api/orgs/{orgId}/audit', 'get'>['items']>;

/**
 * compat (Widen): the server describes `error` as `string | null`; components/software/AdvisoryImport.tsx
 * also handles an object with a `message`, which the old hand-written type (`unknown`) allowed.
 */
export type Job = Widen<ResponseOf<'/api/orgs/{orgId}/jobs/{jobId}', 'get'>['job'], { error: unknown }>;
export type JobStatus = Job['status'];

// not described by the server's OpenAPI: the `result` of the audit.verify job
// (POST /api/orgs/{orgId}/audit/verify, GET /api/orgs/{orgId}/jobs/{jobId} → job.result is `unknown`)
export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  /** Why the chain does not verify (server audit-verify.ts); checkpoint reasons have their own message. */
  reason: string | null;
  /** The last signed checkpoint the chain was compared with. */
  checkpoint: { seq: number; head: string; at: string } | null;
}

/** The error body every route answers with; described on the routes that list their errors. */
export type ApiErrorBody = NonNullable<
  paths['/api/orgs/{orgId}/software/products']['post']
>['responses'][409]['content']['application/json'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// --- Catalogs (フレームワーク・カタログ) and assessments (評価) -------------------------------------

export type CatalogSummary = Item<ResponseOf<'/api/orgs/{orgId}/catalogs', 'get'>['items']>;
/** A text in both UI languages. */
export type LocalText = CatalogSummary['title'];

export type MappingSet = Item<ResponseOf<'/api/orgs/{orgId}/mappings', 'get'>['items']>;
export type Provenance = MappingSet['provenance'];
export type MappingRelation = Item<MappingSet['entries']>['relation'];
export const MAPPING_RELATIONS = allOf<MappingRelation>()(['equal', 'subset', 'superset', 'intersect']);

export type AssessmentDetail = ResponseOf<'/api/orgs/{orgId}/assessments/{id}', 'get'>;
export type Assessment = AssessmentDetail['assessment'];
export type AssessmentStatus = Assessment['status'];
export const ASSESSMENT_STATUSES = allOf<AssessmentStatus>()(['draft', 'in_review', 'approved', 'locked']);
export type NewAssessment = BodyOf<'/api/orgs/{orgId}/assessments', 'post'>;
/** Scopes a new assessment can have (assessments of a CPSF model have the scope `cpsf_model`). */
export type ScopeType = NonNullable<NewAssessment['scopeType']>;
export const SCOPE_TYPES = allOf<ScopeType>()(['organization', 'site', 'product', 'system', 'supplier']);
export type Answer = Item<AssessmentDetail['answers']>;
export type AnswerValue = NonNullable<Answer['value']>;
type ScoreJson = AssessmentDetail['score'];
/**
 * compat (Widen): the server always sends `items` (per-item points); lib/catalog.test.ts builds scores
 * without it, as the old hand-written type allowed.
 */
export type Score = Widen<ScoreJson, { items?: ScoreJson['items'] }>;
export type ScoreAggregate = ScoreJson['groups'][string];
export type ScoreBand = NonNullable<ScoreJson['overall']['band']>;

// not described by the server's OpenAPI: the pack of GET /api/orgs/{orgId}/catalogs/{catalogId}
// (described as an object of unknown values); these follow packages/core's pack format.
export type AnswerOption = {
  value: string;
  label: LocalText;
  points?: number;
  unknown?: boolean;
};

export type MaturityLevel = {
  level: number;
  label: LocalText;
  descriptor?: LocalText;
};

export type AnswerModel =
  | { kind: 'choice'; options: AnswerOption[] }
  | { kind: 'multiple'; options: AnswerOption[] }
  | { kind: 'maturity'; levels: MaturityLevel[] }
  | { kind: 'number'; min?: number; max?: number; unit?: LocalText }
  | { kind: 'text'; maxLength?: number }
  | { kind: 'date'; notBefore?: string; notAfter?: string }
  | { kind: 'file' };

export type PackNode = {
  ref: string;
  provenance: Provenance;
  title: LocalText;
  description?: LocalText;
  guidance?: LocalText;
  /** Provenance note: shown in the catalog view, not on answering screens. */
  note?: LocalText;
  answerModel?: string;
  weight?: number;
  tier?: string;
  tags?: string[];
  children?: PackNode[];
};

export type CatalogTier = {
  id: string;
  label: LocalText;
  includes?: string[];
};

export type CatalogPack = {
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
};

/** narrowed: the server describes `pack` as an object of unknown values. */
export type CatalogDetail = Narrow<
  ResponseOf<'/api/orgs/{orgId}/catalogs/{catalogId}', 'get'>,
  { pack: CatalogPack }
>;

// not described by the server's OpenAPI: POST /api/orgs/{orgId}/catalogs/import (a multipart body with
// `file` and an `options` JSON; the answers below) and the `details` of its 422 import_invalid error.
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
  'noteJa',
  'noteEn',
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
  changes: {
    added: string[];
    changed: string[];
    removed: string[];
    unchanged: number;
    /** The title of each added, changed or removed node. */
    titles: Record<string, LocalText>;
  };
  checksum: string;
}

/** narrowed: POST /api/orgs/{orgId}/assessments/{id}/prefill describes `relation` as a string and `value` as unknown. */
export type PrefillProposal = Narrow<
  Item<ResponseOf<'/api/orgs/{orgId}/assessments/{id}/prefill', 'post'>['proposals']>,
  { relation: MappingRelation; value: AnswerValue }
>;

// --- SME guided flow (中小企業向け): SECURITY ACTION ★ / ★★ ----------------------------------------

type SmeStatusJson = ResponseOf<'/api/orgs/{orgId}/sme/status', 'get'>;
export type SecurityActionLevel = SmeStatusJson['eligibility']['level'];
export type SmeDeclaration = Item<SmeStatusJson['declarations']>;
export type DeclarationLevel = SmeDeclaration['level'];

/** narrowed: GET /api/orgs/{orgId}/sme/status describes `eligibility.missing` as string[]. */
export const SME_MISSING = ['five_rules', 'self_check', 'policy_set', 'policy_published'] as const;
export type SmeMissing = (typeof SME_MISSING)[number];
export type SmeStatus = Narrow<
  SmeStatusJson,
  { eligibility: Narrow<SmeStatusJson['eligibility'], { missing: SmeMissing[] }> }
>;

export type PolicyInput = BodyOf<'/api/orgs/{orgId}/sme/policy', 'put'>;

// not described by the server's OpenAPI: `document.ja` / `document.en` of GET /api/orgs/{orgId}/sme/policy
// (described as unknown).
export type PolicyDocument = {
  title: string;
  preamble: string;
  sections: { heading: string; body: string }[];
  signature: string[];
  /** The company's entries are in this language (shown as written), and the note saying so. */
  entriesLanguage?: Locale;
  entriesNote?: string;
};

type SmePolicyJson = ResponseOf<'/api/orgs/{orgId}/sme/policy', 'get'>;
/** narrowed: the policy document (see PolicyDocument). */
export type SmePolicy = Narrow<
  SmePolicyJson,
  { document: { ja: PolicyDocument; en: PolicyDocument } | null }
>;

// --- Sharing results with buyers (発注元への共有) -----------------------------------------------------

export type Share = Item<ResponseOf<'/api/orgs/{orgId}/shares', 'get'>['items']>;

type ReceivedShareJson = Item<ResponseOf<'/api/orgs/{orgId}/shared-with-us', 'get'>['items']>;
/** narrowed: GET /api/orgs/{orgId}/shared-with-us describes `assessment.status` as a string. */
export type ReceivedShare = Narrow<
  ReceivedShareJson,
  { assessment: Narrow<ReceivedShareJson['assessment'], { status: AssessmentStatus }> }
>;

type ReceivedShareDetailJson = ResponseOf<'/api/orgs/{orgId}/shared-with-us/{shareId}', 'get'>;
/**
 * narrowed: GET /api/orgs/{orgId}/shared-with-us/{shareId} describes `assessment.status` as a string and
 * `answers[].value` and `score.band` as unknown.
 */
export type ReceivedShareDetail = Narrow<
  ReceivedShareDetailJson,
  {
    assessment: Narrow<ReceivedShareDetailJson['assessment'], { status: AssessmentStatus }>;
    answers: { ref: string; value: AnswerValue | null }[];
    score: Narrow<ReceivedShareDetailJson['score'], { band: ScoreBand | null }>;
  }
>;

// --- Governance (サイバーセキュリティ経営ガイドライン) for executives ---------------------------------

export type GovernanceAction = Item<ResponseOf<'/api/orgs/{orgId}/governance/actions', 'get'>['items']>;
export type GovernanceActionInput = BodyOf<'/api/orgs/{orgId}/governance/actions', 'post'>;
export type GovernanceActionStatus = GovernanceAction['status'];
export const GOVERNANCE_ACTION_STATUSES = allOf<GovernanceActionStatus>()([
  'planned',
  'in_progress',
  'done',
  'cancelled',
]);
export type GovernanceKpi = NonNullable<GovernanceAction['kpi']>;

export type DirectiveRef = GovernanceAction['directive'];
export const DIRECTIVE_REFS = allOf<DirectiveRef>()([
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
]);
export type PerDirective<T> = Record<DirectiveRef, T>;

export type GovernanceTargets = ResponseOf<'/api/orgs/{orgId}/governance/targets', 'get'>['targets'];
export type GovernanceReportNotes = ResponseOf<'/api/orgs/{orgId}/governance/report-notes', 'get'>['notes'];
export type GovernancePeers = ResponseOf<'/api/orgs/{orgId}/governance/peers', 'get'>;

type GovernanceRadarJson = ResponseOf<'/api/orgs/{orgId}/governance/radar', 'get'>;
/** narrowed: GET /api/orgs/{orgId}/governance/radar describes the assessments' `status` as a string. */
export type GovernanceAssessmentRef = Narrow<
  NonNullable<GovernanceRadarJson['assessment']>,
  { status: AssessmentStatus }
>;
export type GovernanceRadar = Narrow<
  GovernanceRadarJson,
  { assessment: GovernanceAssessmentRef | null; previous: GovernanceAssessmentRef | null }
>;
export type ActionCounts = Item<GovernanceRadar['axes']>['actions'];

type GovernanceGroupJson = ResponseOf<'/api/orgs/{orgId}/governance/group', 'get'>;
type GroupCompanyJson = Item<GovernanceGroupJson['companies']>;
/** narrowed: GET /api/orgs/{orgId}/governance/group describes `companies[].assessment.status` as a string. */
export type GovernanceGroup = Narrow<
  GovernanceGroupJson,
  {
    companies: Narrow<
      GroupCompanyJson,
      {
        assessment: Narrow<NonNullable<GroupCompanyJson['assessment']>, { status: AssessmentStatus }> | null;
      }
    >[];
  }
>;
