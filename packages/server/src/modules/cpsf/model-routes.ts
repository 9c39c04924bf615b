import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';
import { listCpsfModels } from '@shinrai/store';
import { GraphSchema } from './graph-schema.ts';
import {
  createModel,
  deleteModel,
  detailView,
  replaceGraph,
  requireModel,
  summaryView,
  updateModelInfo,
  validGraph,
  type CpsfCtx,
} from './model-service.ts';
import { GRAPH_BODY_LIMIT, ModelDetail, ModelParams, ModelSummary, SCOPES } from './schemas.ts';

/** CPSF value-creation-process models and their graphs. */
export function cpsfRoutes(deps: Deps): FastifyPluginAsyncZod {
  const ctx = (req: FastifyRequest): CpsfCtx => ({ deps, access: orgAccess(req), requestId: req.id });

  return async (app) => {
    app.get(
      '/api/orgs/:orgId/cpsf/models',
      {
        config: { permission: 'cpsf.read' },
        schema: {
          tags: ['cpsf'],
          summary: "The organization's CPSF value-creation-process models",
          params: z.strictObject({ orgId: Id }),
          response: { 200: z.object({ items: z.array(ModelSummary) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return { items: (await listCpsfModels(deps.store.db, access.orgId)).map(summaryView) };
      },
    );

    app.post(
      '/api/orgs/:orgId/cpsf/models',
      {
        config: { permission: 'cpsf.write' },
        bodyLimit: GRAPH_BODY_LIMIT,
        schema: {
          tags: ['cpsf'],
          summary: 'Create a model (optionally with a graph of elements and edges)',
          params: z.strictObject({ orgId: Id }),
          body: z.strictObject({
            name: z.string().trim().min(1).max(200),
            scopeType: z.enum(SCOPES).default('organization'),
            scopeLabel: z.string().trim().max(200).nullable().optional(),
            graph: GraphSchema.optional(),
          }),
          response: { 201: z.object({ model: ModelDetail }) },
        },
      },
      async (req, reply) => {
        const graph = validGraph(req.body.graph ?? { elements: [], edges: [] }, '/graph');
        const row = await createModel(ctx(req), {
          name: req.body.name,
          scopeType: req.body.scopeType,
          scopeLabel: req.body.scopeLabel ?? null,
          graph,
          source: 'api',
        });
        return reply.status(201).send({ model: detailView(row) });
      },
    );

    app.get(
      '/api/orgs/:orgId/cpsf/models/:modelId',
      {
        config: { permission: 'cpsf.read' },
        schema: {
          tags: ['cpsf'],
          summary: 'A model with its whole graph',
          params: ModelParams,
          response: { 200: z.object({ model: ModelDetail }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return { model: detailView(await requireModel(deps.store.db, access.orgId, req.params.modelId)) };
      },
    );

    app.patch(
      '/api/orgs/:orgId/cpsf/models/:modelId',
      {
        config: { permission: 'cpsf.write' },
        schema: {
          tags: ['cpsf'],
          summary: "Rename a model or change its scope's label",
          params: ModelParams,
          body: z.strictObject({
            name: z.string().trim().min(1).max(200).optional(),
            scopeLabel: z.string().trim().max(200).nullable().optional(),
          }),
          response: { 200: z.object({ model: ModelDetail }) },
        },
      },
      async (req) => {
        const row = await updateModelInfo(ctx(req), { modelId: req.params.modelId, ...req.body });
        return { model: detailView(row) };
      },
    );

    app.delete(
      '/api/orgs/:orgId/cpsf/models/:modelId',
      {
        config: { permission: 'cpsf.write' },
        schema: {
          tags: ['cpsf'],
          summary: 'Delete a model (its status answers stay in its assessment)',
          params: ModelParams,
        },
      },
      async (req, reply) => {
        await deleteModel(ctx(req), { modelId: req.params.modelId });
        return reply.status(204).send();
      },
    );

    app.put(
      '/api/orgs/:orgId/cpsf/models/:modelId/graph',
      {
        config: { permission: 'cpsf.write' },
        bodyLimit: GRAPH_BODY_LIMIT,
        schema: {
          tags: ['cpsf'],
          summary:
            'Replace the whole graph. `revision` is the revision you loaded; if someone saved since, 409 revision_conflict.',
          params: ModelParams,
          body: GraphSchema.extend({ revision: z.number().int().min(1) }),
          response: { 200: z.object({ model: ModelDetail }) },
        },
      },
      async (req) => {
        const { revision, elements, edges } = req.body;
        const row = await replaceGraph(ctx(req), {
          modelId: req.params.modelId,
          revision,
          graph: { elements, edges },
        });
        return { model: detailView(row) };
      },
    );
  };
}
