import { parseFeedSchedule } from '@shinrai/core';
import { findFeedSource, findJob, listFeedSources } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { actorOf } from '../../../platform/http/access.ts';
import { fail } from '../../../platform/http/errors.ts';
import { orgAccess } from '../../../platform/http/principal.ts';
import { Id, Job } from '../../../platform/http/schemas.ts';
import { jobView } from '../../../platform/services/views-job.ts';
import { defaultSchedule, scheduleOf } from './schedule.ts';
import { createFeedSource, editFeedSource, queueFeedRunNow } from './service.ts';
import { FeedSourceView, feedSourceView } from './views.ts';

const Schedule = z.string().max(20).describe('`every:<N>h` (1–168) or `daily:HH:MM` (Japan time)');

/** A feed source: instance-wide content shared by every organization (not one organization's resource). */
const SourceId = Id.meta({ examples: ['00000000-0000-4000-8000-000000000000'] });

const SourceBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine(
      (v) => ![...v].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f),
      'control character',
    ),
  kind: z.enum(['folder', 'http']),
  /** http: the URL of an OSV all.zip (or a mirror); folder: a folder under the server's feed folder. */
  location: z.string().trim().min(1).max(2000),
  ecosystem: z.string().trim().min(1).max(100),
  enabled: z.boolean().default(true),
  schedule: Schedule.nullable().default(null),
});

const isInstanceAdmin = (req: FastifyRequest) =>
  req.principal?.kind === 'user' && req.principal.user.is_instance_admin === 1;

const SUMMARY_ADMIN = 'Instance administrators only (403 for anyone else); audited in the instance chain.';

/**
 * The scheduled advisory feed: sources (a folder on the server, or an HTTP(S) URL of an OSV all.zip),
 * their schedules and the status of their runs. Everyone in an organization reads the status (the age of
 * each source); only instance administrators configure sources or ask for a run, and they alone see
 * locations and error details (URLs and server folders).
 */
export function advisoryFeedRoutes(deps: Deps): FastifyPluginAsyncZod {
  const view = (row: Parameters<typeof feedSourceView>[0], admin: boolean) => {
    const parsed = scheduleOf(deps, row);
    const text =
      row.schedule !== null && parseFeedSchedule(row.schedule) ? row.schedule : defaultSchedule(deps);
    return feedSourceView(row, { text, parsed }, deps.now(), admin);
  };
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/software/advisories/feed',
      {
        config: { permission: 'advisories.read' },
        schema: {
          tags: ['software'],
          summary:
            'Advisory feed: the sources, their schedules, the age of their data, the counts and the error of their last run',
          params: z.strictObject({ orgId: Id }),
          response: {
            200: z.object({
              defaultSchedule: z.string(),
              canManage: z.boolean(),
              sources: z.array(FeedSourceView),
            }),
          },
        },
      },
      async (req) => {
        const admin = isInstanceAdmin(req);
        const rows = await listFeedSources(deps.store.db);
        return {
          defaultSchedule: defaultSchedule(deps),
          canManage: admin,
          sources: rows.map((r) => view(r, admin)),
        };
      },
    );

    app.post(
      '/api/orgs/:orgId/software/advisories/feed/sources',
      {
        config: { permission: 'advisories.manage', instanceAdmin: true },
        schema: {
          tags: ['software'],
          summary: `Add an advisory feed source; its first run is queued at its schedule's next time. ${SUMMARY_ADMIN}`,
          params: z.strictObject({ orgId: Id }),
          body: SourceBody,
          response: { 201: z.object({ source: FeedSourceView }) },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const id = await createFeedSource(deps, actorOf(access, req.id), req.body);
        const row = (await findFeedSource(deps.store.db, id)) ?? fail('internal');
        return reply.status(201).send({ source: view(row, true) });
      },
    );

    app.patch(
      '/api/orgs/:orgId/software/advisories/feed/sources/:sourceId',
      {
        config: { permission: 'advisories.manage', instanceAdmin: true },
        schema: {
          tags: ['software'],
          summary: `Change an advisory feed source (enabled: false stops its schedule). ${SUMMARY_ADMIN}`,
          params: z.strictObject({ orgId: Id, sourceId: SourceId }),
          body: SourceBody,
          response: { 200: z.object({ source: FeedSourceView }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        await editFeedSource(deps, actorOf(access, req.id), req.params.sourceId, req.body);
        const row = (await findFeedSource(deps.store.db, req.params.sourceId)) ?? fail('not_found');
        return { source: view(row, true) };
      },
    );

    app.post(
      '/api/orgs/:orgId/software/advisories/feed/sources/:sourceId/run',
      {
        config: { permission: 'advisories.manage', instanceAdmin: true },
        schema: {
          tags: ['software'],
          summary: `Run an advisory feed source now, as a job (follow GET /api/orgs/{orgId}/jobs/{jobId}); a run already going on is not doubled. ${SUMMARY_ADMIN}`,
          params: z.strictObject({ orgId: Id, sourceId: SourceId }),
          response: { 202: z.object({ job: Job }) },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const jobId = await queueFeedRunNow(deps, actorOf(access, req.id), access.orgId, req.params.sourceId);
        const job = (await findJob(deps.store.db, access.orgId, jobId)) ?? fail('internal');
        return reply.status(202).send({ job: jobView(job) });
      },
    );
  };
}
