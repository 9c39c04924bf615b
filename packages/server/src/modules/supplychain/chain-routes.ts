import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CRITICALITIES } from '@shinrai/core/supplychain';
import { ctxOf } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { ErrorBody, Id } from '../../platform/http/schemas.ts';
import { OrgParams, P } from './schemas.ts';
import { registryShares, setRegistryShare, supplierCoverage, supplyChain } from './chain-service.ts';

const Cell = z.object({ total: z.number(), known: z.number(), rate: z.number().nullable() });
const Share = z.object({
  orgId: z.string(),
  orgName: z.string(),
  shared: z.boolean(),
  sharedAt: z.string().nullable(),
});

/** Tiers (the chain as far as each supplier shares), coverage, and sharing one's own registry with buyers. */
export function supplierChainRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${P}/chain`,
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary:
            'The chain: tier-1 suppliers, the tier-2+ records kept, and the direct suppliers of tier-1 suppliers on Shinrai that share their registry; companies behind several tier-1s (concentrations)',
          params: OrgParams,
          response: {
            200: z.object({
              nodes: z.array(
                z.object({
                  id: z.string(),
                  parentId: z.string().nullable(),
                  tier: z.number(),
                  name: z.string(),
                  corporateNumber: z.string().nullable(),
                  linkedOrgId: z.string().nullable(),
                  criticality: z.enum(CRITICALITIES),
                  source: z.enum(['record', 'shared']),
                  statusKnown: z.boolean(),
                  sharedBy: z.string().nullable(),
                }),
              ),
              concentrations: z.array(
                z.object({
                  key: z.string(),
                  name: z.string(),
                  corporateNumber: z.string().nullable(),
                  behind: z.array(z.string()),
                  nodes: z.array(z.string()),
                }),
              ),
              notShared: z.array(
                z.object({ supplierId: z.string(), orgId: z.string(), orgName: z.string() }),
              ),
            }),
          },
        },
      },
      async (req) => supplyChain(ctxOf(deps, req)),
    );

    app.get(
      `${P}/coverage`,
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary:
            '状況把握率: the share of suppliers whose status is known (an accepted assessment or declaration within 12 months), overall, by criticality and by tier',
          params: OrgParams,
          response: {
            200: z.object({
              overall: Cell,
              byCriticality: z.object({ high: Cell, medium: Cell, low: Cell }),
              byTier: z.array(z.object({ tier: z.number(), cell: Cell })),
              asOf: z.string(),
            }),
          },
        },
      },
      async (req) => supplierCoverage(ctxOf(deps, req)),
    );

    app.get(
      `${P}/registry-shares`,
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Your buyers on Shinrai and whether you share your own supplier registry with each (their tier 2)',
          params: OrgParams,
          response: { 200: z.object({ items: z.array(Share) }) },
        },
      },
      async (req) => ({ items: await registryShares(ctxOf(deps, req)) }),
    );

    app.put(
      `${P}/registry-shares`,
      {
        config: { permission: 'supplychain.manage' },
        schema: {
          tags: ['supplychain'],
          summary: 'Share (or stop sharing) your own supplier registry with one of your buyers',
          params: OrgParams,
          body: z.strictObject({ withOrgId: Id, shared: z.boolean() }),
          response: { 200: z.object({ items: z.array(Share) }), 409: ErrorBody },
        },
      },
      async (req) => ({ items: await setRegistryShare(ctxOf(deps, req), req.body) }),
    );
  };
}
