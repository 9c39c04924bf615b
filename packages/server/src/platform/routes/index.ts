import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.ts';
import { auditRoutes } from './audit.ts';
import { authRoutes } from './auth.ts';
import { directoryRoutes } from './directory.ts';
import { invitationRoutes } from './invitations.ts';
import { meRoutes } from './me.ts';
import { memberRoutes } from './members.ts';
import { oidcRoutes } from './oidc.ts';
import { orgInvitationRoutes } from './org-invitations.ts';
import { organizationRoutes } from './organizations.ts';
import { relationshipRoutes } from './relationships.ts';
import { setupRoutes } from './setup.ts';
import { tokenRoutes } from './tokens.ts';

/** Routes of the platform itself (setup, sign-in, people, organizations, tokens, audit), in order. */
export const PLATFORM_ROUTES: readonly ((deps: Deps) => FastifyPluginAsyncZod)[] = [
  setupRoutes,
  authRoutes,
  oidcRoutes,
  meRoutes,
  organizationRoutes,
  memberRoutes,
  invitationRoutes,
  relationshipRoutes,
  directoryRoutes,
  orgInvitationRoutes,
  tokenRoutes,
  auditRoutes,
];
