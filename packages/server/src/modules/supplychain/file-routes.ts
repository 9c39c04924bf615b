import type { Locale } from '@shinrai/core';
import { describeProblems, problemStatus, type ImportProblem } from '@shinrai/formats/sheets';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, write } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { attachmentName } from '../../platform/http/download.ts';
import { errorBody, requestLocale } from '../../platform/http/errors.ts';
import { ErrorBody } from '../../platform/http/schemas.ts';
import { readTableOffThread } from '../../platform/workers/sheets.ts';
import { fail } from './errors.ts';
import { exportCsv, exportXlsx, templateXlsx, XLSX } from './export.ts';
import { readSupplierTable, SUPPLIER_IMPORT_LIMITS } from './import.ts';
import { findSupplierByCorporateNumber } from '@shinrai/store';
import { upsertSupplier } from './service.ts';
import { OrgParams, P } from './schemas.ts';

const Preview = z.object({
  file: z.string(),
  applied: z.boolean(),
  creates: z.number(),
  merges: z.number(),
  suppliers: z.array(
    z.object({
      rows: z.array(z.number()),
      name: z.string(),
      corporateNumber: z.string().nullable(),
      action: z.enum(['create', 'merge']),
    }),
  ),
});

/** Located problems of an import, each naming the uploaded file. */
const located = (file: string, problems: readonly ImportProblem[], locale: Locale) =>
  describeProblems(problems, locale).map((p) => ({ file, ...p }));

/** Import (preview, then apply: all or nothing), export and the template of the supplier registry. */
export function supplierFileRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      `${P}/import`,
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Import suppliers from .xlsx or .csv (multipart `file`, field `mode`: preview | apply). Limits: 5 MB, 5,000 rows, 30 columns. All or nothing; problems name the file, sheet, row and column. Rows with a 法人番号 already in the registry (or repeated in the file) merge.',
          consumes: ['multipart/form-data'],
          params: OrgParams,
          response: { 200: Preview, 413: ErrorBody, 422: ErrorBody },
        },
      },
      async (req, reply) => {
        const locale = requestLocale(req);
        if (!req.isMultipart()) return fail('unsupported_media_type');
        let file: Buffer | undefined;
        let filename = 'upload.xlsx';
        let mode = 'preview';
        for await (const part of req.parts({
          limits: { fileSize: SUPPLIER_IMPORT_LIMITS.bytes, files: 1, fields: 2, fieldSize: 64 },
        })) {
          if (part.type === 'file') {
            filename = part.filename || filename;
            try {
              file = await part.toBuffer();
            } catch (err) {
              if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
              const p: ImportProblem = {
                code: 'file_too_large',
                params: { limit: SUPPLIER_IMPORT_LIMITS.bytes / 1048576 },
              };
              return reply
                .status(413)
                .send(errorBody('import_invalid', locale, located(filename, [p], locale)));
            }
          } else if (part.fieldname === 'mode') mode = String(part.value);
        }
        if (!file) return fail('validation_failed', [{ in: 'body', pointer: '/file' }]);
        if (mode !== 'preview' && mode !== 'apply')
          return fail('validation_failed', [{ in: 'body', pointer: '/mode' }]);
        const read = await readTableOffThread(file, filename);
        const sheet = read.ok ? readSupplierTable(read.table) : read;
        if (!sheet.ok)
          return reply
            .status(problemStatus(sheet.problems))
            .send(errorBody('import_invalid', locale, located(filename, sheet.problems, locale)));
        const ctx = ctxOf(deps, req);
        const actions = await Promise.all(
          sheet.suppliers.map(async (s) =>
            s.corporateNumber &&
            (await findSupplierByCorporateNumber(deps.store.db, ctx.orgId, null, s.corporateNumber))
              ? ('merge' as const)
              : ('create' as const),
          ),
        );
        const preview = {
          file: filename,
          creates: actions.filter((a) => a === 'create').length,
          merges: actions.filter((a) => a === 'merge').length,
          suppliers: sheet.suppliers.map((s, i) => ({
            rows: s.rows,
            name: s.input.name,
            corporateNumber: s.corporateNumber,
            action: actions[i]!,
          })),
        };
        if (mode === 'preview') return { ...preview, applied: false };
        await write(ctx, async (tx) => {
          for (const s of sheet.suppliers) await upsertSupplier(tx, s.input, s.corporateNumber);
          await tx.audit('supplychain.import', null, {
            file: filename,
            creates: preview.creates,
            merges: preview.merges,
          });
        });
        return { ...preview, applied: true };
      },
    );

    app.get(
      `${P}/export.xlsx`,
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary: 'The supplier registry as .xlsx (the import reads it back)',
          params: OrgParams,
          produces: [XLSX],
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(deps, req);
        const buf = await exportXlsx(ctx, requestLocale(req));
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', attachmentName('サプライヤー一覧', 'suppliers', 'xlsx'))
          .send(buf);
      },
    );

    app.get(
      `${P}/export.csv`,
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary: 'The supplier registry as CSV (UTF-8 with BOM; the import reads it back)',
          params: OrgParams,
          response: { 200: z.string().describe('text/csv') },
        },
      },
      async (req, reply) => {
        const csv = await exportCsv(ctxOf(deps, req), requestLocale(req));
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', attachmentName('サプライヤー一覧', 'suppliers', 'csv'))
          .send(csv);
      },
    );

    app.get(
      `${P}/template.xlsx`,
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary: 'An empty import template (.xlsx) with the allowed values explained on a second sheet',
          params: OrgParams,
          produces: [XLSX],
        },
      },
      async (req, reply) => {
        const buf = await templateXlsx(requestLocale(req));
        return reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            attachmentName('サプライヤー取込テンプレート', 'supplier-template', 'xlsx'),
          )
          .send(buf);
      },
    );
  };
}
