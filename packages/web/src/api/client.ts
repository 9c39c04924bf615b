// Small typed client for the Shinrai HTTP API (docs/api.md).
import type {
  AcceptInvitationResponse,
  ApiToken,
  Answer,
  AnswerValue,
  Assessment,
  AssessmentDetail,
  AssessmentStatus,
  AuditEntry,
  CatalogDetail,
  CatalogSummary,
  DeclarationLevel,
  GovernanceAction,
  GovernanceActionInput,
  GovernanceGroup,
  GovernancePeers,
  GovernanceRadar,
  GovernanceTargets,
  ImportInspection,
  ImportOptions,
  ImportSummary,
  Invitation,
  InvitationPreview,
  Job,
  Locale,
  LoginResponse,
  MappingSet,
  MeResponse,
  Member,
  NewAssessment,
  Organization,
  OrganizationInput,
  Page,
  PerDirective,
  PolicyInput,
  PrefillProposal,
  ReceivedShare,
  ReceivedShareDetail,
  Relationship,
  RelationshipSide,
  RelationshipType,
  Role,
  SessionResponse,
  SetupRequest,
  Share,
  SmeDeclaration,
  SmePolicy,
  SmeStatus,
  User,
} from './types';

/** An error answered by the server (or a network failure, status 0). `message` is already localized. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

interface ClientConfig {
  /** Current UI language, sent as Accept-Language. */
  getLanguage: () => string;
  /** Localized fallback messages used when the server gives no error body. */
  fallbackMessage: (kind: 'network' | 'unknown') => string;
  /** Called when an authenticated request answers 401 unauthenticated (session ended). */
  onUnauthenticated: () => void;
}

let config: ClientConfig = {
  getLanguage: () => 'ja',
  fallbackMessage: (kind) => kind,
  onUnauthenticated: () => undefined,
};
let csrfToken: string | null = null;

export function configureClient(next: Partial<ClientConfig>): void {
  config = { ...config, ...next };
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  signal?: AbortSignal;
  /** Do not report 401 to the session handler (used by auth endpoints and /api/me itself). */
  quiet401?: boolean;
}

function isErrorBody(
  value: unknown,
): value is { error: { code: string; message: string; details?: unknown } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': config.getLanguage(),
  };
  // POST without a payload still sends `{}` so that strict JSON body schemas accept it.
  const payload = body === undefined && method === 'POST' ? {} : body;
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  return send<T>(
    path,
    {
      method,
      headers,
      body: payload === undefined ? undefined : JSON.stringify(payload),
      credentials: 'same-origin',
      signal: options.signal,
    },
    options,
  );
}

/**
 * POSTs a multipart form (file uploads). The browser sets content-type with the boundary itself;
 * the CSRF token goes in its header as for every other change.
 */
export async function upload<T>(path: string, form: FormData, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': config.getLanguage(),
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  return send<T>(
    path,
    { method: 'POST', headers, body: form, credentials: 'same-origin', signal: options.signal },
    options,
  );
}

async function send<T>(path: string, init: RequestInit, options: RequestOptions): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', config.fallbackMessage('network'));
  }

  const text = response.status === 204 ? '' : await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!response.ok) {
    const error = isErrorBody(data)
      ? new ApiError(response.status, data.error.code, data.error.message, data.error.details)
      : new ApiError(response.status, 'internal', config.fallbackMessage('unknown'));
    if (response.status === 401 && error.code === 'unauthenticated' && !options.quiet401) {
      config.onUnauthenticated();
    }
    throw error;
  }
  return data as T;
}

const enc = encodeURIComponent;

function pageQuery(cursor?: string | null, limit = 50): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return `?${params.toString()}`;
}

function remember<T extends { csrfToken: string }>(response: T): T {
  setCsrfToken(response.csrfToken);
  return response;
}

const org = (orgId: string) => `/api/orgs/${enc(orgId)}`;

function importCatalog<T>(orgId: string, file: File, options: ImportOptions): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('options', JSON.stringify(options));
  return upload<T>(`${org(orgId)}/catalogs/import`, form);
}

/** One assessment in the score history of a catalog (GET …/assessments/trend). */
export interface TrendPoint {
  id: string;
  title: string;
  createdAt: string;
  status: string;
  catalogVersion: string;
  percent: number | null;
  points: number | null;
  max: number | null;
  answered: number | null;
  items: number | null;
  bandId: string | null;
}

export const api = {
  health: () => request<{ status: string }>('GET', '/api/health'),

  // Public
  setupStatus: () => request<{ needsSetup: boolean }>('GET', '/api/setup/status'),
  setup: async (body: SetupRequest) =>
    remember(await request<SessionResponse>('POST', '/api/setup', body, { quiet401: true })),
  login: async (email: string, password: string) => {
    const response = await request<LoginResponse>(
      'POST',
      '/api/auth/login',
      { email, password },
      { quiet401: true },
    );
    if (response.status === 'ok') setCsrfToken(response.csrfToken);
    return response;
  },
  loginTotp: async (code: string) => {
    const response = await request<LoginResponse>(
      'POST',
      '/api/auth/login/totp',
      { code },
      { quiet401: true },
    );
    if (response.status === 'ok') setCsrfToken(response.csrfToken);
    return response;
  },
  logout: async () => {
    await request<void>('POST', '/api/auth/logout', undefined, { quiet401: true });
    setCsrfToken(null);
  },
  oidc: () => request<{ enabled: boolean; label: string | null }>('GET', '/api/auth/oidc'),
  invitation: (token: string) =>
    request<InvitationPreview>('GET', `/api/invitations/${enc(token)}`, undefined, { quiet401: true }),
  acceptInvitation: async (token: string, body: { displayName?: string; password?: string }) =>
    remember(
      await request<AcceptInvitationResponse>('POST', `/api/invitations/${enc(token)}/accept`, body, {
        quiet401: true,
      }),
    ),

  // Signed-in user
  me: async () => remember(await request<MeResponse>('GET', '/api/me', undefined, { quiet401: true })),
  updateMe: (body: { displayName?: string; locale?: Locale }) =>
    request<{ user: User }>('PATCH', '/api/me', body),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/api/me/password', { currentPassword, newPassword }),
  totpSetup: () => request<{ secret: string; otpauthUrl: string }>('POST', '/api/me/totp/setup'),
  totpEnable: (code: string) => request<{ recoveryCodes: string[] }>('POST', '/api/me/totp/enable', { code }),
  totpDisable: (password: string) => request<void>('POST', '/api/me/totp/disable', { password }),
  createOrganization: (body: OrganizationInput) =>
    request<{ organization: Organization }>('POST', '/api/orgs', body),

  // Organization-scoped
  organization: (orgId: string) => request<{ organization: Organization; role: Role }>('GET', org(orgId)),
  updateOrganization: (orgId: string, body: Partial<OrganizationInput>) =>
    request<{ organization: Organization }>('PATCH', org(orgId), body),

  members: (orgId: string, cursor?: string | null) =>
    request<Page<Member>>('GET', `${org(orgId)}/members${pageQuery(cursor)}`),
  updateMember: (orgId: string, userId: string, role: Role) =>
    request<{ member: Member }>('PATCH', `${org(orgId)}/members/${enc(userId)}`, { role }),
  removeMember: (orgId: string, userId: string) =>
    request<void>('DELETE', `${org(orgId)}/members/${enc(userId)}`),

  invitations: (orgId: string, cursor?: string | null) =>
    request<Page<Invitation>>('GET', `${org(orgId)}/invitations${pageQuery(cursor)}`),
  invite: (orgId: string, email: string, role: Role) =>
    request<{ invitation: Invitation; mailSent?: boolean }>('POST', `${org(orgId)}/invitations`, {
      email,
      role,
    }),
  revokeInvitation: (orgId: string, id: string) =>
    request<void>('DELETE', `${org(orgId)}/invitations/${enc(id)}`),

  relationships: (orgId: string, cursor?: string | null) =>
    request<Page<Relationship>>('GET', `${org(orgId)}/relationships${pageQuery(cursor)}`),
  requestRelationship: (
    orgId: string,
    body: { counterpartSlug: string; type: RelationshipType; side: RelationshipSide },
  ) => request<{ relationship: Relationship }>('POST', `${org(orgId)}/relationships`, body),
  relationshipAction: (orgId: string, id: string, action: 'accept' | 'decline' | 'end') =>
    request<{ relationship: Relationship }>('POST', `${org(orgId)}/relationships/${enc(id)}/${action}`),

  tokens: (orgId: string, cursor?: string | null) =>
    request<Page<ApiToken>>('GET', `${org(orgId)}/tokens${pageQuery(cursor)}`),
  createToken: (orgId: string, body: { name: string; role: Role; expiresInDays: number }) =>
    request<{ token: ApiToken; secret: string }>('POST', `${org(orgId)}/tokens`, body),
  revokeToken: (orgId: string, id: string) => request<void>('DELETE', `${org(orgId)}/tokens/${enc(id)}`),

  audit: (orgId: string, cursor?: string | null) =>
    request<Page<AuditEntry>>('GET', `${org(orgId)}/audit${pageQuery(cursor)}`),
  auditCsvUrl: (orgId: string) => `${org(orgId)}/audit.csv`,
  verifyAudit: (orgId: string) => request<{ job: Job }>('POST', `${org(orgId)}/audit/verify`),
  job: (orgId: string, jobId: string, signal?: AbortSignal) =>
    request<{ job: Job }>('GET', `${org(orgId)}/jobs/${enc(jobId)}`, undefined, { signal }),

  // Catalogs (フレームワーク・カタログ)
  catalogs: (orgId: string) => request<{ items: CatalogSummary[] }>('GET', `${org(orgId)}/catalogs`),
  catalog: (orgId: string, catalogId: string) =>
    request<CatalogDetail>('GET', `${org(orgId)}/catalogs/${enc(catalogId)}`),
  catalogXlsxUrl: (orgId: string, catalogId: string) =>
    `${org(orgId)}/catalogs/${enc(catalogId)}/export.xlsx`,
  /** Step 1: read the sheet (names of sheets and columns, 5 sample rows). */
  inspectImport: (orgId: string, file: File, options: Omit<ImportOptions, 'mode'>) =>
    importCatalog<ImportInspection>(orgId, file, { ...options, mode: 'inspect' }),
  /** Step 2: build and validate the catalog, writing nothing. */
  previewImport: (orgId: string, file: File, options: Omit<ImportOptions, 'mode'>) =>
    importCatalog<{ preview: ImportSummary }>(orgId, file, { ...options, mode: 'preview' }),
  /** Step 3: store it (all or nothing). */
  applyImport: (orgId: string, file: File, options: Omit<ImportOptions, 'mode'>) =>
    importCatalog<{ catalogId: string } & ImportSummary>(orgId, file, { ...options, mode: 'apply' }),
  mappings: (orgId: string) => request<{ items: MappingSet[] }>('GET', `${org(orgId)}/mappings`),

  // Assessments (評価)
  assessments: (orgId: string, cursor?: string | null, limit = 50) =>
    request<Page<Assessment>>('GET', `${org(orgId)}/assessments${pageQuery(cursor, limit)}`),
  createAssessment: (orgId: string, body: NewAssessment) =>
    request<{ assessment: Assessment }>('POST', `${org(orgId)}/assessments`, body),
  assessment: (orgId: string, id: string) =>
    request<AssessmentDetail>('GET', `${org(orgId)}/assessments/${enc(id)}`),
  assessmentXlsxUrl: (orgId: string, id: string, lang: Locale) =>
    `${org(orgId)}/assessments/${enc(id)}/export.xlsx?lang=${lang}`,
  trend: (orgId: string, urn: string) =>
    request<{ points: TrendPoint[] }>(
      'GET',
      `${org(orgId)}/assessments/trend?urn=${encodeURIComponent(urn)}`,
    ),
  assessmentPdfUrl: (orgId: string, id: string, lang: Locale) =>
    `${org(orgId)}/assessments/${enc(id)}/report.pdf?lang=${lang}`,
  saveAnswer: (
    orgId: string,
    id: string,
    ref: string,
    body: { value: AnswerValue | null; comment?: string | null; revision: number },
  ) => request<{ answer: Answer }>('PUT', `${org(orgId)}/assessments/${enc(id)}/answers/${enc(ref)}`, body),
  moveAssessment: (orgId: string, id: string, to: AssessmentStatus) =>
    request<{ assessment: Assessment }>('POST', `${org(orgId)}/assessments/${enc(id)}/status`, { to }),
  prefill: (
    orgId: string,
    id: string,
    body: { sourceAssessmentId: string; mappingSetId: string; apply: boolean },
  ) =>
    request<{ proposals: PrefillProposal[]; applied: number }>(
      'POST',
      `${org(orgId)}/assessments/${enc(id)}/prefill`,
      body,
    ),

  // SME guided flow (中小企業向け): SECURITY ACTION ★ / ★★
  smeStatus: (orgId: string) => request<SmeStatus>('GET', `${org(orgId)}/sme/status`),
  smePolicy: (orgId: string) => request<SmePolicy>('GET', `${org(orgId)}/sme/policy`),
  saveSmePolicy: (orgId: string, body: PolicyInput) => request<void>('PUT', `${org(orgId)}/sme/policy`, body),
  publishSmePolicy: (orgId: string, published: boolean) =>
    request<{ published: boolean; publicUrl: string | null }>('POST', `${org(orgId)}/sme/policy/publish`, {
      published,
    }),
  smePolicyPdfUrl: (orgId: string, lang: Locale) => `${org(orgId)}/sme/policy.pdf?lang=${lang}`,
  smeDeclarations: (orgId: string) =>
    request<{ items: SmeDeclaration[] }>('GET', `${org(orgId)}/sme/declarations`),
  recordDeclaration: (
    orgId: string,
    body: { level: DeclarationLevel; declarationId: string; declaredOn: string },
  ) => request<{ declaration: SmeDeclaration }>('POST', `${org(orgId)}/sme/declarations`, body),

  // Sharing results with buyers (発注元への共有)
  shares: (orgId: string) => request<{ items: Share[] }>('GET', `${org(orgId)}/shares`),
  share: (orgId: string, body: { assessmentId: string; withOrgId: string }) =>
    request<{ share: Share }>('POST', `${org(orgId)}/shares`, body),
  revokeShare: (orgId: string, id: string) => request<void>('DELETE', `${org(orgId)}/shares/${enc(id)}`),
  sharedWithUs: (orgId: string) => request<{ items: ReceivedShare[] }>('GET', `${org(orgId)}/shared-with-us`),
  sharedWithUsDetail: (orgId: string, shareId: string) =>
    request<ReceivedShareDetail>('GET', `${org(orgId)}/shared-with-us/${enc(shareId)}`),

  // Governance (サイバーセキュリティ経営ガイドライン) for executives
  governanceTargets: (orgId: string) =>
    request<{ targets: GovernanceTargets }>('GET', `${org(orgId)}/governance/targets`),
  setGovernanceTargets: (orgId: string, targets: Partial<PerDirective<number | null>>) =>
    request<{ targets: GovernanceTargets }>('PUT', `${org(orgId)}/governance/targets`, { targets }),
  governanceRadar: (orgId: string, assessmentId?: string) =>
    request<GovernanceRadar>(
      'GET',
      `${org(orgId)}/governance/radar${assessmentId ? `?assessmentId=${enc(assessmentId)}` : ''}`,
    ),
  governancePeers: (orgId: string) => request<GovernancePeers>('GET', `${org(orgId)}/governance/peers`),
  governanceGroup: (orgId: string) => request<GovernanceGroup>('GET', `${org(orgId)}/governance/group`),
  governanceActions: (orgId: string) =>
    request<{ items: GovernanceAction[] }>('GET', `${org(orgId)}/governance/actions`),
  createGovernanceAction: (orgId: string, body: GovernanceActionInput) =>
    request<{ action: GovernanceAction }>('POST', `${org(orgId)}/governance/actions`, body),
  updateGovernanceAction: (orgId: string, id: string, body: Partial<GovernanceActionInput>) =>
    request<{ action: GovernanceAction }>('PATCH', `${org(orgId)}/governance/actions/${enc(id)}`, body),
  governanceReminders: (orgId: string) => request<{ job: Job }>('POST', `${org(orgId)}/governance/reminders`),
  deleteGovernanceAction: (orgId: string, id: string) =>
    request<void>('DELETE', `${org(orgId)}/governance/actions/${enc(id)}`),
  governanceReportUrl: (orgId: string, format: 'pdf' | 'xlsx', lang: Locale, assessmentId?: string) => {
    const params = new URLSearchParams({ lang });
    if (assessmentId) params.set('assessmentId', assessmentId);
    return `${org(orgId)}/governance/report.${format}?${params.toString()}`;
  },
};
