import { RELATIONSHIP_TYPES, transition, type RelationshipAction } from '@shinrai/core';
import {
  findOpenRelationship,
  findOrganizationBySlug,
  findRelationshipForParty,
  insertRelationship,
  listRelationships,
  setRelationshipStatus,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/access.ts';
import { fail } from '../http/errors.ts';
import { orgAccess } from '../http/principal.ts';
import { Id, page, PageQuery, Relationship } from '../http/schemas.ts';
import { audit, lockAuditOf } from '../services/audit-trail.ts';
import { relationshipEnded } from '../services/relationship-events.ts';
import { mailRelationshipRequest } from '../services/relationship-mail.ts';
import { relationshipView } from '../services/views.ts';

const ACTIONS: readonly RelationshipAction[] = ['accept', 'decline', 'end'];

export function relationshipRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/relationships',
      {
        config: { permission: 'relationships.read' },
        schema: {
          tags: ['relationships'],
          summary: 'Relationships this organization is a party to',
          params: z.strictObject({ orgId: Id }),
          querystring: PageQuery,
          response: { 200: page(Relationship) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const p = await listRelationships(
          deps.store.db,
          access.orgId,
          req.query.cursor ?? null,
          req.query.limit,
        );
        if (p === null) return fail('bad_request', { pointer: '/cursor' });
        return { items: p.items.map(relationshipView), nextCursor: p.nextCursor };
      },
    );

    app.post(
      '/api/orgs/:orgId/relationships',
      {
        config: { permission: 'relationships.manage' },
        schema: {
          tags: ['relationships'],
          summary: 'Ask another organization for a relationship; it becomes active when they accept',
          params: z.strictObject({ orgId: Id }),
          body: z.strictObject({
            counterpartSlug: z.string().trim().min(1).max(64),
            type: z.enum(RELATIONSHIP_TYPES),
            side: z.enum(['from', 'to']),
          }),
          response: { 201: z.object({ relationship: Relationship }) },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const counterpart = await findOrganizationBySlug(deps.store.db, req.body.counterpartSlug);
        if (!counterpart) return fail('not_found', { pointer: '/counterpartSlug' });
        if (counterpart.id === access.orgId) return fail('relationship_self');
        const [fromId, toId] =
          req.body.side === 'from' ? [access.orgId, counterpart.id] : [counterpart.id, access.orgId];
        const id = randomUUID();
        const view = await deps.store.db.transaction().execute(async (trx) => {
          await lockAuditOf(trx, [fromId, toId]);
          if (await findOpenRelationship(trx, req.body.type, fromId, toId)) fail('relationship_exists');
          await insertRelationship(trx, {
            id,
            type: req.body.type,
            from_org_id: fromId,
            to_org_id: toId,
            status: 'pending',
            requested_by_org_id: access.orgId,
            created_at: deps.now().toISOString(),
            accepted_at: null,
            ended_at: null,
          });
          const details = { type: req.body.type, from: fromId, to: toId };
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'relationship.request',
            { type: 'relationship', id },
            details,
          );
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            counterpart.id,
            'relationship.requested',
            { type: 'relationship', id },
            details,
          );
          return findRelationshipForParty(trx, access.orgId, id);
        });
        await mailRelationshipRequest(deps, {
          fromOrgId: access.orgId,
          toOrgId: counterpart.id,
          type: req.body.type,
        });
        return reply.status(201).send({ relationship: relationshipView(view ?? fail('internal')) });
      },
    );

    for (const action of ACTIONS) {
      app.post(
        `/api/orgs/:orgId/relationships/:id/${action}`,
        {
          config: { permission: 'relationships.manage' },
          schema: {
            tags: ['relationships'],
            summary: `${action[0]?.toUpperCase()}${action.slice(1)} a relationship`,
            params: z.strictObject({ orgId: Id, id: Id }),
            response: { 200: z.object({ relationship: Relationship }) },
          },
        },
        async (req) => {
          const access = orgAccess(req);
          const view = await deps.store.db.transaction().execute(async (trx) => {
            const rel = await findRelationshipForParty(trx, access.orgId, req.params.id);
            if (!rel) return fail('not_found');
            const t = transition(
              {
                status: rel.status as 'pending',
                fromOrgId: rel.from_org_id,
                toOrgId: rel.to_org_id,
                requestedByOrgId: rel.requested_by_org_id,
              },
              access.orgId,
              action,
            );
            if (!t.ok) return fail('relationship_transition', { reason: t.reason });
            await lockAuditOf(trx, [rel.from_org_id, rel.to_org_id]);
            const at = deps.now().toISOString();
            await setRelationshipStatus(trx, rel.id, t.status, at);
            const other = rel.from_org_id === access.orgId ? rel.to_org_id : rel.from_org_id;
            for (const org of [access.orgId, other]) {
              await audit(
                deps,
                trx,
                actorOf(access, req.id),
                org,
                `relationship.${action}`,
                { type: 'relationship', id: rel.id },
                { by: access.orgId, status: t.status },
              );
            }
            // What was shared under it is withdrawn with it (each share revoked and audited by its module).
            if (t.status === 'ended')
              await relationshipEnded(deps, trx, {
                id: rel.id,
                type: rel.type,
                fromOrgId: rel.from_org_id,
                toOrgId: rel.to_org_id,
                byOrgId: access.orgId,
                actor: actorOf(access, req.id),
                at,
              });
            return findRelationshipForParty(trx, access.orgId, rel.id);
          });
          return { relationship: relationshipView(view ?? fail('internal')) };
        },
      );
    }
  };
}
