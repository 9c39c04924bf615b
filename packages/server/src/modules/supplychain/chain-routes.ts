import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CRITICALITIES, SUPPLY_KINDS } from '@shinrai/core/supplychain';
import { ctxOf } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { ErrorBody, Id } from '../../platform/http/schemas.ts';
import { OrgParams, P } from './schemas.ts';
import { linkableOrgs, registryShares, setRegistryShare, supplierCoverage } from './chain-service.ts';
import { supplyChain } from './chain-view.ts';

const Cell = z.object({ total: z.number(), known: z.number(), rate: z.number().nullable() });
const Share = z.object({
  orgId: z.string(),
  orgName: z.string(),
  shared: z.boolean(),
  onward: z.boolean(),
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
            'The chain: tier-1 suppliers, the tier-2+ records kept, and tier by tier the suppliers shown through shared registries (tier 3+ only where each supplier allowed onward sharing; cut at a depth and node cap); each own record with its latest accepted score; companies behind several tier-1s (concentrations)',
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
                  sharedByName: z.string().nullable(),
                  supplies: z.array(z.enum(SUPPLY_KINDS)),
                  starRequired: z.number().nullable(),
                  starHeld: z.number().nullable(),
                  starAttested: z.boolean(),
                  score: z.number().nullable(),
                  scoredAt: z.string().nullable(),
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
              limits: z.object({ maxTier: z.number(), maxNodes: z.number(), truncated: z.boolean() }),
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
      `${P}/linkable-orgs`,
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Organizations a supplier record may be linked to: your suppliers on Shinrai (active buyer → supplier relationships)',
          params: OrgParams,
          response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }) },
        },
      },
      async (req) => ({ items: await linkableOrgs(ctxOf(deps, req)) }),
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
          summary:
            'Share (or stop sharing) your own supplier registry with one of your buyers; onward: that buyer may pass it on to its own buyers',
          params: OrgParams,
          body: z.strictObject({ withOrgId: Id, shared: z.boolean(), onward: z.boolean().optional() }),
          response: { 200: z.object({ items: z.array(Share) }), 409: ErrorBody },
        },
      },
      async (req) => ({ items: await setRegistryShare(ctxOf(deps, req), req.body) }),
    );
  };
}
