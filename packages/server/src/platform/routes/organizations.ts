import { findOrganization } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { fail } from '../http/errors.ts';
import { orgAccess, requireUser } from '../http/principal.ts';
import { OrgParams, OrgProfileInput, Organization, Role } from '../http/schemas.ts';
import { createOrganization, updateOrganizationProfile } from '../services/organizations.ts';
import { orgView } from '../services/views.ts';

export function organizationRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/orgs',
      {
        schema: {
          tags: ['organizations'],
          summary: 'Create an organization; the caller becomes its owner',
          body: OrgProfileInput,
          response: { 201: z.object({ organization: Organization }) },
        },
      },
      async (req, reply) => {
        const p = requireUser(req);
        const org = await deps.store.db
          .transaction()
          .execute((trx) =>
            createOrganization(
              deps,
              trx,
              { userId: p.user.id, tokenId: null, requestId: req.id },
              p.user.id,
              req.body,
            ),
          );
        return reply.status(201).send({ organization: orgView(org) });
      },
    );

    app.get(
      '/api/orgs/:orgId',
      {
        config: { permission: 'org.read' },
        schema: {
          tags: ['organizations'],
          summary: 'Organization profile and the caller’s role',
          params: OrgParams,
          response: { 200: z.object({ organization: Organization, role: Role }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const org = await findOrganization(deps.store.db, access.orgId);
        return { organization: orgView(org ?? fail('not_found')), role: access.role };
      },
    );

    app.patch(
      '/api/orgs/:orgId',
      {
        config: { permission: 'org.update' },
        schema: {
          tags: ['organizations'],
          summary: 'Update the organization profile',
          params: OrgParams,
          body: OrgProfileInput.omit({ slug: true }).partial(),
          response: { 200: z.object({ organization: Organization }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const org = await updateOrganizationProfile(
          deps,
          { userId: access.actorUserId, tokenId: access.actorTokenId, requestId: req.id },
          access.orgId,
          req.body,
        );
        return { organization: orgView(org) };
      },
    );
  };
}
