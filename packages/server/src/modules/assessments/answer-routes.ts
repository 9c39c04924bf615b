import { ASSESSMENT_STATUSES } from '@shinrai/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { Id } from '../../platform/http/schemas.ts';
import { Answer, AnswerValueSchema, Assessment } from './schemas.ts';
import { answer, moveStatus } from './services/assessments.ts';

/** Working on an assessment: saving answers and moving it through review. */
export function assessmentAnswerRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/api/orgs/:orgId/assessments/:id/answers/:ref',
      {
        config: { permission: 'assessments.write' },
        schema: {
          tags: ['assessments'],
          summary:
            'Save one answer. `revision` is the revision you saw (0 for a new answer); a newer answer wins and is returned with 409.',
          params: z.strictObject({ orgId: Id, id: Id, ref: z.string().min(1).max(128) }),
          body: z.strictObject({
            value: AnswerValueSchema.nullable(),
            comment: z.string().max(4000).nullable().optional(),
            assigneeId: Id.nullable().optional(),
            dueDate: z.iso.date().nullable().optional(),
            revision: z.number().int().min(0),
          }),
          response: { 200: z.object({ answer: Answer }) },
        },
      },
      async (req) => ({
        answer: await answer(ctxOf(deps, req), {
          ...req.body,
          assessmentId: req.params.id,
          ref: req.params.ref,
        }),
      }),
    );

    app.post(
      '/api/orgs/:orgId/assessments/:id/status',
      {
        config: { permission: 'assessments.write' },
        schema: {
          tags: ['assessments'],
          summary:
            'Move through review: draft → in_review → approved → locked (approve and lock need owner or admin)',
          params: z.strictObject({ orgId: Id, id: Id }),
          body: z.strictObject({ to: z.enum(ASSESSMENT_STATUSES) }),
          response: { 200: z.object({ assessment: Assessment }) },
        },
      },
      async (req) => ({
        assessment: await moveStatus(ctxOf(deps, req), { id: req.params.id, to: req.body.to }),
      }),
    );
  };
}
