import { CRITICALITIES } from '@shinrai/core/supplychain';
import { findOrganization } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { attachmentName } from '../../platform/http/download.ts';
import { requestLocale } from '../../platform/http/errors.ts';
import { coverageToPdf, coverageToXlsx } from './coverage-report.ts';
import { coverageDashboard } from './coverage-service.ts';
import { XLSX } from './export.ts';
import { OrgParams, P } from './schemas.ts';

const Cell = z.object({ total: z.number(), known: z.number(), rate: z.number().nullable() });
const Crit = z.enum(CRITICALITIES);

export const CoverageDashboardBody = z.object({
  asOf: z.string(),
  suppliers: z.number(),
  overall: Cell,
  byCriticality: z.object({ high: Cell, medium: Cell, low: Cell }),
  byTier: z.array(z.object({ tier: z.number(), cell: Cell })),
  overdue: z.object({
    count: z.number(),
    items: z.array(
      z.object({
        requestId: z.string(),
        campaignId: z.string(),
        campaignTitle: z.string(),
        supplierId: z.string(),
        supplierName: z.string(),
        deadline: z.string(),
        daysOverdue: z.number(),
      }),
    ),
  }),
  weakest: z.array(
    z.object({
      supplierId: z.string(),
      supplierName: z.string(),
      criticality: Crit,
      percent: z.number(),
      acceptedAt: z.string(),
      campaignId: z.string(),
    }),
  ),
  distribution: z.object({
    bands: z.array(z.object({ from: z.number(), to: z.number(), count: z.number() })),
    unscored: z.number(),
  }),
  trend: z.array(
    z.object({
      campaignId: z.string(),
      title: z.string(),
      sentAt: z.string(),
      requests: z.number(),
      accepted: z.number(),
      rate: z.number().nullable(),
      meanScore: z.number().nullable(),
    }),
  ),
  reevaluation: z.object({
    count: z.number(),
    items: z.array(
      z.object({
        supplierId: z.string(),
        supplierName: z.string(),
        criticality: Crit,
        knownSince: z.string().nullable(),
      }),
    ),
  }),
  star: z.array(z.object({ level: z.number(), required: z.number(), met: z.number() })),
});

/** The coverage dashboard and its exports (.xlsx, PDF) for the board. */
export function supplierCoverageRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${P}/coverage/dashboard`,
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Coverage dashboard: 状況把握率 by criticality and tier, overdue campaign requests, the weakest campaign scores (score: the latest accepted answer’s percent), score bands, the trend over campaigns, suppliers due for the annual re-evaluation (status older than 11 months or none), ★ required vs held. Lists are cut at 50 lines; their counts are whole.',
          params: OrgParams,
          response: { 200: CoverageDashboardBody },
        },
      },
      async (req) => coverageDashboard(ctxOf(deps, req)),
    );

    for (const ext of ['xlsx', 'pdf'] as const)
      app.get(
        `${P}/coverage/export.${ext}`,
        {
          config: { permission: 'supplychain.read' },
          schema: {
            tags: ['supplychain'],
            summary:
              ext === 'xlsx'
                ? 'The coverage dashboard as .xlsx (one sheet per figure)'
                : 'The coverage dashboard as PDF (A4, Japanese fonts embedded) for the board report',
            params: OrgParams,
            produces: [ext === 'xlsx' ? XLSX : 'application/pdf'],
          },
        },
        async (req, reply) => {
          const ctx = ctxOf(deps, req);
          const locale = requestLocale(req);
          const d = await coverageDashboard(ctx);
          const buf =
            ext === 'xlsx'
              ? await coverageToXlsx(d, locale)
              : await coverageToPdf(
                  d,
                  (await findOrganization(ctx.deps.store.db, ctx.orgId))?.name ?? '',
                  locale,
                );
          return reply
            .header('content-type', ext === 'xlsx' ? XLSX : 'application/pdf')
            .header('content-disposition', attachmentName('状況把握レポート', 'supplier-coverage', ext))
            .send(buf);
        },
      );
  };
}
