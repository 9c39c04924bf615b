import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';
import { addRiskOverride, withdrawRiskOverride } from './requirement-service.ts';
import type { CpsfCtx } from './model-service.ts';
import { ElementRef, ModelParams, Override, RequirementRef } from './schemas.ts';

/** Risk overrides: a risk source added to an element, or one the rules gave it dismissed. */
export function cpsfRiskRoutes(deps: Deps): FastifyPluginAsyncZod {
  const ctx = (req: FastifyRequest): CpsfCtx => ({ deps, access: orgAccess(req), requestId: req.id });

  return async (app) => {
    app.post(
      '/api/orgs/:orgId/cpsf/models/:modelId/risk-overrides',
      {
        config: { permission: 'cpsf.write' },
        schema: {
          tags: ['cpsf'],
          summary:
            'Add a risk source to an element or dismiss one the rules gave it, with a reason (kept in the audit log)',
          params: ModelParams,
          body: z.strictObject({
            elementId: ElementRef,
            riskSourceRef: RequirementRef,
            action: z.enum(['add', 'dismiss']),
            reason: z.string().trim().min(1).max(2000),
          }),
          response: { 201: z.object({ override: Override }) },
        },
      },
      async (req, reply) => {
        const override = await addRiskOverride(ctx(req), { modelId: req.params.modelId, ...req.body });
        return reply.status(201).send({ override });
      },
    );

    app.delete(
      '/api/orgs/:orgId/cpsf/models/:modelId/risk-overrides/:overrideId',
      {
        config: { permission: 'cpsf.write' },
        schema: {
          tags: ['cpsf'],
          summary: 'Withdraw an override (the rules decide again); recorded in the audit log',
          params: ModelParams.extend({ overrideId: Id }),
        },
      },
      async (req, reply) => {
        await withdrawRiskOverride(ctx(req), req.params);
        return reply.status(204).send();
      },
    );
  };
}
