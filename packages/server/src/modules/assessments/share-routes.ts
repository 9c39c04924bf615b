import { scoreAssessment, type AssessmentStatus } from '@shinrai/core';
import {
  findAssessment,
  findOpenRelationship,
  insertShare,
  listAnswers,
  listSharesOf,
  listSharesWith,
  revokeShare,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ctxOf, write } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { fail } from '../../platform/http/errors.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';
import { loadCatalog } from '../library/public.ts';
import { answerValues } from './scores.ts';
import { facetFields, facetValues } from './shared-facets.ts';
import { audit, lockAuditOf } from '../../platform/services/audit-trail.ts';

const Share = z.object({
  id: z.string(),
  assessmentId: z.string(),
  withOrgId: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

/**
 * Explicit, revocable sharing of an assessment result with a buyer (発注元) the organization has an
 * active buyer → supplier relationship with. The buyer sees only what was shared, and only while both
 * the share and the relationship last.
 */
export function shareRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.store.db;
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/shares',
      {
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['sharing'],
          summary: 'Results this organization shared with buyers',
          params: z.strictObject({ orgId: Id }),
          response: { 200: z.object({ items: z.array(Share) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const rows = await listSharesOf(db, access.orgId);
        return {
          items: rows.map((s) => ({
            id: s.id,
            assessmentId: s.assessment_id,
            withOrgId: s.with_org_id,
            createdAt: s.created_at,
            revokedAt: s.revoked_at,
          })),
        };
      },
    );

    app.post(
      '/api/orgs/:orgId/shares',
      {
        config: { permission: 'assessments.review' },
        schema: {
          tags: ['sharing'],
          summary:
            'Share an assessment result with a buyer this organization supplies (active buyer → supplier relationship)',
          params: z.strictObject({ orgId: Id }),
          body: z.strictObject({ assessmentId: Id, withOrgId: Id }),
          response: { 201: z.object({ share: Share }) },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const a = await findAssessment(db, access.orgId, req.body.assessmentId);
        if (!a) return fail('not_found', { pointer: '/assessmentId' });
        const rel = await findOpenRelationship(db, 'buyer_supplier', req.body.withOrgId, access.orgId);
        if (!rel || rel.status !== 'active')
          return fail('forbidden', { reason: 'no_active_buyer_relationship' });
        const row = {
          id: randomUUID(),
          org_id: access.orgId,
          assessment_id: a.id,
          with_org_id: req.body.withOrgId,
          created_by: access.actorUserId,
          created_at: deps.now().toISOString(),
          revoked_at: null,
        };
        await write(ctxOf(deps, req), async (tx) => {
          await lockAuditOf(tx.trx, [access.orgId, row.with_org_id]);
          await insertShare(tx.trx, row);
          await tx.audit(
            'share.create',
            { type: 'assessment', id: a.id },
            { with: row.with_org_id, share: row.id },
          );
          await audit(
            deps,
            tx.trx,
            tx.actor,
            row.with_org_id,
            'share.received',
            { type: 'share', id: row.id },
            { from: access.orgId },
          );
        });
        return reply.status(201).send({
          share: {
            id: row.id,
            assessmentId: row.assessment_id,
            withOrgId: row.with_org_id,
            createdAt: row.created_at,
            revokedAt: null,
          },
        });
      },
    );

    app.delete(
      '/api/orgs/:orgId/shares/:id',
      {
        config: { permission: 'assessments.review' },
        schema: {
          tags: ['sharing'],
          summary: 'Revoke a share: the buyer no longer sees the result',
          params: z.strictObject({ orgId: Id, id: Id }),
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        await write(ctxOf(deps, req), async (tx) => {
          if (!(await revokeShare(tx.trx, access.orgId, req.params.id, deps.now().toISOString())))
            return fail('not_found');
          await tx.audit('share.revoke', {
            type: 'share',
            id: req.params.id,
          });
          return undefined;
        });
        return reply.status(204).send(null);
      },
    );

    const Received = z.object({
      id: z.string(),
      from: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
      assessment: z.object({ id: z.string(), title: z.string(), status: z.string(), createdAt: z.string() }),
      sharedAt: z.string(),
      /** What modules built on assessments add (the SME journey: `sme`). */
      ...facetFields(),
    });

    app.get(
      '/api/orgs/:orgId/shared-with-us',
      {
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['sharing'],
          summary: 'Results suppliers shared with this organization',
          params: z.strictObject({ orgId: Id }),
          response: { 200: z.object({ items: z.array(Received) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const rows = await listSharesWith(db, access.orgId);
        const items = [];
        for (const s of rows) {
          const a = await findAssessment(db, s.org_id, s.assessment_id);
          if (!a) continue;
          items.push({
            id: s.id,
            from: { id: s.org_id, name: s.org_name, slug: s.org_slug },
            assessment: {
              id: a.id,
              title: a.title,
              status: a.status as AssessmentStatus,
              createdAt: a.created_at,
            },
            sharedAt: s.created_at,
            ...(await facetValues(deps, s.org_id, a)),
          });
        }
        return { items };
      },
    );

    app.get(
      '/api/orgs/:orgId/shared-with-us/:shareId',
      {
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['sharing'],
          summary: 'One shared result, read-only: the catalog, the answers and the scores',
          params: z.strictObject({ orgId: Id, shareId: Id }),
          response: {
            200: z.object({
              from: z.object({ id: z.string(), name: z.string() }),
              assessment: z.object({
                id: z.string(),
                title: z.string(),
                status: z.string(),
                catalogTitle: z.object({ ja: z.string(), en: z.string() }),
              }),
              answers: z.array(z.object({ ref: z.string(), value: z.unknown() })),
              score: z.object({
                points: z.number(),
                max: z.number(),
                percent: z.number().nullable(),
                answered: z.number(),
                items: z.number(),
                band: z.unknown(),
              }),
              ...facetFields(),
            }),
          },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const [s] = await listSharesWith(db, access.orgId, req.params.shareId);
        if (!s) return fail('not_found');
        const a = await findAssessment(db, s.org_id, s.assessment_id);
        if (!a) return fail('not_found');
        const c = await loadCatalog(db, s.org_id, a.catalog_id);
        const values = answerValues(await listAnswers(db, s.org_id, a.id));
        const score = scoreAssessment(c.pack, c.nodes, values, a.tier ?? undefined).overall;
        return {
          from: { id: s.org_id, name: s.org_name },
          assessment: { id: a.id, title: a.title, status: a.status, catalogTitle: c.pack.title },
          answers: [...values.entries()].map(([ref, value]) => ({ ref, value })),
          score,
          ...(await facetValues(deps, s.org_id, a)),
        };
      },
    );
  };
}
