/** Membership roles (ロール) and what each may do in its organization. */
export const ROLES = ['owner', 'admin', 'member', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Platform permissions (organization, people, tokens, audit). Modules declare their own with a level. */
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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: readonly Permission[] = [
  'org.read',
  'members.read',
  'invitations.read',
  'relationships.read',
  'jobs.read',
];
const MANAGE: readonly Permission[] = [
  'org.update',
  'members.manage',
  'invitations.manage',
  'relationships.manage',
  'tokens.read',
  'tokens.manage',
];

/** The permissions a role grants. */
export function permissionsOf(role: Role): ReadonlySet<Permission> {
  switch (role) {
    case 'owner':
      return new Set([...READ, ...MANAGE, 'audit.read']);
    case 'admin':
      return new Set([...READ, ...MANAGE]);
    case 'member':
      return new Set(READ);
    case 'viewer':
      return new Set(READ);
    case 'auditor':
      return new Set([...READ, 'tokens.read', 'audit.read']);
  }
}

/**
 * How much a module permission lets its holder do. A module declares its permissions with a level
 * (`software.write: 'write'`) and this one table says which roles hold each level, so a new module
 * adds no line here.
 */
export const PERMISSION_LEVELS = ['read', 'write', 'review', 'manage'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];
export type ModulePermission = `${string}.${PermissionLevel}`;

const LEVEL_ROLES: Record<PermissionLevel, readonly Role[]> = {
  read: ROLES,
  write: ['owner', 'admin', 'member'],
  review: ['owner', 'admin'],
  manage: ['owner', 'admin'],
};

/** The roles that hold a module permission of this level. */
export function rolesWithLevel(level: PermissionLevel): readonly Role[] {
  return LEVEL_ROLES[level];
}

function levelOf(permission: string): PermissionLevel | undefined {
  const level = permission.slice(permission.lastIndexOf('.') + 1);
  return (PERMISSION_LEVELS as readonly string[]).includes(level) ? (level as PermissionLevel) : undefined;
}

const PLATFORM = new Set<string>(PERMISSIONS);

/** Whether a role holds a platform permission (table above) or a module permission (by its level). */
export function can(role: Role, permission: Permission | ModulePermission): boolean {
  if (PLATFORM.has(permission)) return permissionsOf(role).has(permission as Permission);
  const level = levelOf(permission);
  return level !== undefined && LEVEL_ROLES[level].includes(role);
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
