import { findRequestStarResult, findStarResult } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ctxOf } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { MAX_EVIDENCE_BYTES } from '../../../platform/documents/file-type.ts';
import { Id } from '../../../platform/http/schemas.ts';
import { fail } from '../campaigns/errors.ts';
import { attachStarResult, starOffer, withdrawStarResult } from '../inbox/star.ts';
import { inboxRespondent } from '../inbox/service.ts';
import { AttachStarBody, OwnStarResult, StarOffer, StarResultBody } from './schemas.ts';
import { editStarResult } from './edit.ts';
import { ownStarResults, recordStarResult, setStarResultEvidence } from './service.ts';

const OrgParams = z.strictObject({ orgId: Id });
const ResultParams = z.strictObject({ orgId: Id, starResultId: Id });
const RequestParams = z.strictObject({ orgId: Id, requestId: Id });
const S = '/api/orgs/:orgId/supplychain/star-results';
const INBOX = '/api/orgs/:orgId/supplychain/inbox';

/** The one `file` of a multipart upload, size-limited while it is read. */
async function readFile(req: FastifyRequest): Promise<{ name: string; data: Buffer }> {
  if (!req.isMultipart()) return fail('unsupported_media_type');
  let file: { name: string; data: Buffer } | undefined;
  for await (const part of req.parts({ limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 0 } })) {
    if (part.type !== 'file') continue;
    try {
      file = { name: part.filename || 'evidence', data: await part.toBuffer() };
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
        return fail('evidence_refused', [{ in: 'body', pointer: '/file', message: 'too_large' }]);
      throw err;
    }
  }
  return file ?? fail('validation_failed', [{ in: 'body', pointer: '/file' }]);
}

async function sendFile(
  deps: Deps,
  reply: FastifyReply,
  e: {
    evidence_key: string | null;
    evidence_name: string | null;
    evidence_type: string | null;
    evidence_sha256: string | null;
  },
) {
  if (e.evidence_key === null) return fail('not_found');
  return reply
    .header('content-type', e.evidence_type ?? 'application/octet-stream')
    .header(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(e.evidence_name ?? 'evidence')}`,
    )
    .header('x-content-sha256', e.evidence_sha256 ?? '')
    .send(await deps.files.open(e.evidence_key));
}

/**
 * "Answer once" with a ★ result: the supplier records the ★3/★4 results it obtained, shows one to a
 * buyer's request with its consent (withdrawable before submission), and the buyer downloads its evidence.
 */
export function starResultRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      S,
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary: "The organization's own ★ results (latest obtained first; expired ones marked)",
          params: OrgParams,
          response: { 200: z.object({ items: z.array(OwnStarResult) }) },
        },
      },
      async (req) => ({ items: await ownStarResults(ctxOf(deps, req)) }),
    );

    app.post(
      S,
      {
        config: { permission: 'supplychain.manage' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Record a ★ result the organization obtained (level, kind, dates, body for ★4, free-text number; audited)',
          params: OrgParams,
          body: StarResultBody,
          response: { 201: OwnStarResult },
        },
      },
      async (req, reply) => reply.status(201).send(await recordStarResult(ctxOf(deps, req), req.body)),
    );

    app.put(
      `${S}/:starResultId`,
      {
        config: { permission: 'supplychain.manage' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Correct a recorded ★ result (refused once a buyer accepted a request showing it; open requests showing it get the corrected values; audited in both logs)',
          params: ResultParams,
          body: StarResultBody,
          response: { 200: OwnStarResult },
        },
      },
      async (req) => editStarResult(ctxOf(deps, req), req.params.starResultId, req.body),
    );

    app.post(
      `${S}/:starResultId/evidence`,
      {
        config: { permission: 'supplychain.manage' },
        schema: {
          tags: ['supplychain'],
          summary: 'Set the evidence file of a ★ result (multipart `file`; evidence limits; SHA-256 kept)',
          params: ResultParams,
          consumes: ['multipart/form-data'],
        },
      },
      async (req) => {
        // The result is looked up before the upload is read: another organization's id is a 404.
        if (!(await findStarResult(deps.store.db, req.params.orgId, req.params.starResultId)))
          fail('not_found');
        return setStarResultEvidence(ctxOf(deps, req), req.params.starResultId, await readFile(req));
      },
    );

    app.get(
      `${S}/:starResultId/evidence`,
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Download the evidence file of one of the organization’s ★ results (SHA-256 in x-content-sha256)',
          params: ResultParams,
          produces: ['application/octet-stream'],
        },
      },
      async (req, reply) => {
        const s =
          (await findStarResult(deps.store.db, req.params.orgId, req.params.starResultId)) ??
          fail('not_found');
        return sendFile(deps, reply, s);
      },
    );

    app.get(
      `${INBOX}/:requestId/star-result`,
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary:
            'The unexpired ★ results the organization may show the buyer of this request, as the buyer would see them, and the one attached',
          params: RequestParams,
          response: { 200: StarOffer },
        },
      },
      async (req) => {
        const ctx = ctxOf(deps, req);
        return starOffer(ctx, await inboxRespondent(ctx, req.params.requestId));
      },
    );

    app.post(
      `${INBOX}/:requestId/star-result`,
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Show one of the organization’s ★ results to the buyer of this request after confirming (audited in both logs)',
          params: RequestParams,
          body: AttachStarBody,
          response: { 200: z.object({ attached: z.literal(true) }) },
        },
      },
      async (req) => {
        await attachStarResult(ctxOf(deps, req), req.params.requestId, req.body.starResultId);
        return { attached: true as const };
      },
    );

    app.delete(
      `${INBOX}/:requestId/star-result`,
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary: 'Take the attached ★ result back before the request is submitted (audited in both logs)',
          params: RequestParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await withdrawStarResult(ctxOf(deps, req), req.params.requestId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/orgs/:orgId/supplychain/requests/:requestId/star-result/evidence',
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Download the evidence of the ★ result a supplier attached to this request (SHA-256 in x-content-sha256)',
          params: RequestParams,
          produces: ['application/octet-stream'],
        },
      },
      async (req, reply) => {
        const a =
          (await findRequestStarResult(deps.store.db, req.params.orgId, req.params.requestId)) ??
          fail('not_found');
        return sendFile(deps, reply, a);
      },
    );
  };
}
