// Small typed client for the Shinrai HTTP API (docs/api.md).
import type {
  AcceptInvitationResponse,
  ApiToken,
  AuditEntry,
  Invitation,
  InvitationPreview,
  Job,
  Locale,
  LoginResponse,
  MeResponse,
  Member,
  Organization,
  OrganizationInput,
  Page,
  Relationship,
  RelationshipSide,
  RelationshipType,
  Role,
  SessionResponse,
  SetupRequest,
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

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

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

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: payload === undefined ? undefined : JSON.stringify(payload),
      credentials: 'same-origin',
      signal: options.signal,
    });
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
};
