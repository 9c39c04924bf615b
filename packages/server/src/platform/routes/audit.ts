import { enqueueJob, findJob, listAudit, auditChainBatch, type AuditView } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/access.ts';
import { fail } from '../http/errors.ts';
import { orgAccess } from '../http/principal.ts';
import { AuditEntry, Id, Job, page, PageQuery } from '../http/schemas.ts';
import { auditObjectNames } from '../services/audit-names.ts';
import { audit } from '../services/audit-trail.ts';
import { csvRow } from '../http/csv.ts';
import { jobView } from '../services/views-job.ts';

function entryView(a: AuditView, objectName: string | null = null) {
  return {
    seq: Number(a.seq),
    at: a.at,
    actor:
      a.actor_user_id || a.actor_token_id
        ? { userId: a.actor_user_id, email: a.actor_email, tokenId: a.actor_token_id }
        : null,
    action: a.action,
    targetType: a.target_type,
    targetId: a.target_id,
    requestId: a.request_id,
    objectName,
    details: JSON.parse(a.details) as unknown,
  };
}

const CSV_HEADER = [
  'seq',
  'at',
  'actor_user_id',
  'actor_email',
  'actor_token_id',
  'action',
  'target_type',
  'target_id',
  'request_id',
  'details',
  'prev_hash',
  'hash',
];

export function auditRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/audit',
      {
        config: { permission: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'Audit log of the organization (newest first)',
          params: z.strictObject({ orgId: Id }),
          querystring: PageQuery,
          response: { 200: page(AuditEntry) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const p = await listAudit(deps.store.db, access.orgId, req.query.cursor ?? null, req.query.limit);
        if (p === null) return fail('bad_request', { pointer: '/cursor' });
        const entries = p.items.map((a) => entryView(a));
        const names = await auditObjectNames(deps, access.orgId, entries);
        return {
          items: entries.map((e, i) => ({ ...e, objectName: names[i] ?? null })),
          nextCursor: p.nextCursor,
        };
      },
    );

    app.get(
      '/api/orgs/:orgId/audit.csv',
      {
        config: { permission: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'The whole audit log as CSV (UTF-8 with BOM, oldest first, with hashes)',
          params: z.strictObject({ orgId: Id }),
          response: { 200: z.string().describe('text/csv') },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const lines: string[] = ['\uFEFF' + csvRow(CSV_HEADER)];
        const emails = new Map<string, string>();
        let after = 0;
        for (;;) {
          const batch = await auditChainBatch(deps.store.db, access.orgId, after, 1000);
          if (batch.length === 0) break;
          const ids = [
            ...new Set(
              batch.map((e) => e.actorUserId).filter((x): x is string => x !== null && !emails.has(x)),
            ),
          ];
          if (ids.length > 0) {
            const rows = await deps.store.db
              .selectFrom('users')
              .select(['id', 'email'])
              .where('id', 'in', ids)
              .execute();
            for (const r of rows) emails.set(r.id, r.email);
          }
          for (const e of batch) {
            lines.push(
              csvRow([
                String(e.seq),
                e.at,
                e.actorUserId ?? '',
                e.actorUserId ? (emails.get(e.actorUserId) ?? '') : '',
                e.actorTokenId ?? '',
                e.action,
                e.targetType ?? '',
                e.targetId ?? '',
                e.requestId ?? '',
                e.details,
                e.prevHash,
                e.hash,
              ]),
            );
          }
          after = batch[batch.length - 1]?.seq ?? after;
        }
        const date = deps.now().toISOString().slice(0, 10);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="shinrai-audit-${date}.csv"`)
          .send(lines.join('\r\n') + '\r\n');
      },
    );

    app.post(
      '/api/orgs/:orgId/audit/verify',
      {
        config: { permission: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'Start a background check of the audit hash chain',
          params: z.strictObject({ orgId: Id }),
          response: { 202: z.object({ job: Job }) },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const id = randomUUID();
        await deps.store.db.transaction().execute(async (trx) => {
          await enqueueJob(trx, {
            id,
            orgId: access.orgId,
            kind: 'audit.verify',
            payload: {},
            maxAttempts: 3,
            now: deps.now().toISOString(),
          });
          await audit(deps, trx, actorOf(access, req.id), access.orgId, 'audit.verify_start', {
            type: 'job',
            id,
          });
        });
        const job = await findJob(deps.store.db, access.orgId, id);
        return reply.status(202).send({ job: jobView(job ?? fail('internal')) });
      },
    );

    app.get(
      '/api/orgs/:orgId/jobs/:jobId',
      {
        config: { permission: 'jobs.read' },
        schema: {
          tags: ['jobs'],
          summary: 'A background job and its progress',
          params: z.strictObject({ orgId: Id, jobId: Id }),
          response: { 200: z.object({ job: Job }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const job = await findJob(deps.store.db, access.orgId, req.params.jobId);
        return { job: jobView(job ?? fail('not_found')) };
      },
    );
  };
}
