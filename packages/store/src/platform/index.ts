/** The platform: organizations, users, memberships, invitations, relationships, sessions, API tokens, OIDC identities, the audit log, jobs and settings. Every module may read its tables. */
export type * from './tables.ts';
export * from './settings.ts';
export * from './organizations.ts';
export * from './users.ts';
export * from './memberships.ts';
export * from './invitations.ts';
export * from './org-invitations.ts';
export * from './relationships.ts';
export * from './sessions.ts';
export * from './api-tokens.ts';
export * from './oidc-identities.ts';
export * from './audit.ts';
export * from './jobs.ts';
export * from './files.ts';
export * from './auth-events.ts';
export type { HotQueries } from './hot-queries.ts';
