import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { Job } from '../../platform/http/schemas.ts';
import { jobView } from '../../platform/services/views-job.ts';
import {
  createAction,
  deleteAction,
  listActions,
  startOverdueReminders,
  updateAction,
  type GovernanceCtx,
} from './edit-service.ts';
import {
  Action,
  ActionInput,
  ActionParams,
  ActionPatch,
  ActionStatus,
  Directive,
  OrgOnly,
} from './schemas.ts';

/** PDCA action items (改善アクション) per directive and the overdue reminders. */
export function governanceActionRoutes(deps: Deps): FastifyPluginAsyncZod {
  const ctx = (req: FastifyRequest): GovernanceCtx => ({ deps, access: orgAccess(req), requestId: req.id });

  return async (app) => {
    app.get(
      '/api/orgs/:orgId/governance/actions',
      {
        config: { permission: 'governance.read' },
        schema: {
          tags: ['governance'],
          summary:
            'PDCA action items by due date, with an overdue flag (open and past the due date in Japan)',
          params: OrgOnly,
          querystring: z.strictObject({
            directive: Directive.optional(),
            status: ActionStatus.optional(),
            lang: z.enum(['ja', 'en']).optional(),
          }),
          response: { 200: z.object({ items: z.array(Action) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return { items: await listActions(deps, access.orgId, req.query) };
      },
    );

    app.post(
      '/api/orgs/:orgId/governance/actions',
      {
        config: { permission: 'governance.write' },
        schema: {
          tags: ['governance'],
          summary:
            'Add an action item to a directive: title, owner (a member), due date, status, optional KPI (text, target, current)',
          params: OrgOnly,
          body: ActionInput,
          response: { 201: z.object({ action: Action }) },
        },
      },
      async (req, reply) => {
        const action = await createAction(ctx(req), req.body);
        return reply.status(201).send({ action });
      },
    );

    app.patch(
      '/api/orgs/:orgId/governance/actions/:actionId',
      {
        config: { permission: 'governance.write' },
        schema: {
          tags: ['governance'],
          summary: 'Change an action item (any field; kpi: null removes the KPI)',
          params: ActionParams,
          body: ActionPatch,
          response: { 200: z.object({ action: Action }) },
        },
      },
      async (req) => {
        return { action: await updateAction(ctx(req), { actionId: req.params.actionId, patch: req.body }) };
      },
    );

    app.delete(
      '/api/orgs/:orgId/governance/actions/:actionId',
      {
        config: { permission: 'governance.review' },
        schema: {
          tags: ['governance'],
          summary: 'Delete an action item (owner, admin); prefer status "cancelled" to keep the history',
          params: ActionParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await deleteAction(ctx(req), { actionId: req.params.actionId });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/orgs/:orgId/governance/reminders',
      {
        config: { permission: 'governance.review' },
        schema: {
          tags: ['governance'],
          summary:
            'Start a background job that e-mails the owners of overdue open action items (each action at most once a day)',
          params: OrgOnly,
          response: { 202: z.object({ job: Job }) },
        },
      },
      async (req, reply) => {
        const job = await startOverdueReminders(ctx(req));
        return reply.status(202).send({ job: jobView(job) });
      },
    );
  };
}
