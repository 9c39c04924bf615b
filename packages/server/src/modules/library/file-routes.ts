import type { CatalogPack } from '@shinrai/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/access.ts';
import { errorBody, fail, requestLocale } from '../../platform/http/errors.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';
import { loadCatalog } from './catalog-access.ts';
import { describeProblems } from '@shinrai/formats/sheets';
import { applyImport, prepareImport, readTable, type ImportOptions } from './import-service.ts';
import { MAX_FILE_BYTES, problemStatus } from '@shinrai/formats/sheets';
import { catalogToXlsx } from './xlsx-export.ts';

const Text = z.strictObject({ ja: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) });
const column = z.string().trim().min(1).max(100);
const ImportOptionsSchema = z.strictObject({
  mode: z.enum(['inspect', 'preview', 'apply']),
  sheet: z.string().max(100).optional(),
  mapping: z
    .strictObject({
      ref: column,
      parent: column.optional(),
      titleJa: column.optional(),
      titleEn: column.optional(),
      descriptionJa: column.optional(),
      descriptionEn: column.optional(),
      guidanceJa: column.optional(),
      guidanceEn: column.optional(),
      noteJa: column.optional(),
      noteEn: column.optional(),
      answerModel: column.optional(),
      tier: column.optional(),
      tags: column.optional(),
      weight: column.optional(),
      provenance: column.optional(),
    })
    .optional(),
  header: z
    .strictObject({
      id: z.string().regex(/^urn:shinrai:catalog:[a-z0-9][a-z0-9-]*$/),
      version: z.string().regex(/^\d+\.\d+\.\d+$/),
      title: Text,
      publisher: Text.optional(),
    })
    .optional(),
  baseCatalogId: Id.optional(),
  defaultProvenance: z.enum(['official', 'own']).optional(),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function catalogFileRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/catalogs/:catalogId/export.xlsx',
      {
        config: { permission: 'catalogs.read' },
        schema: {
          tags: ['catalogs'],
          summary: 'Download a catalog as .xlsx (importing the file gives back the same catalog)',
          params: z.strictObject({ orgId: Id, catalogId: Id }),
          produces: [XLSX],
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const c = await loadCatalog(deps.store.db, access.orgId, req.params.catalogId);
        const buf = await catalogToXlsx(c.pack);
        const name = `${c.row.urn.split(':').pop() ?? 'catalog'}-${c.row.version}.xlsx`;
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(buf);
      },
    );

    app.post(
      '/api/orgs/:orgId/catalogs/import',
      {
        config: { permission: 'catalogs.manage' },
        schema: {
          tags: ['catalogs'],
          summary:
            'Import a catalog from .xlsx or .csv (multipart: `file`, then `options` JSON with mode inspect | preview | apply, sheet, column mapping, header or baseCatalogId). All or nothing; problems name sheet, row and column.',
          consumes: ['multipart/form-data'],
          params: z.strictObject({ orgId: Id }),
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const locale = requestLocale(req);
        if (!req.isMultipart()) return fail('unsupported_media_type');
        let file: Buffer | undefined;
        let filename = 'upload.xlsx';
        let rawOptions: string | undefined;
        for await (const part of req.parts({
          limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 4, fieldSize: 65_536 },
        })) {
          if (part.type === 'file') {
            filename = part.filename || filename;
            try {
              file = await part.toBuffer();
            } catch (err) {
              if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
              return reply
                .status(413)
                .send(
                  errorBody(
                    'import_invalid',
                    locale,
                    describeProblems(
                      [{ code: 'file_too_large', params: { limit: MAX_FILE_BYTES / 1048576 } }],
                      locale,
                    ),
                  ),
                );
            }
          } else if (part.fieldname === 'options') {
            rawOptions = String(part.value);
          }
        }
        if (!file) return fail('validation_failed', [{ in: 'body', pointer: '/file', message: 'file' }]);
        let parsedJson: unknown;
        try {
          parsedJson = JSON.parse(rawOptions ?? '{"mode":"inspect"}');
        } catch {
          return fail('bad_request', { pointer: '/options' });
        }
        const parsed = ImportOptionsSchema.safeParse(parsedJson);
        if (!parsed.success) {
          return fail(
            'validation_failed',
            parsed.error.issues.map((i) => ({
              in: 'options',
              pointer: `/${i.path.join('/')}`,
              message: i.message,
            })),
          );
        }
        const o = parsed.data;
        if (o.mode === 'inspect') {
          const read = await readTable(file, filename, o.sheet);
          if (!read.ok)
            return reply
              .status(problemStatus(read.problems))
              .send(errorBody('import_invalid', locale, describeProblems(read.problems, locale)));
          return {
            sheets: read.sheets,
            sheet: read.table.sheet,
            columns: read.table.header,
            rows: read.table.rows.length,
            sample: read.table.rows.slice(0, 5).map((r) => r.cells),
          };
        }
        const options: ImportOptions = {
          ...(o.sheet !== undefined ? { sheet: o.sheet } : {}),
          ...(o.mapping !== undefined ? { mapping: o.mapping } : {}),
          ...(o.header !== undefined ? { header: o.header } : {}),
          ...(o.baseCatalogId !== undefined ? { baseCatalogId: o.baseCatalogId } : {}),
          ...(o.defaultProvenance !== undefined ? { defaultProvenance: o.defaultProvenance } : {}),
        };
        const prepared = await prepareImport(deps, access.orgId, file, filename, options);
        if (!prepared.ok)
          return reply
            .status(problemStatus(prepared.problems))
            .send(errorBody('import_invalid', locale, describeProblems(prepared.problems, locale)));
        const summary = {
          urn: prepared.pack.id,
          version: prepared.pack.version,
          itemCount: prepared.itemCount,
          changes: prepared.changes,
          checksum: prepared.checksum,
        };
        if (o.mode === 'preview') return { preview: summary };
        const result = await deps.store.db
          .transaction()
          .execute((trx) => applyImport(deps, trx, actorOf(access, req.id), access.orgId, prepared));
        if ('conflict' in result)
          return fail('conflict', { pointer: '/options/header/version', version: prepared.pack.version });
        return reply.status(201).send({ catalogId: result.id, ...summary });
      },
    );
  };
}

export type { CatalogPack };
