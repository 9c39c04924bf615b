import type { Role } from '../api/types';

export const canManage = (role: Role | undefined): boolean => role === 'owner' || role === 'admin';
export const canReadAudit = (role: Role | undefined): boolean => role === 'owner' || role === 'auditor';
/** Roles the current user may grant: only owners grant `owner`. */
export const grantableRoles = (role: Role | undefined): Role[] =>
  role === 'owner'
    ? ['owner', 'admin', 'member', 'viewer', 'auditor']
    : ['admin', 'member', 'viewer', 'auditor'];
/** Owners, admins and members answer assessments; viewers and auditors only read them. */
export const canWriteAssessments = (role: Role | undefined): boolean =>
  role === 'owner' || role === 'admin' || role === 'member';
/** Approving and locking an assessment (and reopening an approved one) needs owner or admin. */
export const canReviewAssessments = (role: Role | undefined): boolean => canManage(role);
