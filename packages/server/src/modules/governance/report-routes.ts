import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.ts';
import { requestLocale } from '../../platform/http/errors.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { boardReportToXlsx } from './reports/board-report-xlsx.ts';
import { boardReportToPdf } from './reports/board-report.ts';
import { OrgOnly, ReportQuery, XLSX } from './schemas.ts';
import { boardReport } from './service.ts';

/** The board and investor report, as PDF and as .xlsx. */
export function governanceReportRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/governance/report.pdf',
      {
        config: { permission: 'governance.read' },
        schema: {
          tags: ['governance'],
          summary:
            'Board and investor report as PDF (Japanese fonts embedded): radar (current, previous, target), top gaps, action plan, trend',
          params: OrgOnly,
          querystring: ReportQuery,
          produces: ['application/pdf'],
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const data = await boardReport(deps, access.orgId, req.query.assessmentId);
        const pdf = await boardReportToPdf(data, requestLocale(req));
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', 'attachment; filename="governance-report.pdf"')
          .send(pdf);
      },
    );

    app.get(
      '/api/orgs/:orgId/governance/report.xlsx',
      {
        config: { permission: 'governance.read' },
        schema: {
          tags: ['governance'],
          summary:
            'The board and investor report as .xlsx: summary, directives, action plan and trend sheets',
          params: OrgOnly,
          querystring: ReportQuery,
          produces: [XLSX],
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const data = await boardReport(deps, access.orgId, req.query.assessmentId);
        const buf = await boardReportToXlsx(data, requestLocale(req));
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', 'attachment; filename="governance-report.xlsx"')
          .send(buf);
      },
    );
  };
}
