import { linkTokenHash, linkTokenShape } from '@shinrai/core/supplychain';
import { findCampaignRequest, findRespondLinkByHash, insertOutboxMails } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { write } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { Email } from '../../../platform/http/schemas.ts';
import { fail } from '../campaigns/errors.ts';
import { queueDelivery } from '../campaigns/service.ts';
import { addEvidence, forward, questionnaire, saveRespondAnswer, submit } from './service.ts';
import { openLink, respondent, respondentCtx } from './session.ts';
import { readEvidenceUpload } from './upload.ts';
import { applyReuse, offers } from '../inbox/reuse.ts';
import { ReuseBody, ReuseOffers, ReuseResult } from '../inbox/schemas.ts';
import { linkSources } from '../inbox/service.ts';

/** The respondent's routes: callable without an account (the link, then its session cookie, is the credential). */
export const RESPOND_PUBLIC_ROUTES = [
  'POST /api/respond/open',
  'POST /api/respond/relink',
  'GET /api/respond/questionnaire',
  'PUT /api/respond/answers/:ref',
  'POST /api/respond/forward',
  'POST /api/respond/evidence',
  'POST /api/respond/submit',
  'GET /api/respond/reuse',
  'POST /api/respond/reuse',
] as const;

const LINK_LIMIT = { max: 20, timeWindow: '1 minute' };
const SESSION_LIMIT = { max: 240, timeWindow: '1 minute' };
const Token = z.strictObject({ token: z.string().min(1).max(200) });
const TextPair = z.object({ ja: z.string(), en: z.string() });
export const AnswerValue = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('choice'), value: z.string().max(200) }),
  z.strictObject({ kind: z.literal('multiple'), values: z.array(z.string().max(200)).max(100) }),
  z.strictObject({ kind: z.literal('maturity'), level: z.number().int() }),
  z.strictObject({ kind: z.literal('number'), value: z.number() }),
  z.strictObject({ kind: z.literal('text'), value: z.string().max(4000) }),
  z.strictObject({ kind: z.literal('date'), value: z.string().max(10) }),
]);
/** What a respondent reads: a file question's answer is the count of its files (never sent by clients). */
const StoredAnswerValue = z.discriminatedUnion('kind', [
  ...AnswerValue.options,
  z.strictObject({ kind: z.literal('file'), files: z.number() }),
]);
export const FollowUp = z.strictObject({
  reason: z.string().max(2000).nullable(),
  plannedDate: z.string().max(10).nullable(),
});
export const RespondItemSchema = z.object({
  ref: z.string(),
  title: TextPair,
  description: TextPair.nullable(),
  group: TextPair.nullable(),
  kind: z.enum(['single', 'multiple', 'maturity', 'number', 'text', 'date', 'file']),
  options: z.array(z.object({ value: z.string(), label: TextPair })),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: TextPair.nullable(),
  notBefore: z.string().nullable(),
  notAfter: z.string().nullable(),
  value: StoredAnswerValue.nullable(),
  followUp: FollowUp,
  followUpNeeded: z.boolean(),
  state: z.enum(['open', 'returned', 'accepted']),
  returnNote: z.string().nullable(),
  editable: z.boolean(),
  evidence: z.array(z.object({ id: z.string(), name: z.string(), size: z.number(), sha256: z.string() })),
  reusedFrom: z
    .object({ type: z.enum(['request', 'assessment']), id: z.string(), label: z.string(), date: z.string() })
    .nullable(),
});
export const Questionnaire = z.object({
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
  items: z.array(RespondItemSchema),
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
        const { ref, file } = await readEvidenceUpload(req);
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

    app.get(
      '/api/respond/reuse',
      {
        config: { rateLimit: SESSION_LIMIT },
        schema: {
          tags: ['respond'],
          summary:
            "Earlier answers to start from: the same address's submitted answers to the same catalog for the same buyer (re-evaluation)",
          response: { 200: ReuseOffers },
        },
      },
      async (req) => {
        const r = await respondent(deps, req);
        return { items: await offers(deps, r, await linkSources(deps, r)) };
      },
    );

    app.post(
      '/api/respond/reuse',
      {
        config: { skipCsrf: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: ['respond'],
          summary:
            'Fill the chosen items from earlier answers after confirming (consent audited with the source)',
          body: ReuseBody,
          response: { 200: ReuseResult },
        },
      },
      async (req) => {
        const r = await respondent(deps, req);
        const source =
          (await linkSources(deps, r)).find((s) => s.type === req.body.type && s.id === req.body.id) ??
          fail('reuse_source_unknown');
        return applyReuse(deps, r, source, req.body.refs, req.id);
      },
    );
  };
}
