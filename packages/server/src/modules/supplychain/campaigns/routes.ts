import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ShownStarResult } from '../star-results/schemas.ts';
import { ctxOf } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { Id } from '../../../platform/http/schemas.ts';
import { findCampaignEvidence, listCampaignRecipients, listSuppliers } from '@shinrai/store';
import { fail } from './errors.ts';
import {
  acceptItem,
  acceptRequest,
  campaignDetail,
  campaignList,
  requestDetail,
  returnItem,
} from './review.ts';
import { checkCampaign, MAIL_LANGUAGES, sendCampaign } from './service.ts';

const TextPair = z.object({ ja: z.string(), en: z.string() });
const CampaignBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  catalogId: Id,
  tier: z.string().max(64).nullable().optional(),
  deadline: z.iso.date(),
  linkDays: z.number().int().min(1).max(90).optional(),
  message: z.string().trim().max(2000).nullable().optional(),
  supplierIds: z.array(Id).max(10_000),
  /** The language of the mails to respondents: Japanese then English (default), Japanese only, English only. */
  mailLanguage: z.enum(MAIL_LANGUAGES).optional(),
});
const Check = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  supplierId: z.string().optional(),
  subject: z.string().optional(),
});
const Request = z.object({
  id: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  status: z.string(),
  openedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  reminders: z.array(z.number()),
  escalatedAt: z.string().nullable(),
});
const Value = z.unknown();
const OrgParams = z.strictObject({ orgId: Id });
const CampaignParams = z.strictObject({ orgId: Id, campaignId: Id });
const RequestParams = z.strictObject({ orgId: Id, requestId: Id });
const ItemParams = z.strictObject({ orgId: Id, requestId: Id, ref: z.string().min(1).max(200) });

/** The buyer's side of campaigns: check, send, follow, review (return, accept). */
export function campaignRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/supplychain/campaigns',
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Questionnaire campaigns, newest first, with how many suppliers submitted and were accepted',
          params: OrgParams,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  title: z.string(),
                  deadline: z.string(),
                  status: z.string(),
                  sentAt: z.string().nullable(),
                  requests: z.number(),
                  submitted: z.number(),
                  accepted: z.number(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => ({ items: await campaignList(ctxOf(deps, req)) }),
    );

    app.get(
      '/api/orgs/:orgId/supplychain/campaigns/recipients',
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Direct (tier 1) suppliers a campaign can ask, each with its contacts (to pick from and to see who has none)',
          params: OrgParams,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  name: z.string(),
                  criticality: z.string(),
                  contacts: z.array(z.object({ email: z.string(), name: z.string() })),
                }),
              ),
            }),
          },
        },
      },
      async (req) => {
        const suppliers = (await listSuppliers(deps.store.db, req.params.orgId)).filter((s) => s.tier === 1);
        const recipients = new Map(
          (
            await listCampaignRecipients(
              deps.store.db,
              req.params.orgId,
              suppliers.map((s) => s.id),
            )
          ).map((r) => [r.id, r]),
        );
        return {
          items: suppliers.map((s) => ({
            id: s.id,
            name: s.name,
            criticality: s.criticality,
            contacts: (recipients.get(s.id)?.contacts ?? []).map((c) => ({ email: c.email, name: c.name })),
          })),
        };
      },
    );

    app.post(
      '/api/orgs/:orgId/supplychain/campaigns/check',
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Pre-send check: what would stop a respondent (mail, catalog, contacts, link policy), with fixes',
          params: OrgParams,
          body: CampaignBody,
          response: { 200: z.object({ ok: z.boolean(), checks: z.array(Check) }) },
        },
      },
      async (req) => {
        const checks = await checkCampaign(ctxOf(deps, req), req.body);
        return { ok: !checks.some((c) => c.severity === 'error'), checks };
      },
    );

    app.post(
      '/api/orgs/:orgId/supplychain/campaigns',
      {
        config: { permission: 'supplychain.write' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Create and send a campaign: one request per supplier, one mail per contact queued in the outbox (409 with the checks when not ready)',
          params: OrgParams,
          body: CampaignBody,
          response: { 201: z.object({ id: z.string(), requests: z.number(), mails: z.number() }) },
        },
      },
      async (req, reply) => {
        const r = await sendCampaign(ctxOf(deps, req), req.body);
        return reply.status(201).send({ id: r.campaign.id, requests: r.requests, mails: r.mails });
      },
    );

    app.get(
      '/api/orgs/:orgId/supplychain/campaigns/:campaignId',
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary: 'A campaign and its requests (status per supplier, reminders, escalation)',
          params: CampaignParams,
          response: {
            200: z.object({
              campaign: z.object({
                id: z.string(),
                title: z.string(),
                deadline: z.string(),
                status: z.string(),
                sentAt: z.string().nullable(),
                catalogId: z.string(),
                linkDays: z.number(),
                mailLanguage: z.enum(MAIL_LANGUAGES),
              }),
              requests: z.array(Request),
            }),
          },
        },
      },
      async (req) => campaignDetail(ctxOf(deps, req), req.params.campaignId),
    );

    app.get(
      '/api/orgs/:orgId/supplychain/requests/:requestId',
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary: "One supplier's answers for review: value, follow-up, state and evidence per item",
          params: RequestParams,
          response: {
            200: z.object({
              request: Request,
              campaign: z.object({ id: z.string(), title: z.string(), deadline: z.string() }),
              declaration: z
                .object({
                  level: z.enum(['star1', 'star2']),
                  declarationId: z.string(),
                  declaredOn: z.string(),
                })
                .nullable(),
              starResult: ShownStarResult.extend({
                attachedAt: z.string(),
                correctedAt: z.string().nullable(),
              }).nullable(),
              assessmentId: z.string().nullable(),
              items: z.array(
                z.object({
                  ref: z.string(),
                  title: TextPair,
                  value: Value,
                  answerLabel: TextPair.nullable(),
                  followUp: z.object({ reason: z.string().nullable(), plannedDate: z.string().nullable() }),
                  state: z.string(),
                  returnNote: z.string().nullable(),
                  returnedAt: z.string().nullable(),
                  reusedFrom: z
                    .object({ type: z.enum(['request', 'assessment']), label: z.string(), date: z.string() })
                    .nullable(),
                  evidence: z.array(
                    z.object({
                      id: z.string(),
                      name: z.string(),
                      size: z.number(),
                      sha256: z.string(),
                      contentType: z.string(),
                    }),
                  ),
                }),
              ),
            }),
          },
        },
      },
      async (req) => requestDetail(ctxOf(deps, req), req.params.requestId),
    );

    app.post(
      '/api/orgs/:orgId/supplychain/requests/:requestId/items/:ref/return',
      {
        config: { permission: 'supplychain.review' },
        schema: {
          tags: ['supplychain'],
          summary:
            'Send one submitted item back for clarification with a note (the respondents are mailed a fresh link)',
          params: ItemParams,
          body: z.strictObject({ note: z.string().trim().min(1).max(2000) }),
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await returnItem(ctxOf(deps, req), req.params.requestId, req.params.ref, req.body.note);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/orgs/:orgId/supplychain/requests/:requestId/items/:ref/accept',
      {
        config: { permission: 'supplychain.review' },
        schema: {
          tags: ['supplychain'],
          summary: 'Accept one item of a submitted answer (locks it)',
          params: ItemParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await acceptItem(ctxOf(deps, req), req.params.requestId, req.params.ref);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/orgs/:orgId/supplychain/requests/:requestId/accept',
      {
        config: { permission: 'supplychain.review' },
        schema: {
          tags: ['supplychain'],
          summary:
            "Accept a submitted answer as a whole (locks every item; the supplier's status becomes known)",
          params: RequestParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await acceptRequest(ctxOf(deps, req), req.params.requestId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/orgs/:orgId/supplychain/files/:fileId',
      {
        config: { permission: 'supplychain.read' },
        schema: {
          tags: ['supplychain'],
          summary: 'Download an evidence file a supplier attached (SHA-256 in x-content-sha256)',
          params: z.strictObject({ orgId: Id, fileId: Id }),
          produces: ['application/octet-stream'],
        },
      },
      async (req, reply) => {
        const e =
          (await findCampaignEvidence(deps.store.db, req.params.orgId, req.params.fileId)) ??
          fail('not_found');
        return reply
          .header('content-type', e.content_type)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(e.name)}`)
          .header('x-content-sha256', e.sha256)
          .send(await deps.files.open(e.file_key));
      },
    );
  };
}
