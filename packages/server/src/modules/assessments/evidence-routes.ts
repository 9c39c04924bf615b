import { answersEditable, type AssessmentStatus } from '@shinrai/core';
import {
  deleteEvidence,
  findAssessment,
  findEvidence,
  insertEvidence,
  listEvidence,
  type EvidenceMeta,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ctxOf, write, type TxCtx } from '../../platform/context.ts';
import { syncFileAnswer } from './file-answer.ts';
import { refreshScore } from './scores.ts';
import type { Deps } from '../../platform/deps.ts';
import { fail } from './errors.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';
import { loadCatalog } from '../library/public.ts';
import { catalogItemRef } from './scope-types.ts';
import { MAX_EVIDENCE_BYTES, sniffEvidenceType } from '../../platform/documents/file-type.ts';

/** A file question's answer follows its files: rewritten and the score refreshed in the same transaction. */
async function fileAnswered(tx: TxCtx, assessmentId: string, ref: string): Promise<void> {
  const now = tx.now.toISOString();
  await syncFileAnswer(tx.trx, { orgId: tx.orgId, assessmentId, ref, by: tx.actor.userId, now });
  await refreshScore(tx.trx, tx.orgId, assessmentId, tx.now);
}

const Evidence = z.object({
  id: z.string(),
  ref: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
});

const view = (e: EvidenceMeta) => ({
  id: e.id,
  ref: e.ref,
  filename: e.filename,
  contentType: e.content_type,
  size: e.size,
  sha256: e.sha256,
  uploadedBy: e.uploaded_by,
  createdAt: e.created_at,
});

const Params = z.strictObject({ orgId: Id, id: Id });

export function evidenceRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/assessments/:id/evidence',
      {
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['assessments'],
          summary: 'Evidence files of an assessment (metadata with SHA-256)',
          params: Params,
          response: { 200: z.object({ items: z.array(Evidence) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        if (!(await findAssessment(deps.store.db, access.orgId, req.params.id))) return fail('not_found');
        return { items: (await listEvidence(deps.store.db, access.orgId, req.params.id)).map(view) };
      },
    );

    app.post(
      '/api/orgs/:orgId/assessments/:id/evidence',
      {
        config: { permission: 'assessments.write' },
        schema: {
          tags: ['assessments'],
          summary:
            'Attach an evidence file to an item (multipart: `ref`, then `file`; at most 10 MB; PDF, images, Office files, ZIP or text, judged from the content). Not scanned for viruses.',
          consumes: ['multipart/form-data'],
          params: Params,
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const a = await findAssessment(deps.store.db, access.orgId, req.params.id);
        if (!a) return fail('not_found');
        if (!answersEditable(a.status as AssessmentStatus)) return fail('assessment_not_editable');
        if (!req.isMultipart()) return fail('unsupported_media_type');
        let ref: string | undefined;
        let file: { name: string; data: Buffer } | undefined;
        for await (const part of req.parts({
          limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 2, fieldSize: 1024 },
        })) {
          if (part.type === 'file') {
            try {
              file = { name: part.filename || 'evidence', data: await part.toBuffer() };
            } catch (err) {
              if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
                return fail('payload_too_large', { limitBytes: MAX_EVIDENCE_BYTES });
              throw err;
            }
          } else if (part.fieldname === 'ref') ref = String(part.value);
        }
        if (!file || file.data.length === 0)
          return fail('validation_failed', [{ in: 'body', pointer: '/file' }]);
        if (!ref) return fail('validation_failed', [{ in: 'body', pointer: '/ref' }]);
        const catalog = await loadCatalog(deps.store.db, access.orgId, a.catalog_id);
        const itemRef = catalogItemRef(a.scope_type, ref);
        const node = catalog.nodes.find((n) => n.ref === itemRef && n.kind === 'item');
        if (!node) return fail('unknown_item');
        const isFile = catalog.pack.answerModels[node.node.answerModel ?? '']?.kind === 'file';
        const contentType = await sniffEvidenceType(file.data, file.name);
        if (contentType === null) return fail('unsupported_media_type');
        const row = {
          id: randomUUID(),
          org_id: access.orgId,
          assessment_id: a.id,
          ref,
          filename: file.name.replace(/[\r\n"\\/]/g, '_').slice(0, 200),
          content_type: contentType,
          size: file.data.length,
          sha256: createHash('sha256').update(file.data).digest('hex'),
          data: file.data,
          uploaded_by: access.actorUserId,
          created_at: deps.now().toISOString(),
        };
        await write(ctxOf(deps, req), async (tx) => {
          await insertEvidence(tx.trx, row);
          await tx.audit(
            'evidence.upload',
            { type: 'assessment', id: a.id },
            { ref, evidence: row.id, sha256: row.sha256, size: row.size },
          );
          if (isFile) await fileAnswered(tx, a.id, ref);
        });
        return reply.status(201).send({ evidence: view(row) });
      },
    );

    app.get(
      '/api/orgs/:orgId/assessments/:id/evidence/:evidenceId',
      {
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['assessments'],
          summary: 'Download an evidence file (only for those who may see the assessment)',
          params: z.strictObject({ orgId: Id, id: Id, evidenceId: Id }),
          produces: ['application/octet-stream'],
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const e = await findEvidence(deps.store.db, access.orgId, req.params.id, req.params.evidenceId);
        if (!e) return fail('not_found');
        return reply
          .header('content-type', e.content_type)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(e.filename)}`)
          .header('x-content-sha256', e.sha256)
          .send(e.data);
      },
    );

    app.delete(
      '/api/orgs/:orgId/assessments/:id/evidence/:evidenceId',
      {
        config: { permission: 'assessments.write' },
        schema: {
          tags: ['assessments'],
          summary: 'Remove an evidence file (draft assessments only)',
          params: z.strictObject({ orgId: Id, id: Id, evidenceId: Id }),
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const a = await findAssessment(deps.store.db, access.orgId, req.params.id);
        if (!a) return fail('not_found');
        if (!answersEditable(a.status as AssessmentStatus)) return fail('assessment_not_editable');
        await write(ctxOf(deps, req), async (tx) => {
          const e = await findEvidence(tx.trx, access.orgId, a.id, req.params.evidenceId);
          if (!e || !(await deleteEvidence(tx.trx, access.orgId, a.id, e.id))) return fail('not_found');
          await tx.audit(
            'evidence.delete',
            { type: 'assessment', id: a.id },
            { ref: e.ref, evidence: e.id, sha256: e.sha256 },
          );
          const catalog = await loadCatalog(tx.trx, access.orgId, a.catalog_id);
          const node = catalog.nodes.find((n) => n.ref === catalogItemRef(a.scope_type, e.ref));
          if (catalog.pack.answerModels[node?.node.answerModel ?? '']?.kind === 'file')
            await fileAnswered(tx, a.id, e.ref);
          return undefined;
        });
        return reply.status(204).send(null);
      },
    );
  };
}
