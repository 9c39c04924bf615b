import {
  advisorySources,
  advisoryStatus,
  enqueueJob,
  findAdvisory,
  findAdvisoryImport,
  findJob,
  insertAdvisoryImport,
  recentAdvisoryImports,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { FileTooLarge, readHead, type StoredFile } from '../../platform/files/index.ts';
import { actorOf } from '../../platform/http/access.ts';
import { fail } from '../../platform/http/errors.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { ErrorBody, Id, Job } from '../../platform/http/schemas.ts';
import { audit } from '../../platform/services/audit-trail.ts';
import { jobView } from '../../platform/services/views-job.ts';
import { importRow } from './feed/import.ts';
import { ADVISORIES_IMPORT_JOB, type AdvisoriesImportPayload } from './feed/job.ts';
import { advisoryImportView, advisoryView } from './feed/views.ts';

/** Largest archive accepted from the web (OSV's biggest per-ecosystem all.zip is far below). */
export const MAX_ADVISORY_UPLOAD_BYTES = 1024 * 1024 * 1024;
/** An upload whose job never ran (nor ended) is swept after this long. */
const UPLOAD_KEPT_MS = 7 * 24 * 3_600_000;

const Text = z.object({ ja: z.string(), en: z.string() });
/** How many of the latest runs the status shows (where the data came from and when). */
const RECENT_IMPORTS = 10;

const Via = z.enum(['upload', 'cli', 'feed']);
const ImportView = z.object({
  id: z.string(),
  source: z.string(),
  /** upload: an instance administrator from the web; cli: the operator on the server; feed: the scheduled feed. */
  via: Via,
  status: z.enum(['queued', 'running', 'done', 'failed', 'abandoned']),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  processed: z.number(),
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  withdrawn: z.number(),
  malicious: z.number(),
  skipped: z.number(),
  skippedReasons: z.array(
    z.object({ reason: z.string(), count: z.number(), examples: z.array(z.string()), message: Text }),
  ),
  error: z.object({ code: z.string(), detail: z.string(), message: Text }).nullable(),
});

const Advisory = z.object({
  id: z.string(),
  summary: z.string().nullable(),
  aliases: z.array(z.string()),
  severity: z.string(),
  score: z.number().nullable(),
  vector: z.string().nullable(),
  malicious: z.boolean(),
  withdrawn: z.string().nullable(),
  modified: z.string(),
  published: z.string().nullable(),
  record: z.unknown(),
  importedAt: z.string(),
  importedFrom: z.object({ importId: z.string(), source: z.string(), via: Via }).nullable(),
});

/** Zip (local header or empty archive) or JSON text, from the first bytes. */
function kindOf(h: Buffer): 'zip' | 'json' | null {
  if (h.length >= 4 && (h.readUInt32LE(0) === 0x04034b50 || h.readUInt32LE(0) === 0x06054b50)) return 'zip';
  const text = h
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return text.startsWith('{') || text.startsWith('[') ? 'json' : null;
}

/**
 * The advisory database (脆弱性情報データベース) is instance infrastructure shared by every organization.
 * Anyone in an organization reads it, with where its records came from and when; only an instance
 * administrator (`instanceAdmin`, signed in in person) may import into it — being owner of an organization,
 * which anyone signed in can create, is not enough. Every import is in the instance's audit chain with its
 * source and counts.
 */
export function advisoryRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/software/advisories/status',
      {
        config: { permission: 'advisories.read' },
        schema: {
          tags: ['software'],
          summary:
            'Advisory database: record counts (malicious, withdrawn, per ecosystem), where the records came from (records per source, latest write) and the latest imports',
          params: z.strictObject({ orgId: Id }),
          response: {
            200: z.object({
              total: z.number(),
              malicious: z.number(),
              withdrawn: z.number(),
              byEcosystem: z.array(z.object({ ecosystem: z.string(), count: z.number() })),
              lastImport: ImportView.nullable(),
              sources: z.array(
                z.object({ source: z.string().nullable(), records: z.number(), lastImportedAt: z.string() }),
              ),
              recentImports: z.array(ImportView),
            }),
          },
        },
      },
      async () => {
        const db = deps.store.db;
        const now = deps.now();
        const s = await advisoryStatus(db);
        return {
          ...s,
          lastImport: s.lastImport ? advisoryImportView(s.lastImport, now) : null,
          sources: await advisorySources(db),
          recentImports: (await recentAdvisoryImports(db, RECENT_IMPORTS)).map((r) =>
            advisoryImportView(r, now),
          ),
        };
      },
    );

    app.post(
      '/api/orgs/:orgId/software/advisories/import',
      {
        config: { permission: 'advisories.manage', instanceAdmin: true },
        schema: {
          tags: ['software'],
          summary:
            'Import OSV advisories into the instance-wide advisory database (multipart `file`: an OSV all.zip or one .json record; at most 1 GB). Runs as a job: follow GET /api/orgs/{orgId}/jobs/{jobId} for progress (records processed / total). Instance administrators only (403 for anyone else); audited in the instance chain with source and counts.',
          consumes: ['multipart/form-data'],
          params: z.strictObject({ orgId: Id }),
          response: { 202: z.object({ job: Job, importId: z.string() }), 413: ErrorBody, 415: ErrorBody },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        if (!req.isMultipart()) return fail('unsupported_media_type');
        const importId = randomUUID();
        const jobId = randomUUID();
        let stored: StoredFile | undefined;
        let source = 'upload';
        const tooLarge = () => fail('payload_too_large', { limitBytes: MAX_ADVISORY_UPLOAD_BYTES });
        for await (const part of req.parts({
          limits: { fileSize: MAX_ADVISORY_UPLOAD_BYTES, files: 1, fields: 1, fieldSize: 64 },
        })) {
          if (part.type !== 'file') continue;
          source = (part.filename || source).replace(/[\r\n]/g, '_').slice(0, 200);
          // into the file store (the database on PostgreSQL): whichever instance claims the job reads it there
          try {
            stored = await deps.files.put(part.file, {
              purpose: ADVISORIES_IMPORT_JOB,
              name: source,
              jobId,
              expiresAt: new Date(deps.now().getTime() + UPLOAD_KEPT_MS),
              maxBytes: MAX_ADVISORY_UPLOAD_BYTES,
            });
          } catch (err) {
            if (err instanceof FileTooLarge || (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
              return tooLarge();
            throw err;
          }
          if (part.file.truncated) {
            await deps.files.delete(stored.key);
            return tooLarge();
          }
        }
        if (!stored) return fail('validation_failed', [{ in: 'body', pointer: '/file' }]);
        const fileKey = stored.key;
        if (kindOf(await readHead(deps.files, fileKey, 64)) === null) {
          await deps.files.delete(fileKey);
          return fail('unsupported_media_type');
        }
        const payload: AdvisoriesImportPayload = { importId, fileKey, source };
        const now = deps.now().toISOString();
        try {
          await deps.store.db.transaction().execute(async (trx) => {
            await insertAdvisoryImport(trx, importRow(importId, source, now));
            await enqueueJob(trx, {
              id: jobId,
              orgId: access.orgId,
              kind: ADVISORIES_IMPORT_JOB,
              payload: { ...payload, actorUserId: access.actorUserId },
              maxAttempts: 1,
              now,
            });
            // The instance's chain: the advisory database belongs to no organization.
            await audit(
              deps,
              trx,
              actorOf(access, req.id),
              null,
              'advisories.import_start',
              { type: 'advisory_import', id: importId },
              { importId, source, via: 'upload', jobId, requestedFromOrgId: access.orgId },
            );
          });
        } catch (err) {
          await deps.files.delete(fileKey); // no job will read it
          throw err;
        }
        const job = await findJob(deps.store.db, access.orgId, jobId);
        return reply.status(202).send({ job: jobView(job ?? fail('internal')), importId });
      },
    );

    app.get(
      '/api/orgs/:orgId/software/advisories/:advisoryId',
      {
        config: { permission: 'advisories.read' },
        schema: {
          tags: ['software'],
          summary:
            'One advisory with its whole OSV record and where it came from (the import that wrote it, when)',
          params: z.strictObject({ orgId: Id, advisoryId: z.string().min(1).max(200) }),
          response: { 200: z.object({ advisory: Advisory }) },
        },
      },
      async (req) => {
        const a = (await findAdvisory(deps.store.db, req.params.advisoryId)) ?? fail('not_found');
        const from = a.import_id === null ? undefined : await findAdvisoryImport(deps.store.db, a.import_id);
        return { advisory: advisoryView(a, from) };
      },
    );
  };
}
