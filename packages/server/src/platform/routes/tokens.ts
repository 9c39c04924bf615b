import { roleWithin } from '@shinrai/core';
import { insertApiToken, listApiTokens, revokeApiToken } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { randomToken, sha256 } from '../auth/secrets.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/access.ts';
import { fail } from '../http/errors.ts';
import { orgAccess } from '../http/principal.ts';
import { ApiToken, Id, page, PageQuery, Role } from '../http/schemas.ts';
import { audit } from '../services/audit-trail.ts';
import { tokenView } from '../services/views.ts';

export const TOKEN_PREFIX = 'shr_';

export function tokenRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/tokens',
      {
        config: { permission: 'tokens.read' },
        schema: {
          tags: ['api tokens'],
          summary: 'API tokens of the organization (secrets are never shown again)',
          params: z.strictObject({ orgId: Id }),
          querystring: PageQuery,
          response: { 200: page(ApiToken) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const p = await listApiTokens(deps.store.db, access.orgId, req.query.cursor ?? null, req.query.limit);
        if (p === null) return fail('bad_request', { pointer: '/cursor' });
        return { items: p.items.map(tokenView), nextCursor: p.nextCursor };
      },
    );

    app.post(
      '/api/orgs/:orgId/tokens',
      {
        config: { permission: 'tokens.manage', userOnly: true },
        schema: {
          tags: ['api tokens'],
          summary: 'Create an API token for automation; the secret is returned once',
          params: z.strictObject({ orgId: Id }),
          body: z.strictObject({
            name: z.string().trim().min(1).max(100),
            role: Role,
            expiresInDays: z.number().int().min(1).max(365),
          }),
          response: { 201: z.object({ token: ApiToken, secret: z.string() }) },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        if (!roleWithin(access.role, req.body.role)) fail('role_not_grantable');
        const secret = `${TOKEN_PREFIX}${randomToken()}`;
        const now = deps.now();
        const row = {
          id: randomUUID(),
          org_id: access.orgId,
          name: req.body.name,
          token_hash: sha256(secret),
          prefix: secret.slice(0, 10),
          role: req.body.role,
          created_by: access.actorUserId,
          expires_at: new Date(now.getTime() + req.body.expiresInDays * 86_400_000).toISOString(),
          revoked_at: null,
          last_used_at: null,
          created_at: now.toISOString(),
        };
        await deps.store.db.transaction().execute(async (trx) => {
          await insertApiToken(trx, row);
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'token.create',
            { type: 'api_token', id: row.id },
            { name: row.name, role: row.role, expiresAt: row.expires_at },
          );
        });
        return reply.status(201).send({ token: tokenView(row), secret });
      },
    );

    app.delete(
      '/api/orgs/:orgId/tokens/:id',
      {
        config: { permission: 'tokens.manage' },
        schema: {
          tags: ['api tokens'],
          summary: 'Revoke an API token',
          params: z.strictObject({ orgId: Id, id: Id }),
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        await deps.store.db.transaction().execute(async (trx) => {
          if (!(await revokeApiToken(trx, access.orgId, req.params.id, deps.now().toISOString())))
            return fail('not_found');
          await audit(deps, trx, actorOf(access, req.id), access.orgId, 'token.revoke', {
            type: 'api_token',
            id: req.params.id,
          });
          return undefined;
        });
        return reply.status(204).send(null);
      },
    );
  };
}
