import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';
import { addComment, feed, feedItem, stixExport } from './feed-service.ts';
import type { SharingCtx } from './hub-service.ts';
import { decide, detail, list, publish, review, submit } from './report-service.ts';
import {
  IndicatorInput,
  Published,
  RedactionInput,
  ReportDetail,
  ReportInput,
  ReportSummary,
  Tlp,
} from './schemas.ts';

const tags = ['sharing'];
const ById = z.strictObject({ orgId: Id, id: Id });
const Revision = z.number().int().min(1);

/** Reports: submission, the analyst's review, the reporter's approval, publication; the members' feed. */
export function reportRoutes(deps: Deps): FastifyPluginAsyncZod {
  const ctx = (req: FastifyRequest): SharingCtx => ({ deps, access: orgAccess(req), requestId: req.id });
  return async (app) => {
    app.post(
      '/api/orgs/:orgId/sharing/hubs/:hubId/reports',
      {
        config: { permission: 'sharing.write' },
        schema: {
          tags,
          summary: 'Submit an attack report to a hub; the sanitizer proposes redactions at once',
          params: z.strictObject({ orgId: Id, hubId: Id }),
          body: ReportInput,
          response: { 201: z.object({ report: ReportDetail }) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send({ report: await submit(ctx(req), { hubOrgId: req.params.hubId, ...req.body }) }),
    );

    app.get(
      '/api/orgs/:orgId/sharing/reports',
      {
        config: { permission: 'sharing.read' },
        schema: {
          tags,
          summary: 'Reports received (as a hub) and submitted (as a member), newest first',
          params: z.strictObject({ orgId: Id }),
          response: {
            200: z.object({ received: z.array(ReportSummary), submitted: z.array(ReportSummary) }),
          },
        },
      },
      async (req) => list(ctx(req)),
    );

    app.get(
      '/api/orgs/:orgId/sharing/reports/:id',
      {
        config: { permission: 'sharing.read' },
        schema: {
          tags,
          summary:
            'A report with its text, redactions (and why), indicators and the text as it would be published',
          params: ById,
          response: { 200: z.object({ report: ReportDetail }) },
        },
      },
      async (req) => ({ report: await detail(ctx(req), req.params.id) }),
    );

    app.put(
      '/api/orgs/:orgId/sharing/reports/:id/review',
      {
        config: { permission: 'sharing.review' },
        schema: {
          tags,
          summary:
            'The hub’s analyst sets the title, redactions and indicators; the reporter is then asked to approve',
          params: ById,
          body: z.strictObject({
            revision: Revision,
            publishedTitle: z.string().trim().min(1).max(200),
            redactions: z.array(RedactionInput).max(5000),
            indicators: z.array(IndicatorInput).max(500),
          }),
          response: { 200: z.object({ report: ReportDetail }) },
        },
      },
      async (req) => ({ report: await review(ctx(req), req.params.id, req.body) }),
    );

    app.post(
      '/api/orgs/:orgId/sharing/reports/:id/decision',
      {
        config: { permission: 'sharing.review' },
        schema: {
          tags,
          summary: 'The reporter approves the exact text of a revision, or asks for changes',
          params: ById,
          body: z.strictObject({
            revision: Revision,
            approve: z.boolean(),
            note: z.string().trim().max(2000).optional(),
          }),
          response: { 200: z.object({ report: ReportDetail }) },
        },
      },
      async (req) => ({ report: await decide(ctx(req), req.params.id, req.body) }),
    );

    app.post(
      '/api/orgs/:orgId/sharing/reports/:id/publish',
      {
        config: { permission: 'sharing.review' },
        schema: {
          tags,
          summary: 'Publish an approved revision with a TLP 2.0 level to sector groups (none: all members)',
          params: ById,
          body: z.strictObject({ revision: Revision, tlp: Tlp, groupIds: z.array(Id).max(100).default([]) }),
          response: { 200: z.object({ report: ReportDetail }) },
        },
      },
      async (req) => ({ report: await publish(ctx(req), req.params.id, req.body) }),
    );

    app.get(
      '/api/orgs/:orgId/sharing/feed',
      {
        config: { permission: 'sharing.read' },
        schema: {
          tags,
          summary: 'Published reports this organization may read (by TLP and sector group), newest first',
          params: z.strictObject({ orgId: Id }),
          response: { 200: z.object({ items: z.array(Published) }) },
        },
      },
      async (req) => ({ items: await feed(ctx(req)) }),
    );

    app.get(
      '/api/orgs/:orgId/sharing/feed/:id',
      {
        config: { permission: 'sharing.read' },
        schema: {
          tags,
          summary: 'One published report with its sightings and comments',
          params: ById,
          response: { 200: z.object({ report: Published }) },
        },
      },
      async (req) => ({ report: await feedItem(ctx(req), req.params.id) }),
    );

    app.get(
      '/api/orgs/:orgId/sharing/feed/:id/stix',
      {
        config: { permission: 'sharing.read' },
        schema: {
          tags,
          summary:
            'A published report as a STIX 2.1 bundle (TLP 2.0 marking of the OASIS extension; the hub is the author)',
          params: ById,
          response: {
            200: z.object({
              type: z.literal('bundle'),
              id: z.string(),
              objects: z.array(z.record(z.string(), z.unknown())),
            }),
          },
        },
      },
      async (req, reply) => {
        const bundle = await stixExport(ctx(req), req.params.id);
        void reply.header('content-disposition', `attachment; filename="${req.params.id}.stix.json"`);
        return bundle;
      },
    );

    app.post(
      '/api/orgs/:orgId/sharing/feed/:id/comments',
      {
        config: { permission: 'sharing.write' },
        schema: {
          tags,
          summary: 'Add a sighting or a comment to a published report',
          params: ById,
          body: z.strictObject({
            kind: z.enum(['sighting', 'comment']),
            text: z.string().trim().min(1).max(4000),
          }),
          response: { 201: z.object({ report: Published }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send({ report: await addComment(ctx(req), req.params.id, req.body) }),
    );
  };
}
