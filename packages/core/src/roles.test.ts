import { describe, expect, it } from 'vitest';
import {
  PERMISSIONS,
  ROLES,
  can,
  canGrantRole,
  isWriter,
  permissionsOf,
  rolesWithLevel,
  roleWithin,
  type Role,
} from './roles.ts';

const isSubset = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].every((p) => b.has(p));

describe('permissionsOf / can', () => {
  it('matches the table in docs/api.md', () => {
    for (const role of ROLES) {
      for (const p of [
        'org.read',
        'members.read',
        'invitations.read',
        'relationships.read',
        'jobs.read',
      ] as const) {
        expect(can(role, p), `${role} ${p}`).toBe(true);
      }
      const manages = role === 'owner' || role === 'admin';
      for (const p of [
        'org.update',
        'members.manage',
        'invitations.manage',
        'relationships.manage',
        'tokens.manage',
      ] as const) {
        expect(can(role, p), `${role} ${p}`).toBe(manages);
      }
      expect(can(role, 'audit.read'), `${role} audit.read`).toBe(role === 'owner' || role === 'auditor');
    }
  });

  it('only knows declared permissions, and owner holds every one', () => {
    for (const role of ROLES) for (const p of permissionsOf(role)) expect(PERMISSIONS).toContain(p);
    expect([...permissionsOf('owner')].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('gives write access to owner, admin and member only', () => {
    expect(ROLES.filter(isWriter)).toEqual(['owner', 'admin', 'member']);
  });

  it('returns a fresh set each time (callers cannot widen a role)', () => {
    const s = permissionsOf('viewer') as Set<string>;
    s.add('audit.read');
    expect(can('viewer', 'audit.read')).toBe(false);
  });
});

describe('module permissions by level', () => {
  it('grants read to every role, write to writers, review and manage to owners and admins', () => {
    for (const role of ROLES) {
      expect(can(role, 'software.read'), role).toBe(true);
      expect(can(role, 'software.write'), role).toBe(isWriter(role));
      expect(can(role, 'assessments.review'), role).toBe(role === 'owner' || role === 'admin');
      expect(can(role, 'catalogs.manage'), role).toBe(role === 'owner' || role === 'admin');
    }
  });

  it('refuses a permission without a known level', () => {
    for (const role of ROLES) expect(can(role, 'software.delete' as never), role).toBe(false);
  });

  it('keeps the roles a module level grants in one table', () => {
    expect(rolesWithLevel('write')).toEqual(ROLES.filter(isWriter));
  });
});

describe('canGrantRole', () => {
  const table: Record<Role, Role[]> = {
    owner: ['owner', 'admin', 'member', 'viewer', 'auditor'],
    admin: ['admin', 'member', 'viewer'],
    member: [],
    viewer: [],
    auditor: [],
  };

  it.each(ROLES.flatMap((a) => ROLES.map((t) => [a, t] as const)))('%s granting %s', (actor, target) => {
    expect(canGrantRole(actor, target)).toBe(table[actor].includes(target));
  });

  it('never lets anyone hand out a permission they do not hold themselves', () => {
    for (const actor of ROLES) {
      for (const target of ROLES) {
        if (!canGrantRole(actor, target)) continue;
        expect(isSubset(permissionsOf(target), permissionsOf(actor)), `${actor} → ${target}`).toBe(true);
      }
    }
  });

  it('only owners create owners', () => {
    expect(ROLES.filter((a) => canGrantRole(a, 'owner'))).toEqual(['owner']);
  });
});

describe('roleWithin (API token roles)', () => {
  const table: Record<Role, Role[]> = {
    owner: ['owner', 'admin', 'member', 'viewer', 'auditor'],
    admin: ['admin', 'member', 'viewer'],
    member: ['member', 'viewer'],
    viewer: ['viewer'],
    auditor: ['auditor', 'viewer'],
  };

  it.each(ROLES.flatMap((h) => ROLES.map((r) => [h, r] as const)))(
    'holder %s, token %s',
    (holder, requested) => {
      expect(roleWithin(holder, requested)).toBe(table[holder].includes(requested));
    },
  );

  it('a token never carries more permissions or write access than its creator', () => {
    for (const holder of ROLES) {
      for (const requested of ROLES) {
        if (!roleWithin(holder, requested)) continue;
        expect(isSubset(permissionsOf(requested), permissionsOf(holder)), `${holder} → ${requested}`).toBe(
          true,
        );
        if (isWriter(requested)) expect(isWriter(holder), `${holder} → ${requested}`).toBe(true);
      }
    }
  });

  it('every role may create a token with its own role', () => {
    for (const r of ROLES) expect(roleWithin(r, r)).toBe(true);
  });
});
