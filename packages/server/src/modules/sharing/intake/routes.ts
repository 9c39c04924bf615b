import { DEFAULT_STIX_READ_LIMITS, TLP_LEVELS, type Tlp } from '@shinrai/core/sharing';
import { intakeSourceLabels, listIntakeImports, listIntakeObjects } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ctxOf, write } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { errorBody, fail, requestLocale } from '../../../platform/http/errors.ts';
import { orgAccess } from '../../../platform/http/principal.ts';
import { ErrorBody } from '../../../platform/http/schemas.ts';
import { importStixObjects } from './import.ts';
import { describeStixProblems } from './messages.ts';
import { readStixBundleOffThread } from './read-bundle.ts';
import { ImportRecord, ImportSummary, IntakeObject, Lang, ObjectsQuery, P, tags } from './schemas.ts';
import { importView, summaryView } from './views.ts';

const Params = z.strictObject({ orgId: z.string().min(1).max(64) });
const LIMIT = DEFAULT_STIX_READ_LIMITS.maxBytes;

/** Reads the one `file` part of a multipart request; over the limit → 'too_large'. */
async function readUpload(
  req: FastifyRequest,
): Promise<{ file: Buffer; filename: string } | 'too_large' | undefined> {
  if (!req.isMultipart()) return fail('unsupported_media_type');
  let out: { file: Buffer; filename: string } | undefined;
  for await (const part of req.parts({ limits: { fileSize: LIMIT, files: 1, fields: 2, fieldSize: 1024 } })) {
    if (part.type !== 'file') continue;
    try {
      out = { file: await part.toBuffer(), filename: part.filename || 'bundle.json' };
    } catch (err) {
      if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
      return 'too_large';
    }
  }
  return out;
}

const TYPES = {
  reports: ['report', 'grouping'],
  indicators: ['indicator'],
  all: [
    'report',
    'grouping',
    'indicator',
    'malware',
    'threat-actor',
    'intrusion-set',
    'campaign',
    'attack-pattern',
    'vulnerability',
    'observed-data',
    'tool',
    'infrastructure',
  ],
};

/** Outside intelligence: STIX 2.1 bundles an organization uploads (MISP, OpenCTI exports), and what they hold. */
export function intakeRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.store.db;
  return async (app) => {
    app.post(
      `${P}/imports`,
      {
        config: { permission: 'sharing.write' },
        bodyLimit: LIMIT + 1024 * 1024,
        schema: {
          tags,
          summary:
            'Import a STIX 2.1 bundle (multipart `file`; MISP misp-stix and OpenCTI exports, or any STIX 2.1 bundle) into this organization: size (16 MiB), depth (32) and object count (50,000) checked before reading; any malformed object refuses the bundle with problems located by JSON pointer and nothing written. Objects are written in dependency order, idempotent by id + modified (a newer version becomes current, older versions are kept; an older one is skipped); TLP 2.0 and TLP 1.0 markings and MISP `tlp:` labels are recognised.',
          consumes: ['multipart/form-data'],
          params: Params,
          querystring: z.strictObject({ lang: Lang }),
          response: { 200: ImportSummary, 400: ErrorBody, 413: ErrorBody, 422: ErrorBody },
        },
      },
      async (req, reply) => {
        const locale = requestLocale(req);
        const read = await readUpload(req);
        if (read === 'too_large')
          return reply
            .status(413)
            .send(
              errorBody(
                'payload_too_large',
                locale,
                describeStixProblems(
                  [{ pointer: '', code: 'too_large', params: { limit: LIMIT } }],
                  locale,
                  'upload',
                ),
              ),
            );
        if (!read) return fail('validation_failed', [{ in: 'body', pointer: '/file' }]);
        const result = await readStixBundleOffThread(read.file);
        if (!result.ok)
          return reply
            .status(422)
            .send(
              errorBody(
                'import_invalid',
                locale,
                describeStixProblems(result.problems, locale, read.filename),
              ),
            );
        const summary = await write(ctxOf(deps, req), (tx) =>
          importStixObjects(tx, {
            kind: 'upload',
            label: read.filename.slice(0, 200),
            sourceId: null,
            producer: result.producer,
            objects: result.objects,
          }),
        );
        return summaryView(summary, locale);
      },
    );

    app.get(
      `${P}/imports`,
      {
        config: { permission: 'sharing.read' },
        schema: {
          tags,
          summary: "This organization's last 20 imports (uploads and TAXII pulls) with their counts",
          params: Params,
          response: { 200: z.object({ imports: z.array(ImportRecord) }) },
        },
      },
      async (req) => ({ imports: (await listIntakeImports(db, orgAccess(req).orgId)).map(importView) }),
    );

    app.get(
      `${P}/objects`,
      {
        config: { permission: 'sharing.read' },
        schema: {
          tags,
          summary:
            "This organization's imported intelligence (current versions): reports, indicators or all, filtered by TLP (`none`: unmarked), source (file or TAXII source name) and producer",
          params: Params,
          querystring: ObjectsQuery,
          response: { 200: z.object({ objects: z.array(IntakeObject), sources: z.array(z.string()) }) },
        },
      },
      async (req) => {
        const orgId = orgAccess(req).orgId;
        const q = req.query;
        const rows = await listIntakeObjects(db, orgId, {
          types: TYPES[q.view],
          tlp: q.tlp === 'none' ? null : q.tlp,
          source: q.source,
          producer: q.producer,
          limit: q.limit,
        });
        return {
          objects: rows.map((r) => ({
            id: r.stix_id,
            type: r.stix_type,
            name: r.name,
            value: r.value,
            tlp: (TLP_LEVELS as readonly string[]).includes(r.tlp ?? '') ? (r.tlp as Tlp) : null,
            producer: r.producer as 'misp',
            source: r.source_label,
            firstSeen: r.first_seen,
            lastSeen: r.last_seen,
            modified: r.version,
          })),
          sources: await intakeSourceLabels(db, orgId),
        };
      },
    );
  };
}
