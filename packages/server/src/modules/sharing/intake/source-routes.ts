import {
  deleteIntakeSource,
  findIntakeSource,
  insertIntakeSource,
  listIntakeSources,
  updateIntakeSource,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ctxOf, write } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { fail } from '../../../platform/http/errors.ts';
import { orgAccess } from '../../../platform/http/principal.ts';
import { ErrorBody } from '../../../platform/http/schemas.ts';
import { taxiiNetOf } from './net.ts';
import { enqueuePull } from './pull.ts';
import { P, Source, SourceInput, tags } from './schemas.ts';
import { taxiiUrlProblem } from './taxii-fetch.ts';
import { sourceView } from './views.ts';

const Params = z.strictObject({ orgId: z.string().min(1).max(64) });
const SourceParams = Params.extend({ sourceId: z.string().min(1).max(64) });

/** TAXII 2.1 sources an organization pulls from: configuration (owners and admins), state, "pull now". */
export function intakeSourceRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.store.db;
  const requireSource = async (orgId: string, id: string) => {
    const s = await findIntakeSource(db, id);
    return s && s.org_id === orgId ? s : fail('not_found');
  };
  const checkUrl = (url: string) => {
    const problem = taxiiUrlProblem(url, taxiiNetOf(deps));
    if (problem !== null) fail('validation_failed', [{ in: 'body', pointer: '/apiRootUrl', code: problem }]);
  };
  return async (app) => {
    app.get(
      `${P}/sources`,
      {
        config: { permission: 'sharing.read' },
        schema: {
          tags,
          summary:
            "This organization's TAXII 2.1 sources: where, how often, checkpoint, last error and failures in a row (secrets never shown)",
          params: Params,
          response: { 200: z.object({ sources: z.array(Source) }) },
        },
      },
      async (req) => ({ sources: (await listIntakeSources(db, orgAccess(req).orgId)).map(sourceView) }),
    );

    app.post(
      `${P}/sources`,
      {
        config: { permission: 'sharing.manage' },
        schema: {
          tags,
          summary:
            'Add a TAXII 2.1 source (API root URL, https only, public addresses only; collection id; Bearer token or Basic user/password; interval in minutes). Its first pull is queued at once.',
          params: Params,
          body: SourceInput,
          response: { 201: z.object({ source: Source }), 400: ErrorBody },
        },
      },
      async (req, reply) => {
        const b = req.body;
        checkUrl(b.apiRootUrl);
        const ctx = ctxOf(deps, req);
        const now = ctx.now.toISOString();
        const id = randomUUID();
        const row = {
          id,
          org_id: ctx.orgId,
          name: b.name,
          api_root_url: b.apiRootUrl,
          collection_id: b.collectionId,
          auth_kind: b.authKind,
          username: b.authKind === 'basic' ? (b.username ?? null) : null,
          secret: b.authKind === 'none' ? null : (b.secret ?? null),
          interval_minutes: b.intervalMinutes,
          enabled: b.enabled ? 1 : 0,
          checkpoint: null,
          next_run_at: b.enabled ? now : null,
          failures: 0,
          last_error: null,
          last_attempt_at: null,
          last_success_at: null,
          created_at: now,
          updated_at: now,
        };
        await write(ctx, async (tx) => {
          await insertIntakeSource(tx.trx, row);
          if (row.next_run_at) await enqueuePull(tx.trx, row, row.next_run_at, now);
          await tx.audit(
            'sharing.intake.source_add',
            { type: 'sharing_intake_source', id },
            { name: b.name, apiRootUrl: b.apiRootUrl, collectionId: b.collectionId, authKind: b.authKind },
          );
        });
        return reply.status(201).send({ source: sourceView(row) });
      },
    );

    app.put(
      `${P}/sources/:sourceId`,
      {
        config: { permission: 'sharing.manage' },
        schema: {
          tags,
          summary:
            'Change a TAXII source (`secret` omitted: kept). A new URL or collection starts again from no checkpoint.',
          params: SourceParams,
          body: SourceInput,
          response: { 200: z.object({ source: Source }), 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (req) => {
        const b = req.body;
        const ctx = ctxOf(deps, req);
        const before = await requireSource(ctx.orgId, req.params.sourceId);
        checkUrl(b.apiRootUrl);
        const now = ctx.now.toISOString();
        const moved = before.api_root_url !== b.apiRootUrl || before.collection_id !== b.collectionId;
        const patch = {
          name: b.name,
          api_root_url: b.apiRootUrl,
          collection_id: b.collectionId,
          auth_kind: b.authKind,
          username: b.authKind === 'basic' ? (b.username ?? null) : null,
          secret: b.authKind === 'none' ? null : b.secret === undefined ? before.secret : b.secret,
          interval_minutes: b.intervalMinutes,
          enabled: b.enabled ? 1 : 0,
          checkpoint: moved ? null : before.checkpoint,
          next_run_at: b.enabled ? (before.next_run_at ?? now) : null,
          updated_at: now,
        };
        await write(ctx, async (tx) => {
          await updateIntakeSource(tx.trx, before.id, patch);
          if (patch.next_run_at) await enqueuePull(tx.trx, before, patch.next_run_at, now);
          await tx.audit(
            'sharing.intake.source_change',
            { type: 'sharing_intake_source', id: before.id },
            {
              name: b.name,
              apiRootUrl: b.apiRootUrl,
              collectionId: b.collectionId,
              authKind: b.authKind,
              secretChanged: b.secret !== undefined,
              enabled: b.enabled,
            },
          );
        });
        return { source: sourceView({ ...before, ...patch }) };
      },
    );

    app.delete(
      `${P}/sources/:sourceId`,
      {
        config: { permission: 'sharing.manage' },
        schema: {
          tags,
          summary: 'Remove a TAXII source (what it imported stays)',
          params: SourceParams,
          response: { 204: z.null(), 404: ErrorBody },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(deps, req);
        const s = await requireSource(ctx.orgId, req.params.sourceId);
        await write(ctx, async (tx) => {
          await deleteIntakeSource(tx.trx, s.id);
          await tx.audit(
            'sharing.intake.source_remove',
            { type: 'sharing_intake_source', id: s.id },
            { name: s.name },
          );
        });
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${P}/sources/:sourceId/pull`,
      {
        config: { permission: 'sharing.write' },
        schema: {
          tags,
          summary: 'Pull a TAXII source now (queued for the job worker; the source shows the outcome)',
          params: SourceParams,
          response: { 202: z.object({ source: Source }), 404: ErrorBody },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(deps, req);
        const s = await requireSource(ctx.orgId, req.params.sourceId);
        const now = ctx.now.toISOString();
        await write(ctx, async (tx) => {
          await enqueuePull(tx.trx, s, now, now, ctx.actor.userId);
          await tx.audit(
            'sharing.intake.pull_requested',
            { type: 'sharing_intake_source', id: s.id },
            { name: s.name },
          );
        });
        return reply.status(202).send({ source: sourceView(s) });
      },
    );
  };
}
