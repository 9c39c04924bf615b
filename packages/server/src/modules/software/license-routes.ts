import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { OrgParams, P, Policy, ReleaseParams } from './schemas.ts';
import { getLicensePolicy, releaseLicenses, setLicensePolicy } from './services/licenses.ts';

/** The organization's license policy and a release's license report against it. */
export function softwareLicenseRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${P}/license-policy`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary: 'License policy of the organization (allowed and denied SPDX ids)',
          params: OrgParams,
          response: { 200: Policy },
        },
      },
      async (req) => getLicensePolicy(ctxOf(deps, req)),
    );

    app.put(
      `${P}/license-policy`,
      {
        config: { permission: 'org.update' },
        schema: {
          tags: ['software'],
          summary: 'Set the license policy',
          params: OrgParams,
          body: Policy,
          response: { 200: Policy },
        },
      },
      async (req) => setLicensePolicy(ctxOf(deps, req), req.body),
    );

    app.get(
      `${P}/releases/:releaseId/licenses`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary: 'License policy violations of the release (denied, and unknown or unlisted licenses)',
          params: ReleaseParams,
          response: {
            200: z.object({
              policy: Policy,
              policySet: z.boolean(),
              items: z.array(
                z.object({
                  component: z.object({
                    id: z.string(),
                    name: z.string(),
                    version: z.string().nullable(),
                    purl: z.string().nullable(),
                  }),
                  licenses: z.string().nullable(),
                  status: z.enum(['denied', 'unknown']),
                  reason: z.enum(['no_license', 'invalid_expression', 'not_listed']).nullable(),
                  ids: z.array(z.string()),
                }),
              ),
              counts: z.object({ allowed: z.number(), denied: z.number(), unknown: z.number() }),
            }),
          },
        },
      },
      async (req) => releaseLicenses(ctxOf(deps, req), req.params),
    );
  };
}
