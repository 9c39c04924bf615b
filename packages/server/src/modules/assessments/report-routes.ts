import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { attachmentName } from '../../platform/http/download.ts';
import { requestLocale } from '../../platform/http/errors.ts';
import { Id } from '../../platform/http/schemas.ts';
import { XLSX } from './schemas.ts';
import { assessmentReport, assessmentWorkbook } from './services/reports.ts';

/** Downloads of one assessment: the workbook and the PDF report, named after its title (RFC 6266). */
export function assessmentReportRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/assessments/:id/export.xlsx',
      {
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['assessments'],
          summary:
            'Download an assessment as .xlsx: every item with its answer, points and comment, and a summary of scores',
          params: z.strictObject({ orgId: Id, id: Id }),
          querystring: z.strictObject({ lang: z.enum(['ja', 'en']).optional() }),
          produces: [XLSX],
        },
      },
      async (req, reply) => {
        const f = await assessmentWorkbook(ctxOf(deps, req), {
          id: req.params.id,
          locale: requestLocale(req),
        });
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', attachmentName(f.title, `assessment-${f.id.slice(0, 8)}`, 'xlsx'))
          .send(f.body);
      },
    );

    app.get(
      '/api/orgs/:orgId/assessments/:id/report.pdf',
      {
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['assessments'],
          summary:
            'Download an assessment report as PDF (Japanese fonts embedded): score, band, radar by group, items to fix first, all answers',
          params: z.strictObject({ orgId: Id, id: Id }),
          querystring: z.strictObject({ lang: z.enum(['ja', 'en']).optional() }),
          produces: ['application/pdf'],
        },
      },
      async (req, reply) => {
        const f = await assessmentReport(ctxOf(deps, req), { id: req.params.id, locale: requestLocale(req) });
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', attachmentName(f.title, `assessment-${f.id.slice(0, 8)}`, 'pdf'))
          .send(f.body);
      },
    );
  };
}
