import {
  answerFlags,
  flattenPack,
  planUpgrade,
  scoreAssessment,
  type AnswerValue,
  type AssessmentStatus,
} from '@shinrai/core';
import { findAssessment, listAnswers, listAssessmentsOfCatalog, setAssessmentCatalog } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxFromAccess, write } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { fail } from './errors.ts';
import { orgAccess, requireOrg } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';
import { loadCatalog } from '../library/public.ts';
import { answerValues, refreshScore } from './scores.ts';
import { Assessment, assessmentView } from './schemas.ts';

const Refs = z.array(z.string());

export function assessmentHistoryRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/assessments/:id/flags',
      {
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['assessments'],
          summary:
            'Answers that do not count in the current catalog version: items removed by an upgrade, or answers that no longer fit (kept, never dropped)',
          params: z.strictObject({ orgId: Id, id: Id }),
          response: { 200: z.object({ removed: Refs, invalid: Refs }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const a = await findAssessment(deps.store.db, access.orgId, req.params.id);
        if (!a) return fail('not_found');
        const c = await loadCatalog(deps.store.db, access.orgId, a.catalog_id);
        return answerFlags(
          c.nodes,
          c.pack,
          answerValues(await listAnswers(deps.store.db, access.orgId, a.id)),
        );
      },
    );

    app.post(
      '/api/orgs/:orgId/assessments/:id/upgrade',
      {
        // Reading needs assessments.read (checked first); applying also needs assessments.write.
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['assessments'],
          summary:
            'Move an assessment to another version of its catalog, matching answers by reference id; preview with apply: false. No answer is dropped: answers of removed items stay, flagged.',
          params: z.strictObject({ orgId: Id, id: Id }),
          body: z.strictObject({ catalogId: Id, apply: z.boolean().default(false) }),
          response: {
            200: z.object({ kept: Refs, removed: Refs, invalid: Refs, added: Refs, applied: z.boolean() }),
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
        return write(ctxFromAccess(deps, access, req.id), async (tx) => {
          const a = await findAssessment(tx.trx, access.orgId, req.params.id);
          if (!a) return fail('not_found');
          const from = await loadCatalog(tx.trx, access.orgId, a.catalog_id);
          const to = await loadCatalog(tx.trx, access.orgId, req.body.catalogId);
          if (from.pack.id !== to.pack.id || from.row.id === to.row.id)
            return fail('conflict', { reason: 'not_another_version' });
          const plan = planUpgrade(
            from.nodes,
            to,
            answerValues(await listAnswers(tx.trx, access.orgId, a.id)),
          );
          if (!req.body.apply) return { ...plan, applied: false };
          if (a.status !== 'draft') return fail('assessment_not_editable');
          await setAssessmentCatalog(tx.trx, access.orgId, a.id, to.row.id, deps.now().toISOString());
          await tx.audit(
            'assessment.upgrade',
            { type: 'assessment', id: a.id },
            {
              from: `${from.row.urn}@${from.row.version}`,
              to: `${to.row.urn}@${to.row.version}`,
              kept: plan.kept.length,
              removed: plan.removed,
              invalid: plan.invalid,
            },
          );
          await refreshScore(tx.trx, access.orgId, a.id, deps.now());
          return { ...plan, applied: true };
        });
      },
    );

    app.get(
      '/api/orgs/:orgId/assessments/compare',
      {
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['assessments'],
          summary: 'Compare two assessments of the same catalog (any versions) item by item',
          params: z.strictObject({ orgId: Id }),
          querystring: z.strictObject({ a: Id, b: Id, lang: z.enum(['ja', 'en']).optional() }),
          response: {
            200: z.object({
              a: Assessment,
              b: Assessment,
              items: z.array(
                z.object({
                  ref: z.string(),
                  title: z.object({ ja: z.string(), en: z.string() }),
                  a: z.object({ value: z.unknown(), points: z.number().nullable() }).nullable(),
                  b: z.object({ value: z.unknown(), points: z.number().nullable() }).nullable(),
                  change: z.enum(['same', 'better', 'worse', 'changed', 'only_a', 'only_b']),
                }),
              ),
            }),
          },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const [ra, rb] = await Promise.all([
          findAssessment(deps.store.db, access.orgId, req.query.a),
          findAssessment(deps.store.db, access.orgId, req.query.b),
        ]);
        if (!ra || !rb) return fail('not_found');
        const [ca, cb] = await Promise.all([
          loadCatalog(deps.store.db, access.orgId, ra.catalog_id),
          loadCatalog(deps.store.db, access.orgId, rb.catalog_id),
        ]);
        if (ca.pack.id !== cb.pack.id) return fail('conflict', { reason: 'different_catalogs' });
        const [va, vb] = await Promise.all([
          listAnswers(deps.store.db, access.orgId, ra.id),
          listAnswers(deps.store.db, access.orgId, rb.id),
        ]).then(([x, y]) => [answerValues(x), answerValues(y)]);
        const sa = scoreAssessment(ca.pack, ca.nodes, va as Map<string, AnswerValue>, ra.tier ?? undefined);
        const sb = scoreAssessment(cb.pack, cb.nodes, vb as Map<string, AnswerValue>, rb.tier ?? undefined);
        // Items of both versions, in the newer one's order, then items only the other has.
        const order = [...flattenPack(cb.pack.nodes), ...ca.nodes].filter((n) => n.kind === 'item');
        const seen = new Set<string>();
        const items = [];
        for (const n of order) {
          if (seen.has(n.ref)) continue;
          seen.add(n.ref);
          const xa = va?.get(n.ref);
          const xb = vb?.get(n.ref);
          const pa = sa.items[n.ref]?.points ?? null;
          const pb = sb.items[n.ref]?.points ?? null;
          const change =
            xa === undefined && xb === undefined
              ? 'same'
              : xa === undefined
                ? 'only_b'
                : xb === undefined
                  ? 'only_a'
                  : JSON.stringify(xa) === JSON.stringify(xb)
                    ? 'same'
                    : pa !== null && pb !== null && pb !== pa
                      ? pb > pa
                        ? 'better'
                        : 'worse'
                      : 'changed';
          items.push({
            ref: n.ref,
            title: n.node.title,
            a: xa === undefined ? null : { value: xa, points: pa },
            b: xb === undefined ? null : { value: xb, points: pb },
            change: change as 'same',
          });
        }
        return { a: assessmentView(ra), b: assessmentView(rb), items };
      },
    );

    app.get(
      '/api/orgs/:orgId/assessments/trend',
      {
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['assessments'],
          summary: 'Scores over time of every assessment of one catalog (all its versions), oldest first',
          params: z.strictObject({ orgId: Id }),
          querystring: z.strictObject({
            urn: z.string().min(1).max(200),
            lang: z.enum(['ja', 'en']).optional(),
          }),
          response: {
            200: z.object({
              points: z.array(
                z.object({
                  id: z.string(),
                  title: z.string(),
                  createdAt: z.string(),
                  status: z.string(),
                  catalogVersion: z.string(),
                  percent: z.number().nullable(),
                  points: z.number().nullable(),
                  max: z.number().nullable(),
                  answered: z.number().nullable(),
                  items: z.number().nullable(),
                  bandId: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const rows = await listAssessmentsOfCatalog(deps.store.db, access.orgId, req.query.urn);
        return {
          points: rows.map((r) => ({
            id: r.id,
            title: r.title,
            createdAt: r.created_at,
            status: r.status as AssessmentStatus,
            catalogVersion: r.catalog_version,
            percent: r.score_percent,
            points: r.score_points,
            max: r.score_max,
            answered: r.answered_count,
            items: r.item_count,
            bandId: r.band_id,
          })),
        };
      },
    );
  };
}
