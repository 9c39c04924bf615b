import { linkTokenHash, linkTokenShape } from '@shinrai/core/supplychain';
import { findCampaignRequest, findRespondLinkByHash, insertOutboxMails } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { write } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { MAX_EVIDENCE_BYTES } from '../../../platform/documents/file-type.ts';
import { Email } from '../../../platform/http/schemas.ts';
import { fail } from '../campaigns/errors.ts';
import { queueDelivery } from '../campaigns/service.ts';
import { addEvidence, forward, questionnaire, saveRespondAnswer, submit } from './service.ts';
import { openLink, respondent, respondentCtx } from './session.ts';

/** The respondent's routes: callable without an account (the link, then its session cookie, is the credential). */
export const RESPOND_PUBLIC_ROUTES = [
  'POST /api/respond/open',
  'POST /api/respond/relink',
  'GET /api/respond/questionnaire',
  'PUT /api/respond/answers/:ref',
  'POST /api/respond/forward',
  'POST /api/respond/evidence',
  'POST /api/respond/submit',
] as const;

const LINK_LIMIT = { max: 20, timeWindow: '1 minute' };
const SESSION_LIMIT = { max: 240, timeWindow: '1 minute' };
const Token = z.strictObject({ token: z.string().min(1).max(200) });
const TextPair = z.object({ ja: z.string(), en: z.string() });
const AnswerValue = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('choice'), value: z.string().max(200) }),
  z.strictObject({ kind: z.literal('multiple'), values: z.array(z.string().max(200)).max(100) }),
  z.strictObject({ kind: z.literal('maturity'), level: z.number().int() }),
  z.strictObject({ kind: z.literal('number'), value: z.number() }),
  z.strictObject({ kind: z.literal('text'), value: z.string().max(4000) }),
]);
const FollowUp = z.strictObject({
  reason: z.string().max(2000).nullable(),
  plannedDate: z.string().max(10).nullable(),
});
const Item = z.object({
  ref: z.string(),
  title: TextPair,
  description: TextPair.nullable(),
  group: TextPair.nullable(),
  kind: z.enum(['single', 'multiple', 'maturity', 'number', 'text']),
  options: z.array(z.object({ value: z.string(), label: TextPair })),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: TextPair.nullable(),
  value: AnswerValue.nullable(),
  followUp: FollowUp,
  followUpNeeded: z.boolean(),
  state: z.enum(['open', 'returned', 'accepted']),
  returnNote: z.string().nullable(),
  editable: z.boolean(),
  evidence: z.array(z.object({ id: z.string(), name: z.string(), size: z.number(), sha256: z.string() })),
});
const Questionnaire = z.object({
  buyer: z.string(),
  supplier: z.string(),
  title: z.string(),
  message: z.string().nullable(),
  deadline: z.string(),
  status: z.enum(['queued', 'sent', 'opened', 'submitted', 'accepted', 'closed']),
  you: z.object({ email: z.string(), name: z.string().nullable() }),
  scope: z.enum(['questionnaire', 'item']),
  canSubmit: z.boolean(),
  csrfToken: z.string(),
  items: z.array(Item),
});

export function respondRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // The respondent's answers are nobody's business but the buyer's: never cached on the way.
    app.addHook('onSend', async (req, reply) => {
      if (req.url.startsWith('/api/respond/'))
        void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    });

    app.post(
      '/api/respond/open',
      {
        config: { skipCsrf: true, rateLimit: LINK_LIMIT },
        schema: {
          tags: ['respond'],
          summary:
            'Open a respondent link (the token from the page fragment, never in a URL): starts a respondent session cookie',
          body: Token,
          response: { 200: z.object({ opened: z.literal(true) }) },
        },
      },
      async (req, reply) => {
        await openLink(deps, req.body.token, reply, req.id);
        return { opened: true as const };
      },
    );

    app.post(
      '/api/respond/relink',
      {
        config: { skipCsrf: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags: ['respond'],
          summary:
            'Mail a fresh link to the address an expired or used link was sent to (never to another address)',
          body: Token,
          response: { 202: z.object({ queued: z.literal(true) }) },
        },
      },
      async (req, reply) => {
        const { token } = req.body;
        const shape = linkTokenShape(token);
        if (shape !== 'ok') return fail(`respond_link_${shape}`);
        const link =
          (await findRespondLinkByHash(deps.store.db, linkTokenHash(token))) ?? fail('respond_link_unknown');
        if (link.revoked_at !== null) return fail('respond_link_revoked');
        const request = await findCampaignRequest(deps.store.db, link.org_id, link.request_id);
        if (!request || request.status === 'accepted' || request.status === 'closed')
          return fail('respond_closed');
        await write(respondentCtx(deps, link.org_id, req.id), async (tx) => {
          const now = tx.now.toISOString();
          await insertOutboxMails(tx.trx, [
            {
              id: randomUUID(),
              org_id: tx.orgId,
              campaign_id: request.campaign_id,
              request_id: request.id,
              kind: link.item_ref === null ? 'invite' : 'forward',
              to_email: link.email,
              to_name: link.name,
              item_ref: link.item_ref,
              from_link: link.id,
              link_id: null,
              details: JSON.stringify({ relink: true }),
              state: 'queued',
              error: null,
              attempts: 0,
              created_at: now,
              updated_at: now,
              sent_at: null,
            },
          ]);
          await queueDelivery(tx.trx, now);
          await tx.audit(
            'respond.relink',
            { type: 'campaign_request', id: request.id },
            { email: link.email },
          );
        });
        return reply.status(202).send({ queued: true as const });
      },
    );

    app.get(
      '/api/respond/questionnaire',
      {
        config: { rateLimit: SESSION_LIMIT },
        schema: {
          tags: ['respond'],
          summary: "The respondent's questionnaire (only their request, or the one item forwarded to them)",
          response: { 200: Questionnaire },
        },
      },
      async (req) => questionnaire(deps, await respondent(deps, req)),
    );

    app.put(
      '/api/respond/answers/:ref',
      {
        config: { skipCsrf: true, rateLimit: SESSION_LIMIT },
        schema: {
          tags: ['respond'],
          summary: 'Save one answer and its follow-up (reason, planned date) — a draft until submitted',
          params: z.strictObject({ ref: z.string().min(1).max(200) }),
          body: z.strictObject({ value: AnswerValue.nullable(), followUp: FollowUp }),
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await saveRespondAnswer(deps, await respondent(deps, req), req.params.ref, req.body, req.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/respond/forward',
      {
        config: { skipCsrf: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: ['respond'],
          summary:
            'Forward the questionnaire or one item to a colleague: a link of their own is mailed; audited',
          body: z.strictObject({
            email: Email,
            name: z.string().trim().max(100).nullable(),
            ref: z.string().min(1).max(200).nullable(),
          }),
          response: { 202: z.object({ queued: z.literal(true) }) },
        },
      },
      async (req, reply) => {
        await forward(deps, await respondent(deps, req), req.body, req.id);
        return reply.status(202).send({ queued: true as const });
      },
    );

    app.post(
      '/api/respond/evidence',
      {
        config: { skipCsrf: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['respond'],
          summary:
            'Attach evidence to an item (multipart: `ref`, then `file`; PDF, images, Office files or text judged from the content; 10 MB; 5 per item; SHA-256 kept)',
          consumes: ['multipart/form-data'],
        },
      },
      async (req, reply) => {
        const r = await respondent(deps, req);
        if (!req.isMultipart()) return fail('unsupported_media_type');
        let ref: string | undefined;
        let file: { name: string; data: Buffer } | undefined;
        for await (const part of req.parts({
          limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 2, fieldSize: 1024 },
        })) {
          if (part.type === 'file') {
            try {
              file = { name: part.filename || 'evidence', data: await part.toBuffer() };
            } catch (err) {
              if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
                return fail('evidence_refused', [{ in: 'body', pointer: '/file', message: 'too_large' }]);
              throw err;
            }
          } else if (part.fieldname === 'ref') ref = String(part.value);
        }
        if (!ref) return fail('validation_failed', [{ in: 'body', pointer: '/ref' }]);
        if (!file) return fail('validation_failed', [{ in: 'body', pointer: '/file' }]);
        return reply.status(201).send({ evidence: await addEvidence(deps, r, ref, file, req.id) });
      },
    );

    app.post(
      '/api/respond/submit',
      {
        config: { skipCsrf: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: ['respond'],
          summary:
            'Submit the questionnaire (refused with the located items still unanswered or lacking a follow-up)',
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await submit(deps, await respondent(deps, req), req.id);
        return reply.status(204).send(null);
      },
    );
  };
}
