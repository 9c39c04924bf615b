import {
  answerFits,
  answersEditable,
  ASSESSMENT_STATUSES,
  can,
  checkStatusMove,
  scoreAssessment,
  type AnswerValue,
  type AssessmentStatus,
} from '@shinrai/core';
import {
  findMembership,
  findOrganization,
  findAssessment,
  insertAssessment,
  listAnswers,
  listAssessments,
  saveAnswer,
  setAssessmentStatus,
  type AnswerRow,
  type AssessmentRow,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/access.ts';
import { requestLocale } from '../../platform/http/errors.ts';
import { fail } from './errors.ts';
import { assessmentToXlsx } from './reports/report-xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
import { orgAccess } from '../../platform/http/principal.ts';
import { Id, page, PageQuery } from '../../platform/http/schemas.ts';
import { attachmentName } from '../../platform/http/download.ts';
import { catalogItemRef, loadCatalog } from '../library/public.ts';
import { writeAnswer } from './answers.ts';
import { audit } from '../../platform/services/audit-trail.ts';
import { answerValues, refreshScore } from './scores.ts';
import { assessmentToPdf } from './reports/report-pdf.ts';

const AnswerValueSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('choice'), value: z.string().max(100) }),
  z.strictObject({ kind: z.literal('multiple'), values: z.array(z.string().max(100)).max(100) }),
  z.strictObject({ kind: z.literal('maturity'), level: z.number().int().min(0).max(5) }),
  z.strictObject({ kind: z.literal('number'), value: z.number() }),
  z.strictObject({ kind: z.literal('text'), value: z.string().max(4000) }),
]);

const CREATABLE_SCOPE_TYPES = ['organization', 'site', 'product', 'system', 'supplier'] as const;
/** `cpsf_model`: the assessment a CPSF model keeps its (element × requirement) status in; created with the model. */
const SCOPE_TYPES = [...CREATABLE_SCOPE_TYPES, 'cpsf_model'] as const;

const Assessment = z.object({
  id: z.string(),
  catalogId: z.string(),
  tier: z.string().nullable(),
  title: z.string(),
  scope: z.object({ type: z.enum(SCOPE_TYPES), label: z.string().nullable() }),
  status: z.enum(ASSESSMENT_STATUSES),
  statusBy: z.string().nullable(),
  statusAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  basedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  summary: z
    .object({
      points: z.number(),
      max: z.number(),
      percent: z.number().nullable(),
      answered: z.number(),
      items: z.number(),
      bandId: z.string().nullable(),
    })
    .nullable(),
});

const Answer = z.object({
  ref: z.string(),
  value: AnswerValueSchema.nullable(),
  comment: z.string().nullable(),
  assigneeId: z.string().nullable(),
  dueDate: z.string().nullable(),
  revision: z.number(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});

const Aggregate = z.object({
  points: z.number(),
  max: z.number(),
  percent: z.number().nullable(),
  answered: z.number(),
  items: z.number(),
});
const ItemScore = z.object({
  ref: z.string(),
  answered: z.boolean(),
  points: z.number().nullable(),
  max: z.number(),
  unknown: z.boolean(),
});
const Score = z.object({
  overall: Aggregate.extend({
    band: z
      .object({
        id: z.string(),
        min: z.number(),
        label: z.object({ ja: z.string(), en: z.string() }),
        advice: z.object({ ja: z.string(), en: z.string() }).optional(),
      })
      .nullable(),
  }),
  groups: z.record(z.string(), Aggregate),
  tags: z.record(z.string(), Aggregate),
  tiers: z.record(z.string(), Aggregate),
  items: z.record(z.string(), ItemScore),
});

function assessmentView(a: AssessmentRow) {
  return {
    id: a.id,
    catalogId: a.catalog_id,
    tier: a.tier,
    title: a.title,
    scope: { type: a.scope_type as (typeof SCOPE_TYPES)[number], label: a.scope_label },
    status: a.status as AssessmentStatus,
    statusBy: a.status_by,
    statusAt: a.status_at,
    dueDate: a.due_date,
    basedOn: a.based_on,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
    summary:
      a.score_max === null
        ? null
        : {
            points: a.score_points ?? 0,
            max: a.score_max,
            percent: a.score_percent,
            answered: a.answered_count ?? 0,
            items: a.item_count ?? 0,
            bandId: a.band_id,
          },
  };
}

function answerView(a: AnswerRow) {
  return {
    ref: a.ref,
    value: a.value === null ? null : (JSON.parse(a.value) as AnswerValue),
    comment: a.comment,
    assigneeId: a.assignee_id,
    dueDate: a.due_date,
    revision: a.revision,
    updatedBy: a.updated_by,
    updatedAt: a.updated_at,
  };
}

export { Assessment, assessmentView };

/** A download name carrying the assessment's title (RFC 6266: ASCII fallback plus UTF-8 name). */

export function assessmentRoutes(deps: Deps): FastifyPluginAsyncZod {
  async function scored(orgId: string, a: AssessmentRow) {
    const catalog = await loadCatalog(deps.store.db, orgId, a.catalog_id);
    const answers = await listAnswers(deps.store.db, orgId, a.id);
    const score = scoreAssessment(catalog.pack, catalog.nodes, answerValues(answers), a.tier ?? undefined);
    return { answers, score };
  }

  return async (app) => {
    app.get(
      '/api/orgs/:orgId/assessments',
      {
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['assessments'],
          summary: 'Assessments of the organization (newest first)',
          params: z.strictObject({ orgId: Id }),
          querystring: PageQuery,
          response: { 200: page(Assessment) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const p = await listAssessments(
          deps.store.db,
          access.orgId,
          req.query.cursor ?? null,
          req.query.limit,
        );
        if (p === null) return fail('bad_request', { pointer: '/cursor' });
        return { items: p.items.map(assessmentView), nextCursor: p.nextCursor };
      },
    );

    app.post(
      '/api/orgs/:orgId/assessments',
      {
        config: { permission: 'assessments.write' },
        schema: {
          tags: ['assessments'],
          summary:
            'Start an assessment of a catalog (or one tier of it) for a scope; optionally from an earlier one',
          params: z.strictObject({ orgId: Id }),
          body: z.strictObject({
            catalogId: Id,
            tier: z.string().max(64).optional(),
            title: z.string().trim().min(1).max(200),
            scopeType: z.enum(CREATABLE_SCOPE_TYPES).default('organization'),
            scopeLabel: z.string().trim().max(200).optional(),
            dueDate: z.iso.date().optional(),
            basedOn: Id.optional(),
          }),
          response: { 201: z.object({ assessment: Assessment }) },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const b = req.body;
        const catalog = await loadCatalog(deps.store.db, access.orgId, b.catalogId);
        if (b.tier !== undefined && !(catalog.pack.tiers ?? []).some((t) => t.id === b.tier))
          fail('validation_failed', [{ in: 'body', pointer: '/tier', message: b.tier }]);
        const now = deps.now().toISOString();
        const row: AssessmentRow = {
          id: randomUUID(),
          org_id: access.orgId,
          catalog_id: catalog.row.id,
          tier: b.tier ?? null,
          title: b.title,
          scope_type: b.scopeType,
          scope_label: b.scopeLabel ?? null,
          status: 'draft',
          status_by: access.actorUserId,
          status_at: now,
          due_date: b.dueDate ?? null,
          based_on: b.basedOn ?? null,
          created_by: access.actorUserId,
          created_at: now,
          updated_at: now,
          score_points: null,
          score_max: null,
          score_percent: null,
          answered_count: null,
          item_count: null,
          band_id: null,
        };
        await deps.store.db.transaction().execute(async (trx) => {
          let carried = 0;
          if (b.basedOn !== undefined) {
            const prev = await findAssessment(trx, access.orgId, b.basedOn);
            if (!prev) return fail('not_found', { pointer: '/basedOn' });
            const models = new Map(
              catalog.nodes
                .filter((n) => n.kind === 'item')
                .map((n) => [n.ref, catalog.pack.answerModels[n.node.answerModel ?? '']]),
            );
            await insertAssessment(trx, row);
            for (const a of await listAnswers(trx, access.orgId, prev.id)) {
              const model = models.get(a.ref);
              if (!model || a.value === null || !answerFits(model, JSON.parse(a.value) as AnswerValue))
                continue;
              await saveAnswer(
                trx,
                { ...a, assessment_id: row.id, updated_by: access.actorUserId, updated_at: now },
                0,
              );
              carried++;
            }
          } else {
            await insertAssessment(trx, row);
          }
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'assessment.create',
            { type: 'assessment', id: row.id },
            {
              catalog: `${catalog.row.urn}@${catalog.row.version}`,
              tier: row.tier,
              basedOn: row.based_on,
              carried,
            },
          );
          await refreshScore(trx, access.orgId, row.id, deps.now());
          return undefined;
        });
        return reply.status(201).send({ assessment: assessmentView(row) });
      },
    );

    app.get(
      '/api/orgs/:orgId/assessments/:id',
      {
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['assessments'],
          summary: 'An assessment with its answers and scores (per group, tag, tier and overall)',
          params: z.strictObject({ orgId: Id, id: Id }),
          response: { 200: z.object({ assessment: Assessment, answers: z.array(Answer), score: Score }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const a = await findAssessment(deps.store.db, access.orgId, req.params.id);
        if (!a) return fail('not_found');
        const { answers, score } = await scored(access.orgId, a);
        return { assessment: assessmentView(a), answers: answers.map(answerView), score };
      },
    );

    app.get(
      '/api/orgs/:orgId/assessments/:id/export.xlsx',
      {
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['assessments'],
          summary:
            'Download an assessment as .xlsx: every item with its answer, points and comment, and a summary of scores',
          params: z.strictObject({ orgId: Id, id: Id }),
          querystring: z.strictObject({ lang: z.enum(['ja', 'en']).optional() }),
          produces: [XLSX],
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const a = await findAssessment(deps.store.db, access.orgId, req.params.id);
        if (!a) return fail('not_found');
        const catalog = await loadCatalog(deps.store.db, access.orgId, a.catalog_id);
        const rows = await listAnswers(deps.store.db, access.orgId, a.id);
        const values = new Map<string, AnswerValue>();
        const answers = new Map<string, { value: AnswerValue | undefined; comment: string | null }>();
        for (const r of rows) {
          const v = r.value === null ? undefined : (JSON.parse(r.value) as AnswerValue);
          if (v) values.set(r.ref, v);
          answers.set(r.ref, { value: v, comment: r.comment });
        }
        const score = scoreAssessment(catalog.pack, catalog.nodes, values, a.tier ?? undefined);
        const buf = await assessmentToXlsx({
          title: a.title,
          pack: catalog.pack,
          answers,
          score,
          locale: requestLocale(req),
        });
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', attachmentName(a.title, `assessment-${a.id.slice(0, 8)}`, 'xlsx'))
          .send(buf);
      },
    );

    app.get(
      '/api/orgs/:orgId/assessments/:id/report.pdf',
      {
        config: { permission: 'assessments.read' },
        schema: {
          tags: ['assessments'],
          summary:
            'Download an assessment report as PDF (Japanese fonts embedded): score, band, radar by group, items to fix first, all answers',
          params: z.strictObject({ orgId: Id, id: Id }),
          querystring: z.strictObject({ lang: z.enum(['ja', 'en']).optional() }),
          produces: ['application/pdf'],
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const a = await findAssessment(deps.store.db, access.orgId, req.params.id);
        if (!a) return fail('not_found');
        const catalog = await loadCatalog(deps.store.db, access.orgId, a.catalog_id);
        const values = answerValues(await listAnswers(deps.store.db, access.orgId, a.id));
        const org = await findOrganization(deps.store.db, access.orgId);
        const pdf = await assessmentToPdf({
          locale: requestLocale(req),
          orgName: org?.name ?? '',
          title: a.title,
          status: a.status,
          createdAt: a.created_at,
          now: deps.now(),
          pack: catalog.pack,
          answers: values,
          score: scoreAssessment(catalog.pack, catalog.nodes, values, a.tier ?? undefined),
        });
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', attachmentName(a.title, `assessment-${a.id.slice(0, 8)}`, 'pdf'))
          .send(pdf);
      },
    );

    app.put(
      '/api/orgs/:orgId/assessments/:id/answers/:ref',
      {
        config: { permission: 'assessments.write' },
        schema: {
          tags: ['assessments'],
          summary:
            'Save one answer. `revision` is the revision you saw (0 for a new answer); a newer answer wins and is returned with 409.',
          params: z.strictObject({ orgId: Id, id: Id, ref: z.string().min(1).max(128) }),
          body: z.strictObject({
            value: AnswerValueSchema.nullable(),
            comment: z.string().max(4000).nullable().optional(),
            assigneeId: Id.nullable().optional(),
            dueDate: z.iso.date().nullable().optional(),
            revision: z.number().int().min(0),
          }),
          response: { 200: z.object({ answer: Answer }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const a = await findAssessment(deps.store.db, access.orgId, req.params.id);
        if (!a) return fail('not_found');
        if (!answersEditable(a.status as AssessmentStatus)) fail('assessment_not_editable');
        const catalog = await loadCatalog(deps.store.db, access.orgId, a.catalog_id);
        const itemRef = catalogItemRef(a.scope_type, req.params.ref);
        const node = catalog.nodes.find((n) => n.ref === itemRef && n.kind === 'item');
        const model = node ? catalog.pack.answerModels[node.node.answerModel ?? ''] : undefined;
        if (!node || !model) return fail('unknown_item');
        if (req.body.value !== null && !answerFits(model, req.body.value))
          return fail('answer_invalid', [{ in: 'body', pointer: '/value' }]);
        if (
          req.body.assigneeId &&
          !(await findMembership(deps.store.db, access.orgId, req.body.assigneeId))
        ) {
          return fail('validation_failed', [
            { in: 'body', pointer: '/assigneeId', message: req.body.assigneeId },
          ]);
        }
        const now = deps.now().toISOString();
        const saved = await deps.store.db.transaction().execute(async (trx) => {
          const { ok, current } = await writeAnswer(trx, {
            orgId: access.orgId,
            assessmentId: a.id,
            ref: req.params.ref,
            change: req.body,
            revision: req.body.revision,
            by: access.actorUserId,
            now,
          });
          if (!ok) return fail('answer_conflict', { current: current ? answerView(current) : null });
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'assessment.answer',
            { type: 'assessment', id: a.id },
            { ref: req.params.ref, revision: current?.revision },
          );
          await refreshScore(trx, access.orgId, a.id, deps.now());
          return current;
        });
        return { answer: answerView(saved ?? fail('internal')) };
      },
    );

    app.post(
      '/api/orgs/:orgId/assessments/:id/status',
      {
        config: { permission: 'assessments.write' },
        schema: {
          tags: ['assessments'],
          summary:
            'Move through review: draft → in_review → approved → locked (approve and lock need owner or admin)',
          params: z.strictObject({ orgId: Id, id: Id }),
          body: z.strictObject({ to: z.enum(ASSESSMENT_STATUSES) }),
          response: { 200: z.object({ assessment: Assessment }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const reviewer = can(access.role, 'assessments.review');
        const updated = await deps.store.db.transaction().execute(async (trx) => {
          const a = await findAssessment(trx, access.orgId, req.params.id);
          if (!a) return fail('not_found');
          const problem = checkStatusMove(
            a.status as AssessmentStatus,
            req.body.to,
            reviewer ? 'reviewer' : 'writer',
          );
          if (problem === 'needs_reviewer') return fail('forbidden');
          if (problem !== null) return fail('status_move', { from: a.status, to: req.body.to });
          await setAssessmentStatus(
            trx,
            access.orgId,
            a.id,
            req.body.to,
            access.actorUserId,
            deps.now().toISOString(),
          );
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'assessment.status',
            { type: 'assessment', id: a.id },
            { from: a.status, to: req.body.to },
          );
          return findAssessment(trx, access.orgId, a.id);
        });
        return { assessment: assessmentView(updated ?? fail('internal')) };
      },
    );
  };
}
