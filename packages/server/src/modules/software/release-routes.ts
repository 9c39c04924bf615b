import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { ErrorBody } from '../../platform/http/schemas.ts';
import { Day, P, ProductParams, Release, ReleaseParams } from './schemas.ts';
import { createRelease, deleteRelease, getRelease, listReleases } from './services/releases.ts';

/** Releases: the firmware or application versions of a product. */
export function softwareReleaseRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${P}/products/:productId/releases`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary: 'Releases of a product, newest first',
          params: ProductParams,
          response: { 200: z.object({ items: z.array(Release) }) },
        },
      },
      async (req) => ({ items: await listReleases(ctxOf(deps, req), req.params) }),
    );

    app.post(
      `${P}/products/:productId/releases`,
      {
        config: { permission: 'software.write' },
        schema: {
          tags: ['software'],
          summary: 'Create a release (a firmware or application version) of a product',
          params: ProductParams,
          body: z.strictObject({
            version: z.string().trim().min(1).max(200),
            releasedOn: Day.nullable().optional(),
            supportEnds: Day.nullable().optional(),
          }),
          response: { 201: z.object({ release: Release }), 409: ErrorBody },
        },
      },
      async (req, reply) =>
        reply.status(201).send({
          release: await createRelease(ctxOf(deps, req), { ...req.body, productId: req.params.productId }),
        }),
    );

    app.get(
      `${P}/releases/:releaseId`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary: 'One release: SBOM summary, open findings, whether it is past its end of support',
          params: ReleaseParams,
          response: { 200: z.object({ release: Release }) },
        },
      },
      async (req) => ({ release: await getRelease(ctxOf(deps, req), req.params) }),
    );

    app.delete(
      `${P}/releases/:releaseId`,
      {
        config: { permission: 'software.write' },
        schema: {
          tags: ['software'],
          summary: 'Delete a release with its SBOM, findings, VEX and artifacts',
          params: ReleaseParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await deleteRelease(ctxOf(deps, req), req.params);
        return reply.status(204).send(null);
      },
    );
  };
}
