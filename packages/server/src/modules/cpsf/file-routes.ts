import { describeProblems, MAX_FILE_BYTES, problemStatus, type ImportProblem } from '@shinrai/formats/sheets';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { attachmentName } from '../../platform/http/download.ts';
import { errorBody, fail, requestLocale } from '../../platform/http/errors.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { ErrorBody } from '../../platform/http/schemas.ts';
import { importModelFile, reportInput } from './file-service.ts';
import { modelToJson, modelToXlsx } from './files.ts';
import { requireModel, type CpsfCtx } from './model-service.ts';
import { cpsfReportToPdf, cpsfReportToXlsx } from './reports/report.ts';
import { Lang, ModelParams, XLSX } from './schemas.ts';
import { parseGraph } from './service.ts';

/** A model's files: import (JSON or asset ledger), export and the risk assessment report. */
export function cpsfFileRoutes(deps: Deps): FastifyPluginAsyncZod {
  const ctx = (req: FastifyRequest): CpsfCtx => ({ deps, access: orgAccess(req), requestId: req.id });

  return async (app) => {
    app.post(
      '/api/orgs/:orgId/cpsf/models/:modelId/import',
      {
        config: { permission: 'cpsf.write' },
        schema: {
          tags: ['cpsf'],
          summary:
            'Import elements and edges into a model from JSON (our export) or an asset ledger (.csv, or .xlsx with sheets `elements` and `edges`). Multipart: optional `sheet`, then `file`. mode=preview changes nothing; apply writes all or nothing. Elements and edges with an existing id are replaced.',
          consumes: ['multipart/form-data'],
          params: ModelParams,
          querystring: z.strictObject({ mode: z.enum(['preview', 'apply']).default('preview'), lang: Lang }),
          response: {
            200: z.object({
              mode: z.enum(['preview', 'apply']),
              added: z.number(),
              updated: z.number(),
              edgesAdded: z.number(),
              edgesUpdated: z.number(),
              elements: z.number(),
              edges: z.number(),
              revision: z.number(),
            }),
            413: ErrorBody,
            422: ErrorBody,
          },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const locale = requestLocale(req);
        const row = await requireModel(deps.store.db, access.orgId, req.params.modelId);
        if (!req.isMultipart()) return fail('unsupported_media_type');
        let file: Buffer | undefined;
        let filename = 'upload';
        let sheet: string | undefined;
        const invalid = (problems: ImportProblem[], status: 413 | 422 = 422) =>
          reply.status(status).send(
            errorBody(
              'import_invalid',
              locale,
              describeProblems(
                problems.map((p) => ({ ...p, params: { ...p.params, file: filename } })),
                locale,
              ).map((p) => ({ file: filename, ...p })),
            ),
          );
        for await (const part of req.parts({
          limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 2, fieldSize: 1024 },
        })) {
          if (part.type === 'file') {
            filename = part.filename || filename;
            try {
              file = await part.toBuffer();
            } catch (err) {
              if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
              return invalid([{ code: 'file_too_large', params: { limit: MAX_FILE_BYTES / 1048576 } }], 413);
            }
          } else if (part.fieldname === 'sheet') sheet = String(part.value);
        }
        if (!file) return fail('validation_failed', [{ in: 'body', pointer: '/file' }]);
        const read = await importModelFile(ctx(req), { row, file, filename, sheet, mode: req.query.mode });
        return read.ok ? read.counts : invalid(read.problems, problemStatus(read.problems));
      },
    );

    app.get(
      '/api/orgs/:orgId/cpsf/models/:modelId/export',
      {
        config: { permission: 'cpsf.read' },
        schema: {
          tags: ['cpsf'],
          summary:
            'Download the model as JSON or as an asset-ledger workbook (.xlsx) that imports back unchanged',
          params: ModelParams,
          querystring: z.strictObject({ format: z.enum(['json', 'xlsx']).default('json'), lang: Lang }),
          produces: ['application/json', XLSX],
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const row = await requireModel(deps.store.db, access.orgId, req.params.modelId);
        const graph = parseGraph(row);
        const stem = `cpsf-model-${row.id.slice(0, 8)}`;
        if (req.query.format === 'xlsx')
          return reply
            .header('content-type', XLSX)
            .header('content-disposition', attachmentName(row.name, stem, 'xlsx'))
            .send(await modelToXlsx(graph, requestLocale(req)));
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('content-disposition', attachmentName(row.name, stem, 'json'))
          .send(
            modelToJson({ name: row.name, scopeType: row.scope_type, scopeLabel: row.scope_label }, graph),
          );
      },
    );

    app.get(
      '/api/orgs/:orgId/cpsf/models/:modelId/report',
      {
        config: { permission: 'cpsf.read' },
        schema: {
          tags: ['cpsf'],
          summary:
            'Risk assessment report: summary, heat map, checks, gaps and plan (PDF with Japanese fonts, or .xlsx)',
          params: ModelParams,
          querystring: z.strictObject({ format: z.enum(['pdf', 'xlsx']).default('pdf'), lang: Lang }),
          produces: ['application/pdf', XLSX],
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const { name, id, report } = await reportInput(deps, access.orgId, {
          modelId: req.params.modelId,
          lang: requestLocale(req),
        });
        const stem = `cpsf-report-${id.slice(0, 8)}`;
        if (req.query.format === 'xlsx')
          return reply
            .header('content-type', XLSX)
            .header('content-disposition', attachmentName(name, stem, 'xlsx'))
            .send(await cpsfReportToXlsx(report));
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', attachmentName(name, stem, 'pdf'))
          .send(await cpsfReportToPdf(report));
      },
    );
  };
}
