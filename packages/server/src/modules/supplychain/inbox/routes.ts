import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { Id } from '../../../platform/http/schemas.ts';
import { fail } from '../campaigns/errors.ts';
import { AnswerValue, FollowUp, Questionnaire } from '../respond/routes.ts';
import { addEvidence, questionnaire, saveRespondAnswer, submit } from '../respond/service.ts';
import { readEvidenceUpload } from '../respond/upload.ts';
import { inboxForward } from './forward.ts';
import { applyReuse, offers } from './reuse.ts';
import { Confirm, InboxList, ReuseBody, ReuseOffers, ReuseResult } from './schemas.ts';
import {
  attachDeclaration,
  declarationOffer,
  inboxList,
  inboxRespondent,
  inboxSources,
  startedRespondent,
} from './service.ts';

const OrgParams = z.strictObject({ orgId: Id });
const RequestParams = z.strictObject({ orgId: Id, requestId: Id });
const ItemParams = z.strictObject({ orgId: Id, requestId: Id, ref: z.string().min(1).max(200) });
const INBOX = '/api/orgs/:orgId/supplychain/inbox';

/**
 * The supplier's side on Shinrai (回答依頼): every buyer's request addressed to the organization, answered
 * from its own account through the respond services (the same answers a mailed link would write).
 */
export function inboxRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      INBOX,
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary: "Every buyer's questionnaire request addressed to this organization (its inbox)",
          params: OrgParams,
          response: { 200: InboxList },
        },
      },
      async (req) => inboxList(ctxOf(deps, req)),
    );

    app.get(
      `${INBOX}/:requestId`,
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary:
            'One request of the inbox as its questionnaire (only requests addressed to this organization)',
          params: RequestParams,
          response: { 200: Questionnaire },
        },
      },
      async (req) => {
        const ctx = ctxOf(deps, req);
        return questionnaire(deps, await inboxRespondent(ctx, req.params.requestId));
      },
    );

    app.put(
      `${INBOX}/:requestId/answers/:ref`,
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary: 'Save one answer and its follow-up in a request of the inbox (a draft until submitted)',
          params: ItemParams,
          body: z.strictObject({ value: AnswerValue.nullable(), followUp: FollowUp }),
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const r = await startedRespondent(ctxOf(deps, req), req.params.requestId);
        await saveRespondAnswer(deps, r, req.params.ref, req.body, req.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${INBOX}/:requestId/evidence`,
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary: 'Attach evidence to an item of a request of the inbox (multipart: `ref`, then `file`)',
          params: RequestParams,
          consumes: ['multipart/form-data'],
        },
      },
      async (req, reply) => {
        const r = await startedRespondent(ctxOf(deps, req), req.params.requestId);
        const { ref, file } = await readEvidenceUpload(req);
        return reply.status(201).send({ evidence: await addEvidence(deps, r, ref, file, req.id) });
      },
    );

    app.post(
      `${INBOX}/:requestId/submit`,
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary: 'Submit a request of the inbox (refused with the located items still unanswered)',
          params: RequestParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const r = await startedRespondent(ctxOf(deps, req), req.params.requestId);
        await submit(deps, r, req.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${INBOX}/:requestId/forward`,
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Forward a request of the inbox (or one item) to a colleague of this organization who may answer: mailed a link to the inbox; audited in both logs',
          params: RequestParams,
          body: z.strictObject({
            userId: Id,
            ref: z.string().min(1).max(200).nullable(),
            note: z.string().trim().max(500).nullable(),
          }),
          response: { 202: z.object({ queued: z.literal(true) }) },
        },
      },
      async (req, reply) => {
        await inboxForward(ctxOf(deps, req), req.params.requestId, req.body);
        return reply.status(202).send({ queued: true as const });
      },
    );

    app.get(
      `${INBOX}/:requestId/reuse`,
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Earlier answers this organization may reuse for the request: its answers to the same catalog for other buyers, its own assessment',
          params: RequestParams,
          response: { 200: ReuseOffers },
        },
      },
      async (req) => {
        const ctx = ctxOf(deps, req);
        const r = await inboxRespondent(ctx, req.params.requestId);
        return {
          items: await offers(deps, r, await inboxSources(ctx, r)),
          declaration: await declarationOffer(ctx, r),
        };
      },
    );

    app.post(
      `${INBOX}/:requestId/reuse`,
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Reuse earlier answers for the chosen items after confirming (consent audited with the source ids; marked for the buyer)',
          params: RequestParams,
          body: ReuseBody,
          response: { 200: ReuseResult },
        },
      },
      async (req) => {
        const ctx = ctxOf(deps, req);
        const r = await startedRespondent(ctx, req.params.requestId);
        const source =
          (await inboxSources(ctx, r)).find((s) => s.type === req.body.type && s.id === req.body.id) ??
          fail('reuse_source_unknown');
        return applyReuse(deps, r, source, req.body.refs, req.id);
      },
    );

    app.post(
      `${INBOX}/:requestId/declaration`,
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary:
            "Attach the organization's latest SECURITY ACTION declaration to the request after confirming (audited; shown to the buyer)",
          params: RequestParams,
          body: Confirm,
          response: { 200: z.object({ attached: z.literal(true) }) },
        },
      },
      async (req) => {
        await attachDeclaration(ctxOf(deps, req), req.params.requestId);
        return { attached: true as const };
      },
    );
  };
}
