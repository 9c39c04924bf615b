import { flattenPack, planPrefill, type AnswerValue, type MappingEntry } from '@shinrai/core';
import { findAssessment, findMappingSetForOrg, listAnswers, listMappingSetsForOrg } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, write } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { fail } from '../../platform/http/errors.ts';
import { orgAccess, requireOrg } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';
import { loadCatalog } from './catalog-access.ts';
import { failAssessment, refreshScore, writeAnswer } from '../assessments/public.ts';

const TextSchema = z.object({ ja: z.string(), en: z.string() });
const MappingSet = z.object({
  id: z.string(),
  urn: z.string(),
  version: z.string(),
  source: z.string(),
  target: z.string(),
  title: TextSchema,
  provenance: z.enum(['official', 'own']),
  entries: z.array(
    z.object({
      source: z.string(),
      target: z.string(),
      relation: z.enum(['equal', 'subset', 'superset', 'intersect']),
      rationale: TextSchema.optional(),
    }),
  ),
});

export function mappingRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/mappings',
      {
        config: { permission: 'catalogs.read' },
        schema: {
          tags: ['catalogs'],
          summary: 'Mapping sets between catalogs (equal, subset, superset, intersect, with a rationale)',
          params: z.strictObject({ orgId: Id }),
          response: { 200: z.object({ items: z.array(MappingSet) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const rows = await listMappingSetsForOrg(deps.store.db, access.orgId);
        return {
          items: rows.map((r) => ({
            id: r.id,
            urn: r.urn,
            version: r.version,
            source: r.source_urn,
            target: r.target_urn,
            title: { ja: r.title_ja, en: r.title_en },
            provenance: r.provenance as 'own',
            entries: JSON.parse(r.entries) as MappingEntry[],
          })),
        };
      },
    );

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
        const set = await findMappingSetForOrg(db, access.orgId, req.body.mappingSetId);
        if (!target || !source || !set) return fail('not_found');
        const tc = await loadCatalog(db, access.orgId, target.catalog_id);
        const sc = await loadCatalog(db, access.orgId, source.catalog_id);
        if (sc.pack.id !== set.source_urn || tc.pack.id !== set.target_urn)
          return fail('conflict', { reason: 'mapping_does_not_fit' });
        if (req.body.apply && target.status !== 'draft') return failAssessment('assessment_not_editable');
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
            JSON.parse(set.entries) as MappingEntry[],
          );
        const sourceRows = await listAnswers(db, access.orgId, source.id);
        if (!req.body.apply)
          return { proposals: plan(await listAnswers(db, access.orgId, target.id)), applied: 0 };
        return write(ctxOf(deps, req), async (tx) => {
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
