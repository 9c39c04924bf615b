import { flattenPack, planPrefill, type AnswerValue } from '@shinrai/core';
import { findAssessment, listAnswers } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxFromAccess, write } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { requireOrg } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';
import { findMappingSet, loadCatalog } from '../library/public.ts';
import { writeAnswer } from './answers.ts';
import { fail } from './errors.ts';
import { refreshScore } from './scores.ts';

/**
 * Pre-filling an assessment from another one through a catalog mapping set (the library's). Registered
 * first among the assessment routes, where the library module registered it before.
 */
export function assessmentPrefillRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/orgs/:orgId/assessments/:id/prefill',
      {
        // Reading needs assessments.read (checked first); applying also needs assessments.write.
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['assessments'],
          summary:
            'Pre-fill unanswered items from another assessment through a mapping set; preview first (apply: false). Answers a person gave are never overwritten.',
          params: z.strictObject({ orgId: Id, id: Id }),
          body: z.strictObject({
            sourceAssessmentId: Id,
            mappingSetId: Id,
            apply: z.boolean().default(false),
          }),
          response: {
            200: z.object({
              proposals: z.array(
                z.object({ target: z.string(), from: z.string(), relation: z.string(), value: z.unknown() }),
              ),
              applied: z.number(),
            }),
          },
        },
      },
      async (req) => {
        const access = await requireOrg(
          deps,
          req,
          req.params.orgId,
          req.body.apply ? 'assessments.write' : 'assessments.read',
        );
        const db = deps.store.db;
        const target = await findAssessment(db, access.orgId, req.params.id);
        const source = await findAssessment(db, access.orgId, req.body.sourceAssessmentId);
        const set = await findMappingSet(db, access.orgId, req.body.mappingSetId);
        if (!target || !source || !set) return fail('not_found');
        const tc = await loadCatalog(db, access.orgId, target.catalog_id);
        const sc = await loadCatalog(db, access.orgId, source.catalog_id);
        if (sc.pack.id !== set.sourceUrn || tc.pack.id !== set.targetUrn)
          return fail('conflict', { reason: 'mapping_does_not_fit' });
        if (req.body.apply && target.status !== 'draft') return fail('assessment_not_editable');
        const toMap = (rows: Awaited<ReturnType<typeof listAnswers>>) =>
          new Map(
            rows
              .filter((r) => r.value !== null)
              .map((r) => [r.ref, JSON.parse(r.value ?? 'null') as AnswerValue]),
          );
        const plan = (targetRows: Awaited<ReturnType<typeof listAnswers>>) =>
          planPrefill(
            { pack: sc.pack, nodes: flattenPack(sc.pack.nodes), answers: toMap(sourceRows) },
            {
              pack: tc.pack,
              nodes: tc.nodes,
              answered: new Set(targetRows.filter((r) => r.value !== null).map((r) => r.ref)),
            },
            set.entries,
          );
        const sourceRows = await listAnswers(db, access.orgId, source.id);
        if (!req.body.apply)
          return { proposals: plan(await listAnswers(db, access.orgId, target.id)), applied: 0 };
        return write(ctxFromAccess(deps, access, req.id), async (tx) => {
          // Planned inside the transaction: an answer given meanwhile is not overwritten (insert-only save).
          const proposals = plan(await listAnswers(tx.trx, access.orgId, target.id));
          let applied = 0;
          const now = deps.now().toISOString();
          for (const p of proposals) {
            // Insert-only (revision 0): an answer given meanwhile is kept.
            const { ok } = await writeAnswer(tx.trx, {
              orgId: access.orgId,
              assessmentId: target.id,
              ref: p.target,
              change: { value: p.value },
              revision: 0,
              by: access.actorUserId,
              now,
            });
            if (ok) applied++;
          }
          await tx.audit(
            'assessment.prefill',
            { type: 'assessment', id: target.id },
            { from: source.id, mapping: `${set.urn}@${set.version}`, applied },
          );
          await refreshScore(tx.trx, access.orgId, target.id, deps.now());
          return { proposals, applied };
        });
      },
    );
  };
}
