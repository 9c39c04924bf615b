import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listCatalogsForOrg } from '@shinrai/store';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';
import { loadCatalog } from './catalog-access.ts';

export const CatalogSummary = z.object({
  id: z.string(),
  urn: z.string(),
  version: z.string(),
  builtin: z.boolean(),
  title: z.object({ ja: z.string(), en: z.string() }),
  itemCount: z.number(),
  checksum: z.string(),
  createdAt: z.string(),
});

export function catalogRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/catalogs',
      {
        config: { permission: 'catalogs.read' },
        schema: {
          tags: ['catalogs'],
          summary: 'Catalogs the organization can assess against (built-in packs and its own imports)',
          params: z.strictObject({ orgId: Id }),
          response: { 200: z.object({ items: z.array(CatalogSummary) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const rows = await listCatalogsForOrg(deps.store.db, access.orgId);
        return {
          items: rows.map((r) => ({
            id: r.id,
            urn: r.urn,
            version: r.version,
            builtin: r.scope === 'builtin',
            title: { ja: r.title_ja, en: r.title_en },
            itemCount: r.item_count,
            checksum: r.checksum,
            createdAt: r.created_at,
          })),
        };
      },
    );

    app.get(
      '/api/orgs/:orgId/catalogs/:catalogId',
      {
        config: { permission: 'catalogs.read' },
        schema: {
          tags: ['catalogs'],
          summary: 'One catalog version with its whole pack (tree, answer models, tiers, tags, scoring)',
          params: z.strictObject({ orgId: Id, catalogId: Id }),
          response: { 200: z.object({ catalog: CatalogSummary, pack: z.record(z.string(), z.unknown()) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const c = await loadCatalog(deps.store.db, access.orgId, req.params.catalogId);
        return {
          catalog: {
            id: c.row.id,
            urn: c.row.urn,
            version: c.row.version,
            builtin: c.row.scope === 'builtin',
            title: { ja: c.row.title_ja, en: c.row.title_en },
            itemCount: c.row.item_count,
            checksum: c.row.checksum,
            createdAt: c.row.created_at,
          },
          pack: c.pack as unknown as Record<string, unknown>,
        };
      },
    );
  };
}
