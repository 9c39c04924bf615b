import type { MappingEntry } from '@shinrai/core';
import { listMappingSetsForOrg } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';

const TextSchema = z.object({ ja: z.string(), en: z.string() });
const MappingSet = z.object({
  id: z.string(),
  urn: z.string(),
  version: z.string(),
  source: z.string(),
  target: z.string(),
  title: TextSchema,
  provenance: z.enum(['official', 'own']),
  entries: z.array(
    z.object({
      source: z.string(),
      target: z.string(),
      relation: z.enum(['equal', 'subset', 'superset', 'intersect']),
      rationale: TextSchema.optional(),
    }),
  ),
});

export function mappingRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/mappings',
      {
        config: { permission: 'catalogs.read' },
        schema: {
          tags: ['catalogs'],
          summary: 'Mapping sets between catalogs (equal, subset, superset, intersect, with a rationale)',
          params: z.strictObject({ orgId: Id }),
          response: { 200: z.object({ items: z.array(MappingSet) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const rows = await listMappingSetsForOrg(deps.store.db, access.orgId);
        return {
          items: rows.map((r) => ({
            id: r.id,
            urn: r.urn,
            version: r.version,
            source: r.source_urn,
            target: r.target_urn,
            title: { ja: r.title_ja, en: r.title_en },
            provenance: r.provenance as 'own',
            entries: JSON.parse(r.entries) as MappingEntry[],
          })),
        };
      },
    );
  };
}
