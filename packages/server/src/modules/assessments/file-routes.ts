import { answersEditable, type AssessmentStatus } from '@shinrai/core';
import { findAnswer, findAssessment, saveAnswer } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, write } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { errorBody, requestLocale } from '../../platform/http/errors.ts';
import { fail } from './errors.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';
import { readAssessmentXlsx } from './assessment-import.ts';
import { loadCatalog } from '../library/public.ts';
import { describeProblems } from '@shinrai/formats/sheets';
import { MAX_FILE_BYTES, problemStatus } from '@shinrai/formats/sheets';
import { refreshScore } from './scores.ts';

export function assessmentFileRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/orgs/:orgId/assessments/:id/import',
      {
        config: { permission: 'assessments.write' },
        schema: {
          tags: ['assessments'],
          summary:
            'Load answers from an .xlsx exported by Shinrai (multipart `file`, field `mode`: preview | apply). All or nothing; problems name the row and column. Answers in the file replace the ones of the same items.',
          consumes: ['multipart/form-data'],
          params: z.strictObject({ orgId: Id, id: Id }),
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const locale = requestLocale(req);
        const a = await findAssessment(deps.store.db, access.orgId, req.params.id);
        if (!a) return fail('not_found');
        if (!answersEditable(a.status as AssessmentStatus)) return fail('assessment_not_editable');
        if (!req.isMultipart()) return fail('unsupported_media_type');
        let file: Buffer | undefined;
        let mode = 'preview';
        for await (const part of req.parts({
          limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 2, fieldSize: 64 },
        })) {
          if (part.type === 'file') {
            try {
              file = await part.toBuffer();
            } catch (err) {
              if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
                return reply
                  .status(413)
                  .send(
                    errorBody(
                      'import_invalid',
                      locale,
                      describeProblems(
                        [{ code: 'file_too_large', params: { limit: MAX_FILE_BYTES / 1048576 } }],
                        locale,
                      ),
                    ),
                  );
              }
              throw err;
            }
          } else if (part.fieldname === 'mode') mode = String(part.value);
        }
        if (!file) return fail('validation_failed', [{ in: 'body', pointer: '/file' }]);
        if (mode !== 'preview' && mode !== 'apply')
          return fail('validation_failed', [{ in: 'body', pointer: '/mode' }]);
        const catalog = await loadCatalog(deps.store.db, access.orgId, a.catalog_id);
        const read = await readAssessmentXlsx(file, catalog.pack, catalog.nodes);
        if (!read.ok)
          return reply
            .status(problemStatus(read.problems))
            .send(errorBody('import_invalid', locale, describeProblems(read.problems, locale)));
        if (mode === 'preview') return { answers: read.answers.length, applied: false };
        await write(ctxOf(deps, req), async (tx) => {
          const now = deps.now().toISOString();
          for (const ans of read.answers) {
            const previous = await findAnswer(tx.trx, access.orgId, a.id, ans.ref);
            const ok = await saveAnswer(
              tx.trx,
              {
                assessment_id: a.id,
                org_id: access.orgId,
                ref: ans.ref,
                value: ans.value === null ? null : JSON.stringify(ans.value),
                comment: ans.comment,
                assignee_id: previous?.assignee_id ?? null,
                due_date: previous?.due_date ?? null,
                updated_by: access.actorUserId,
                updated_at: now,
              },
              previous?.revision ?? 0,
            );
            if (!ok) fail('answer_conflict', { ref: ans.ref });
          }
          await tx.audit(
            'assessment.import',
            { type: 'assessment', id: a.id },
            { answers: read.answers.length },
          );
          await refreshScore(tx.trx, access.orgId, a.id, deps.now());
        });
        return { answers: read.answers.length, applied: true };
      },
    );
  };
}
