import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { putPlan } from './requirement-service.ts';
import type { CpsfCtx } from './model-service.ts';
import { ElementRef, ModelParams, Plan, RequirementRef } from './schemas.ts';

/** The remediation plan of each (element × requirement). */
export function cpsfPlanRoutes(deps: Deps): FastifyPluginAsyncZod {
  const ctx = (req: FastifyRequest): CpsfCtx => ({ deps, access: orgAccess(req), requestId: req.id });

  return async (app) => {
    app.put(
      '/api/orgs/:orgId/cpsf/models/:modelId/plan/:elementId/:requirementRef',
      {
        config: { permission: 'cpsf.write' },
        schema: {
          tags: ['cpsf'],
          summary:
            'Remediation plan of one requirement for one element: owner, due date, cost estimate (JPY), residual risk accepted by',
          params: ModelParams.extend({ elementId: ElementRef, requirementRef: RequirementRef }),
          body: z.strictObject({
            owner: z.string().trim().max(200).nullable(),
            dueDate: z.iso.date().nullable(),
            costEstimate: z.number().int().min(0).max(2_000_000_000).nullable(),
            residualAcceptedBy: z.string().trim().max(200).nullable(),
            note: z.string().trim().max(4000).nullable(),
          }),
          response: { 200: z.object({ plan: Plan }) },
        },
      },
      async (req) => {
        return { plan: await putPlan(ctx(req), { ...req.params, plan: req.body }) };
      },
    );
  };
}
