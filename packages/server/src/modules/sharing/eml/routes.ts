import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { orgAccess } from '../../../platform/http/principal.ts';
import { Id } from '../../../platform/http/schemas.ts';
import { fail } from '../errors.ts';
import type { SharingCtx } from '../hub-service.ts';
import { detailView, reportFor } from '../report-service.ts';
import { ReportDetail } from '../schemas.ts';
import { attach, MAX_ATTACHMENT_BYTES, openAttachment, type AttachInput } from './service.ts';

const tags = ['sharing'];

/** Report attachments: the reporter uploads (an .eml is parsed); the hub and the reporter download the raw file. */
export function attachmentRoutes(deps: Deps): FastifyPluginAsyncZod {
  const ctx = (req: FastifyRequest): SharingCtx => ({ deps, access: orgAccess(req), requestId: req.id });
  return async (app) => {
    app.post(
      '/api/orgs/:orgId/sharing/reports/:id/attachments',
      {
        config: { permission: 'sharing.write' },
        schema: {
          tags,
          summary:
            'Attach a file to one’s own report (multipart `file`; at most 10 MB and 20 files; a mail .eml or text .txt/.log/.csv judged by content; no executables or archives). An .eml is parsed: recipients removed, its text added to the report for sanitization, its attacker-side values proposed as indicators.',
          consumes: ['multipart/form-data'],
          params: z.strictObject({ orgId: Id, id: Id }),
          response: { 201: z.object({ report: ReportDetail }) },
        },
      },
      async (req, reply) => {
        const c = ctx(req);
        const { row } = await reportFor(c, req.params.id);
        if (!req.isMultipart()) return fail('unsupported_media_type');
        let file: AttachInput | undefined;
        for await (const part of req.parts({
          limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0 },
        })) {
          if (part.type !== 'file') continue;
          try {
            file = {
              name: part.filename || 'attachment',
              declaredType: part.mimetype,
              data: await part.toBuffer(),
            };
          } catch (err) {
            if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
              return fail('payload_too_large', { limitBytes: MAX_ATTACHMENT_BYTES });
            throw err;
          }
        }
        if (!file) return fail('validation_failed', [{ in: 'body', pointer: '/file' }]);
        const updated = await attach(c, row, file);
        return reply.status(201).send({ report: await detailView(c, updated) });
      },
    );

    app.get(
      '/api/orgs/:orgId/sharing/reports/:id/attachments/:attachmentId',
      {
        config: { permission: 'sharing.read' },
        schema: {
          tags,
          summary:
            'Download an attachment as it was uploaded (the hub’s analysts and the reporter only; always as a download, never rendered)',
          params: z.strictObject({ orgId: Id, id: Id, attachmentId: Id }),
          produces: ['application/octet-stream'],
        },
      },
      async (req, reply) => {
        const c = ctx(req);
        const { row } = await reportFor(c, req.params.id);
        const { row: a, stream } = await openAttachment(c, row, req.params.attachmentId);
        return reply
          .header('content-type', 'application/octet-stream')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
          .header('x-content-type-options', 'nosniff')
          .header('x-content-sha256', a.sha256)
          .send(stream);
      },
    );
  };
}
