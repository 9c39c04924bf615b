import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { requestLocale } from '../../platform/http/errors.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { boardReportToXlsx } from './reports/board-report-xlsx.ts';
import { boardReportToPdf } from './reports/board-report.ts';
import { reportNotes, setReportNotes } from './report-notes.ts';
import { OrgOnly, ReportQuery, XLSX } from './schemas.ts';
import { boardReport } from './service.ts';
import { Id } from '../../platform/http/schemas.ts';

const ReportNotes = z.object({
  assessmentId: z.string().nullable(),
  summary: z.string(),
  commentary: z.string(),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ id: z.string(), displayName: z.string().nullable() }).nullable(),
});
const NoteText = (max: number) => z.string().trim().max(max);

/** The board and investor report, as PDF and as .xlsx, and the CISO's summary and commentary for it. */
export function governanceReportRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/governance/report-notes',
      {
        config: { permission: 'governance.read' },
        schema: {
          tags: ['governance'],
          summary:
            "The executive summary and the CISO's commentary of the board report of an assessment (default: the newest governance assessment)",
          params: OrgOnly,
          querystring: ReportQuery,
          response: { 200: z.object({ notes: ReportNotes }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return { notes: await reportNotes(deps.store.db, access.orgId, req.query.assessmentId) };
      },
    );

    app.put(
      '/api/orgs/:orgId/governance/report-notes',
      {
        config: { permission: 'governance.review' },
        schema: {
          tags: ['governance'],
          summary:
            "Set the executive summary and the CISO's commentary printed in the board report of an assessment (owner, admin)",
          params: OrgOnly,
          body: z.strictObject({ assessmentId: Id, summary: NoteText(4000), commentary: NoteText(8000) }),
          response: { 200: z.object({ notes: ReportNotes }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return { notes: await setReportNotes({ deps, access, requestId: req.id }, req.body) };
      },
    );

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
        const notes = await reportNotes(deps.store.db, access.orgId, req.query.assessmentId);
        const pdf = await boardReportToPdf(data, requestLocale(req), notes);
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
