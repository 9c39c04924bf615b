import { findOrganization } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ctxOf } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { errorBody, fail, requestLocale } from '../../platform/http/errors.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { ErrorBody } from '../../platform/http/schemas.ts';
import { ingestSbom } from './inventory/ingest.ts';
import { cycloneDxVex, openVex } from './inventory/vex.ts';
import { DEFAULT_MAX_SBOM_BYTES, describeSbomProblems, type SbomProblem } from '@shinrai/formats/sbom';
import { Lang, P, Release, ReleaseParams, SbomWarning } from './schemas.ts';
import { requireProduct } from './services/products.ts';
import { releaseDetail, requireRelease } from './services/releases.ts';
import { exportProductId, importVex, withBomRefs } from './services/vex.ts';

/** Reads the one `file` part of a multipart request; too large → null (the caller answers 413). */
async function readFile(
  req: FastifyRequest,
  limit: number,
): Promise<{ file: Buffer; filename: string } | 'too_large' | undefined> {
  if (!req.isMultipart()) return fail('unsupported_media_type');
  let out: { file: Buffer; filename: string } | undefined;
  for await (const part of req.parts({ limits: { fileSize: limit, files: 1, fields: 2, fieldSize: 1024 } })) {
    if (part.type !== 'file') continue;
    try {
      out = { file: await part.toBuffer(), filename: part.filename || 'upload' };
    } catch (err) {
      if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
      return 'too_large';
    }
  }
  return out;
}

function invalid(
  reply: FastifyReply,
  locale: 'ja' | 'en',
  filename: string,
  problems: SbomProblem[],
  status = 422,
) {
  return reply.status(status).send(
    errorBody(
      status === 413 ? 'payload_too_large' : 'import_invalid',
      locale,
      describeSbomProblems(problems, locale).map((p) => ({ file: filename, ...p })),
    ),
  );
}

/** SBOM upload and VEX import/export of a release (multipart in, JSON documents out). */
export function softwareFileRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.store.db;
  return async (app) => {
    app.post(
      `${P}/releases/:releaseId/sbom`,
      {
        config: { permission: 'software.write' },
        // The SBOM limit is 100 MB; the multipart part limit enforces it, not the JSON body limit.
        bodyLimit: DEFAULT_MAX_SBOM_BYTES + 1024 * 1024,
        schema: {
          tags: ['software'],
          summary:
            'Attach (replace) the SBOM of a release: CycloneDX 1.0–1.7 JSON/XML, SPDX 2.2/2.3 JSON or tag-value, SPDX 3.0 JSON-LD, or an npm package-lock.json (multipart `file`). Components, graph and findings are written in one transaction. Lenient by default: a field-level schema problem, an invalid purl or a component that cannot be matched is a warning located on its component; only an unreadable document or a broken core structure is refused (located problems, nothing written). `strict=true` refuses on any schema problem.',
          consumes: ['multipart/form-data'],
          params: ReleaseParams,
          querystring: z.strictObject({
            lang: Lang,
            // Refuse the file on any schema problem (the behaviour before lenient reading).
            strict: z.enum(['true', 'false']).optional(),
          }),
          response: {
            200: z.object({
              release: Release,
              findings: z.number(),
              malicious: z.number(),
              warnings: z.array(SbomWarning),
            }),
            413: ErrorBody,
            422: ErrorBody,
          },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const locale = requestLocale(req);
        const release = await requireRelease(db, access.orgId, req.params.releaseId);
        const read = await readFile(req, DEFAULT_MAX_SBOM_BYTES);
        if (read === 'too_large')
          return invalid(reply, locale, 'upload', [{ code: 'too_large', params: { limit: 100 } }], 413);
        if (!read) return fail('validation_failed', [{ in: 'body', pointer: '/file' }]);
        const result = await ingestSbom(deps, release, read.file, read.filename, ctxOf(deps, req).actor, {
          strict: req.query.strict === 'true',
        });
        if (!result.ok) return invalid(reply, locale, read.filename, result.problems);
        const updated = await requireRelease(db, access.orgId, release.id);
        return {
          release: await releaseDetail(deps, updated),
          findings: result.findings,
          malicious: result.malicious,
          warnings: describeSbomProblems(result.warnings.slice(0, 500), locale),
        };
      },
    );

    app.post(
      `${P}/releases/:releaseId/vex`,
      {
        config: { permission: 'software.write' },
        schema: {
          tags: ['software'],
          summary:
            "Import VEX statements (CycloneDX VEX, validated with the CycloneDX schema, or OpenVEX) for the release findings (multipart `file`). A statement applies to the versions it lists, to this SBOM when it is a BOM link, and to the product's components when it names the product; the most specific, then the latest statement stands (`kept`: findings whose earlier statement stood); all are kept in the history.",
          consumes: ['multipart/form-data'],
          params: ReleaseParams,
          querystring: z.strictObject({ lang: Lang }),
          response: {
            200: z.object({
              format: z.string(),
              applied: z.number(),
              kept: z.number(),
              unmatched: z.array(z.string()),
            }),
            413: ErrorBody,
            422: ErrorBody,
          },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const locale = requestLocale(req);
        const release = await requireRelease(db, access.orgId, req.params.releaseId);
        const limit = 32 * 1024 * 1024;
        const read = await readFile(req, limit);
        if (read === 'too_large')
          return invalid(reply, locale, 'upload', [{ code: 'too_large', params: { limit: 32 } }], 413);
        if (!read) return fail('validation_failed', [{ in: 'body', pointer: '/file' }]);
        const result = await importVex(ctxOf(deps, req), {
          releaseId: release.id,
          file: read.file,
          filename: read.filename,
        });
        if (!result.ok) return invalid(reply, locale, read.filename, result.problems);
        return {
          format: result.format,
          applied: result.applied,
          kept: result.kept,
          unmatched: result.unmatched,
        };
      },
    );

    app.get(
      `${P}/releases/:releaseId/vex`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary: 'Export the release VEX statements as CycloneDX 1.6 VEX or OpenVEX 0.2.0',
          params: ReleaseParams,
          querystring: z.strictObject({
            format: z.enum(['cyclonedx', 'openvex']).default('cyclonedx'),
            lang: Lang,
          }),
          produces: ['application/json'],
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const release = await requireRelease(db, access.orgId, req.params.releaseId);
        const product = await requireProduct(db, access.orgId, release.product_id);
        const findings = await withBomRefs(db, access.orgId, release.id);
        const now = deps.now();
        const org = await findOrganization(db, access.orgId);
        const doc =
          req.query.format === 'openvex'
            ? openVex(findings, {
                releaseId: release.id,
                author: org?.name ?? 'Shinrai',
                now,
                baseUrl: deps.config.publicUrl,
                product: exportProductId(release, product.name),
              })
            : cycloneDxVex(findings, { product: product.name, version: release.version, now });
        const ext = req.query.format === 'openvex' ? 'openvex.json' : 'cdx.json';
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="vex-${release.id.slice(0, 8)}.${ext}"`)
          .send(JSON.stringify(doc, null, 2));
      },
    );
  };
}
