import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { Id, page, PageQuery } from '../../platform/http/schemas.ts';
import { Answer, Assessment, Score } from './schemas.ts';
import { CREATABLE_SCOPE_TYPES } from './scope-types.ts';
import { getAssessment, listAssessmentPage, startAssessment } from './services/assessments.ts';

/** Assessments of the organization: list, start one, read one with its answers and scores. */
export function assessmentRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/assessments',
      {
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['assessments'],
          summary: 'Assessments of the organization (newest first)',
          params: z.strictObject({ orgId: Id }),
          querystring: PageQuery,
          response: { 200: page(Assessment) },
        },
      },
      async (req) => listAssessmentPage(ctxOf(deps, req), req.query),
    );

    app.post(
      '/api/orgs/:orgId/assessments',
      {
        config: { permission: 'assessments.write' },
        schema: {
          tags: ['assessments'],
          summary:
            'Start an assessment of a catalog (or one tier of it) for a scope; optionally from an earlier one',
          params: z.strictObject({ orgId: Id }),
          body: z.strictObject({
            catalogId: Id,
            tier: z.string().max(64).optional(),
            title: z.string().trim().min(1).max(200),
            scopeType: z.enum(CREATABLE_SCOPE_TYPES).default('organization'),
            scopeLabel: z.string().trim().max(200).optional(),
            dueDate: z.iso.date().optional(),
            basedOn: Id.optional(),
          }),
          response: { 201: z.object({ assessment: Assessment }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send({ assessment: await startAssessment(ctxOf(deps, req), req.body) }),
    );

    app.get(
      '/api/orgs/:orgId/assessments/:id',
      {
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['assessments'],
          summary: 'An assessment with its answers and scores (per group, tag, tier and overall)',
          params: z.strictObject({ orgId: Id, id: Id }),
          response: { 200: z.object({ assessment: Assessment, answers: z.array(Answer), score: Score }) },
        },
      },
      async (req) => getAssessment(ctxOf(deps, req), req.params),
    );
  };
}
