/** Membership roles (ロール) and what each may do in its organization. */
export const ROLES = ['owner', 'admin', 'member', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'org.read',
  'org.update',
  'members.read',
  'members.manage',
  'invitations.read',
  'invitations.manage',
  'relationships.read',
  'relationships.manage',
  'tokens.read',
  'tokens.manage',
  'audit.read',
  'jobs.read',
  'catalogs.read',
  'catalogs.manage',
  'assessments.read',
  'assessments.write',
  'assessments.review',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: readonly Permission[] = [
  'org.read',
  'members.read',
  'invitations.read',
  'relationships.read',
  'jobs.read',
  'catalogs.read',
  'assessments.read',
];
const MANAGE: readonly Permission[] = [
  'org.update',
  'members.manage',
  'invitations.manage',
  'relationships.manage',
  'tokens.read',
  'tokens.manage',
  'catalogs.manage',
  'assessments.write',
  'assessments.review',
];

/** The permissions a role grants. */
export function permissionsOf(role: Role): ReadonlySet<Permission> {
  switch (role) {
    case 'owner':
      return new Set([...READ, ...MANAGE, 'audit.read']);
    case 'admin':
      return new Set([...READ, ...MANAGE]);
    case 'member':
      return new Set([...READ, 'assessments.write']);
    case 'viewer':
      return new Set(READ);
    case 'auditor':
      return new Set([...READ, 'tokens.read', 'audit.read']);
  }
}

export function can(role: Role, permission: Permission): boolean {
  return permissionsOf(role).has(permission);
}

/** Rank for "may not hand out more than you hold" checks. Auditor is read-only, ranked with viewer. */
const RANK: Record<Role, number> = { owner: 4, admin: 3, member: 2, viewer: 1, auditor: 1 };

/**
 * Whether an actor with `actor` role may give someone the `target` role.
 * Only owners create owners and auditors (an auditor reads the audit log, which an admin may not);
 * admins may grant admin, member and viewer; nobody else grants roles.
 */
export function canGrantRole(actor: Role, target: Role): boolean {
  if (actor === 'owner') return true;
  if (actor === 'admin') return target !== 'owner' && target !== 'auditor';
  return false;
}

/** An API token may carry at most the role of the person who creates it. */
export function roleWithin(holder: Role, requested: Role): boolean {
  if (holder === requested) return true;
  if (requested === 'auditor') return holder === 'owner';
  if (holder === 'auditor') return requested === 'viewer';
  return RANK[requested] <= RANK[holder];
}

/** Whether a role may change state (write) at all; viewers and auditors only read. */
export function isWriter(role: Role): boolean {
  return role === 'owner' || role === 'admin' || role === 'member';
}
