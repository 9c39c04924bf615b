import { canGrantRole, type Role as RoleT } from '@shinrai/core';
import { countOwners, deleteMembership, findMembership, findUser, setMembershipRole } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/access.ts';
import { fail } from '../http/errors.ts';
import { orgAccess } from '../http/principal.ts';
import { Id, Member, page, PageQuery, Role } from '../http/schemas.ts';
import { audit } from '../services/audit-trail.ts';

const MemberParams = z.strictObject({ orgId: Id, userId: Id });

export function memberRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/members',
      {
        config: { permission: 'members.read' },
        schema: {
          tags: ['members'],
          summary: 'Members of the organization, in the order they joined',
          params: z.strictObject({ orgId: Id }),
          querystring: PageQuery,
          response: { 200: page(Member) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const p = await deps.store.hot.membersPage(access.orgId, req.query.cursor ?? null, req.query.limit);
        if (p === null) return fail('bad_request', { pointer: '/cursor' });
        return {
          items: p.items.map((m) => ({
            user: { id: m.userId, email: m.email, displayName: m.displayName },
            role: m.role as RoleT,
            createdAt: m.createdAt,
          })),
          nextCursor: p.nextCursor,
        };
      },
    );

    app.patch(
      '/api/orgs/:orgId/members/:userId',
      {
        config: { permission: 'members.manage' },
        schema: {
          tags: ['members'],
          summary: 'Change a member’s role',
          params: MemberParams,
          body: z.strictObject({ role: Role }),
          response: { 200: z.object({ member: Member }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const { userId } = req.params;
        const newRole = req.body.role;
        const member = await deps.store.db.transaction().execute(async (trx) => {
          const current = await findMembership(trx, access.orgId, userId);
          if (!current) return fail('not_found');
          if (!canGrantRole(access.role, newRole) || (current.role === 'owner' && access.role !== 'owner'))
            fail('role_not_grantable');
          if (current.role === 'owner' && newRole !== 'owner' && (await countOwners(trx, access.orgId)) <= 1)
            fail('last_owner');
          await setMembershipRole(trx, access.orgId, userId, newRole);
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'member.role_change',
            { type: 'user', id: userId },
            { from: current.role, to: newRole },
          );
          const user = await findUser(trx, userId);
          return {
            user: { id: userId, email: user?.email ?? '', displayName: user?.display_name ?? '' },
            role: newRole,
            createdAt: current.created_at,
          };
        });
        return { member };
      },
    );

    app.delete(
      '/api/orgs/:orgId/members/:userId',
      {
        config: { permission: 'members.manage' },
        schema: {
          tags: ['members'],
          summary: 'Remove a member',
          params: MemberParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const { userId } = req.params;
        await deps.store.db.transaction().execute(async (trx) => {
          const current = await findMembership(trx, access.orgId, userId);
          if (!current) return fail('not_found');
          if (current.role === 'owner' && access.role !== 'owner') fail('role_not_grantable');
          if (current.role === 'owner' && (await countOwners(trx, access.orgId)) <= 1) fail('last_owner');
          await deleteMembership(trx, access.orgId, userId);
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'member.remove',
            { type: 'user', id: userId },
            { role: current.role },
          );
          return undefined;
        });
        return reply.status(204).send(null);
      },
    );
  };
}
