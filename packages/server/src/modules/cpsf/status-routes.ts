import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { modelAnalysis, setStatus } from './requirement-service.ts';
import type { CpsfCtx } from './model-service.ts';
import { Analysis, ElementRef, ModelParams, RequirementRef, Status } from './schemas.ts';

/** A model's analysis and the status of each (element × requirement). */
export function cpsfStatusRoutes(deps: Deps): FastifyPluginAsyncZod {
  const ctx = (req: FastifyRequest): CpsfCtx => ({ deps, access: orgAccess(req), requestId: req.id });

  return async (app) => {
    app.get(
      '/api/orgs/:orgId/cpsf/models/:modelId/analysis',
      {
        config: { permission: 'cpsf.read' },
        schema: {
          tags: ['cpsf'],
          summary:
            "Checks, each element's level, risk sources and requirements with status and plan, heat map. `element` narrows to one element; `requirement` to the elements that still need that requirement.",
          params: ModelParams,
          querystring: z.strictObject({
            element: ElementRef.optional(),
            requirement: RequirementRef.optional(),
            lang: z.enum(['ja', 'en']).optional(),
          }),
          response: { 200: Analysis },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const { element, requirement } = req.query;
        return modelAnalysis(deps, access.orgId, { modelId: req.params.modelId, element, requirement });
      },
    );

    app.put(
      '/api/orgs/:orgId/cpsf/models/:modelId/status/:elementId/:requirementRef',
      {
        config: { permission: 'cpsf.write' },
        schema: {
          tags: ['cpsf'],
          summary:
            "Set the status of one requirement for one element (stored as an answer of the model's assessment, ref `requirement@element`; evidence goes to that assessment with the same ref).",
          params: ModelParams.extend({ elementId: ElementRef, requirementRef: RequirementRef }),
          body: z.strictObject({
            value: Status.nullable(),
            comment: z.string().max(4000).nullable().optional(),
            revision: z.number().int().min(0),
          }),
          response: {
            200: z.object({
              status: z.object({ value: Status.nullable(), revision: z.number(), updatedAt: z.string() }),
            }),
          },
        },
      },
      async (req) => {
        const status = await setStatus(ctx(req), { ...req.params, ...req.body });
        return { status };
      },
    );
  };
}
