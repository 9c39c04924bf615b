// Types of the Shinrai HTTP API v1 (see docs/api.md).

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = ['owner', 'admin', 'member', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ORG_KINDS = ['enterprise', 'supplier', 'hub', 'provider'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type OrgSize = (typeof ORG_SIZES)[number];

export const RELATIONSHIP_TYPES = ['buyer_supplier', 'hub_member', 'provider_customer'] as const;
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
