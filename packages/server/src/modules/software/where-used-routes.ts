import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { Lang, OrgParams, P } from './schemas.ts';
import { findWhereUsed, WHERE_USED_ECOSYSTEMS } from './services/where-used.ts';

/** Where-used: which products and releases contain a package. */
export function softwareWhereUsedRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${P}/where-used`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary:
            'Which products and releases contain a package (a purl without version, or a name with its ecosystem), optionally at versions in a range (vers, or plain notation such as ">=2.0.0 <2.17.1"); includes releases suppliers shared through an active relationship',
          params: OrgParams,
          querystring: z.strictObject({
            purl: z.string().min(5).max(1000).optional(),
            name: z.string().min(1).max(1000).optional(),
            ecosystem: z.enum(WHERE_USED_ECOSYSTEMS).optional(),
            range: z.string().max(1000).optional(),
            includeShared: z.enum(['true', 'false']).default('true'),
            lang: Lang,
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  productId: z.string(),
                  productName: z.string(),
                  releaseId: z.string(),
                  version: z.string(),
                  component: z.object({
                    name: z.string(),
                    version: z.string().nullable(),
                    purl: z.string().nullable(),
                  }),
                  ownerOrg: z.object({ id: z.string(), name: z.string() }),
                }),
              ),
            }),
          },
        },
      },
      async (req) => ({
        items: await findWhereUsed(ctxOf(deps, req), {
          purl: req.query.purl,
          name: req.query.name,
          ecosystem: req.query.ecosystem,
          range: req.query.range,
          includeShared: req.query.includeShared === 'true',
        }),
      }),
    );
  };
}
