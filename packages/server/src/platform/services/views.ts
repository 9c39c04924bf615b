import type { ApiTokenRow, InvitationRow, OrganizationRow, RelationshipView, UserRow } from '@shinrai/store';
import type { OrgKind, OrgSize, RelationshipStatus, RelationshipType, Role } from '@shinrai/core';

/** Row → API object conversions, one per resource. */
export function orgView(o: OrganizationRow) {
  return {
    id: o.id,
    slug: o.slug,
    name: o.name,
    kind: o.kind as OrgKind,
    corporateNumber: o.corporate_number,
    industry: o.industry,
    size: o.size as OrgSize | null,
    prefecture: o.prefecture,
    discoverable: o.discoverable === 1,
    createdAt: o.created_at,
  };
}

export function userView(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    locale: u.locale === 'en' ? ('en' as const) : ('ja' as const),
    totpEnabled: u.totp_enabled === 1,
    isInstanceAdmin: u.is_instance_admin === 1,
  };
}

export function invitationView(i: InvitationRow, now: Date) {
  const status = i.accepted_at
    ? ('accepted' as const)
    : i.revoked_at
      ? ('revoked' as const)
      : new Date(i.expires_at) <= now
        ? ('expired' as const)
        : ('pending' as const);
  return {
    id: i.id,
    email: i.email,
    role: i.role as Role,
    status,
    expiresAt: i.expires_at,
    createdAt: i.created_at,
  };
}

export function relationshipView(r: RelationshipView) {
  return {
    id: r.id,
    type: r.type as RelationshipType,
    from: { id: r.from_org_id, slug: r.from_slug, name: r.from_name },
    to: { id: r.to_org_id, slug: r.to_slug, name: r.to_name },
    status: r.status as RelationshipStatus,
    requestedBy: r.requested_by_org_id,
    createdAt: r.created_at,
    acceptedAt: r.accepted_at,
    endedAt: r.ended_at,
  };
}

export function tokenView(t: ApiTokenRow) {
  return {
    id: t.id,
    name: t.name,
    role: t.role as Role,
    prefix: t.prefix,
    expiresAt: t.expires_at,
    revokedAt: t.revoked_at,
    lastUsedAt: t.last_used_at,
    createdAt: t.created_at,
  };
}
