import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { errorBody, requestLocale } from '../../platform/http/errors.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { ErrorBody, Id } from '../../platform/http/schemas.ts';
import { buildingProfileView, createBuildingModel, riskCatalogView } from './catalog-service.ts';
import { detailView, type CpsfCtx } from './model-service.ts';
import { Lang, ModelDetail, Text } from './schemas.ts';

/** The rules' catalog, the building-systems profile and the building wizard. */
export function cpsfCatalogRoutes(deps: Deps): FastifyPluginAsyncZod {
  const ctx = (req: FastifyRequest): CpsfCtx => ({ deps, access: orgAccess(req), requestId: req.id });

  return async (app) => {
    app.get(
      '/api/orgs/:orgId/cpsf/building-profile',
      {
        config: { permission: 'cpsf.read' },
        schema: {
          tags: ['cpsf'],
          summary:
            'Building-systems profile (ビルシステム): locations → typical devices → incidents and risk sources → policy-level requirements → measures per lifecycle phase',
          params: z.strictObject({ orgId: Id }),
          response: {
            200: z.object({
              catalogId: z.string(),
              locations: z.array(
                z.object({
                  ref: z.string(),
                  title: Text,
                  devices: z.array(
                    z.object({
                      ref: z.string(),
                      title: Text,
                      component: z.string(),
                      thingKind: z.string().nullable(),
                      layer: z.number(),
                      requirementRefs: z.array(z.string()),
                    }),
                  ),
                }),
              ),
              requirements: z.array(
                z.object({
                  ref: z.string(),
                  title: Text,
                  deviceRef: z.string(),
                  incident: Text,
                  riskSource: Text.nullable(),
                  phases: z.array(z.string()),
                  measures: z.record(z.string(), Text),
                }),
              ),
              phases: z.array(z.object({ id: z.string(), label: Text })),
            }),
          },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return buildingProfileView(deps, access.orgId);
      },
    );

    app.post(
      '/api/orgs/:orgId/cpsf/models/building',
      {
        config: { permission: 'cpsf.write' },
        schema: {
          tags: ['cpsf'],
          summary:
            'Building wizard: instantiate an ordinary CPSF model of a building from the profile (owner, management company, device counts, external connection, cloud)',
          params: z.strictObject({ orgId: Id }),
          querystring: z.strictObject({ lang: Lang }),
          body: z.strictObject({
            name: z.string().trim().min(1).max(200),
            input: z.strictObject({
              buildingName: z.string().max(200),
              ownerName: z.string().max(200),
              managementCompany: z.string().max(200).nullable().optional(),
              devices: z.array(z.strictObject({ ref: z.string().max(64), count: z.number().int() })).max(100),
              externalConnection: z.boolean(),
              cloud: z.boolean(),
            }),
          }),
          response: { 201: z.object({ model: ModelDetail }), 422: ErrorBody },
        },
      },
      async (req, reply) => {
        const locale = requestLocale(req);
        const made = await createBuildingModel(ctx(req), { ...req.body, locale });
        if (!made.ok)
          return reply.status(422).send(
            errorBody(
              'validation_failed',
              locale,
              made.problems.map((p) => ({ in: 'body', ...p })),
            ),
          );
        return reply.status(201).send({ model: detailView(made.row) });
      },
    );

    app.get(
      '/api/orgs/:orgId/cpsf/catalog',
      {
        config: { permission: 'cpsf.read' },
        schema: {
          tags: ['cpsf'],
          summary:
            'The risk sources and countermeasure requirements the rules use (with linked CPSF requirements), and the categorization table',
          params: z.strictObject({ orgId: Id }),
          response: {
            200: z.object({
              catalogId: z.string(),
              catalogVersion: z.string(),
              riskSources: z.array(
                z.object({
                  ref: z.string(),
                  title: Text,
                  layers: z.array(z.number()),
                  components: z.array(z.string()),
                  functionTitle: Text.nullable(),
                  incidentTitle: Text.nullable(),
                  requirementRefs: z.array(z.string()),
                }),
              ),
              requirements: z.array(
                z.object({
                  ref: z.string(),
                  title: Text,
                  tier: z.string(),
                  riskSourceRef: z.string(),
                  cpsf: z.array(z.object({ ref: z.string(), title: Text.nullable() })),
                }),
              ),
              categorization: z.object({
                source: Text,
                rows: z.array(
                  z.object({
                    viewpoint: z.string(),
                    axis: z.string().nullable(),
                    label: Text,
                    levels: z.object({ 1: Text, 2: Text, 3: Text }),
                  }),
                ),
                impactLevels: z.object({ 1: Text, 2: Text, 3: Text }),
                measureLevels: z.object({ basic: Text, advanced: Text, high_advanced: Text }),
              }),
            }),
          },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return riskCatalogView(deps, access.orgId);
      },
    );
  };
}
