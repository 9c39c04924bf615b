import {
  DIRECTIVE_REFS,
  GOVERNANCE_ACTION_STATUSES,
  isTargetLevel,
  levelToPercent,
  TARGET_LEVEL_MAX,
  type DirectiveRef,
} from '@shinrai/core';
import {
  deleteGovernanceAction,
  enqueueJob,
  findGovernanceAction,
  findJob,
  findMembership,
  insertGovernanceAction,
  listGovernanceActions,
  listGovernanceTargets,
  replaceGovernanceTargets,
  updateGovernanceAction,
  type GovernanceActionPatch,
  type GovernanceActionRow,
} from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/access.ts';
import { fail, requestLocale } from '../../platform/http/errors.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { Id, Job } from '../../platform/http/schemas.ts';
import { GOVERNANCE_OVERDUE_JOB } from './overdue-job.ts';
import { boardReportToPdf, boardReportToXlsx } from './reports/board-report.ts';
import { audit } from '../../platform/services/audit-trail.ts';
import {
  actionViews,
  boardReport,
  governanceGroup,
  governancePeers,
  governanceRadar,
  targetProfile,
} from './service.ts';
import { jobView } from '../../platform/services/views-job.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const Text = z.object({ ja: z.string(), en: z.string() });
const Directive = z.enum(DIRECTIVE_REFS);
const Percent = z.number().nullable();
const PerDirective = z.object(
  Object.fromEntries(DIRECTIVE_REFS.map((r) => [r, Percent])) as Record<DirectiveRef, typeof Percent>,
);
const Level = z
  .number()
  .min(0)
  .max(TARGET_LEVEL_MAX)
  .refine(isTargetLevel, { message: 'A level from 0 to 5 in steps of 0.5' });
const TargetsInput = z.strictObject(
  Object.fromEntries(DIRECTIVE_REFS.map((r) => [r, Level.nullable().optional()])) as Record<
    DirectiveRef,
    z.ZodOptional<z.ZodNullable<typeof Level>>
  >,
);

const Targets = z.object({
  /** Target maturity level per directive (0–5, steps of 0.5), null when none is set. */
  levels: PerDirective,
  /** The same as percent (level × 20), the scale of the radar. */
  percents: PerDirective,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

const AssessmentRef = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  createdAt: z.string(),
  catalogVersion: z.string(),
  percent: z.number().nullable(),
});

const Counts = z.object({ open: z.number(), done: z.number(), overdue: z.number() });
const Radar = z.object({
  assessment: AssessmentRef.nullable(),
  previous: AssessmentRef.nullable(),
  axes: z.array(
    z.object({
      ref: Directive,
      title: Text,
      current: Percent,
      previous: Percent,
      target: Percent,
      currentLevel: Percent,
      previousLevel: Percent,
      targetLevel: Percent,
      actions: Counts,
    }),
  ),
});

const Peers = z.discriminatedUnion('available', [
  z.object({
    available: z.literal(false),
    contributors: z.number(),
    reason: z.enum(['no_industry', 'too_few']),
  }),
  z.object({
    available: z.literal(true),
    contributors: z.number(),
    averages: z.array(z.object({ ref: Directive, average: Percent })),
  }),
]);

const Group = z.object({
  axes: z.array(z.object({ ref: Directive, title: Text })),
  companies: z.array(
    z.object({
      organization: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
      self: z.boolean(),
      assessment: z
        .object({ status: z.string(), createdAt: z.string(), catalogVersion: z.string() })
        .nullable(),
      overall: Percent,
      directives: PerDirective,
    }),
  ),
});

const ActionStatus = z.enum(GOVERNANCE_ACTION_STATUSES);
const Kpi = z.object({ text: z.string(), target: z.number().nullable(), current: z.number().nullable() });
const Action = z.object({
  id: z.string(),
  directive: Directive,
  title: z.string(),
  owner: z.object({ id: z.string(), displayName: z.string().nullable() }),
  dueDate: z.string(),
  status: ActionStatus,
  kpi: Kpi.nullable(),
  overdue: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const KpiInput = z.strictObject({
  text: z.string().trim().min(1).max(500),
  target: z.number().finite().nullable().optional(),
  current: z.number().finite().nullable().optional(),
});
const ActionInput = z.strictObject({
  directive: Directive,
  title: z.string().trim().min(1).max(200),
  ownerId: Id,
  dueDate: z.iso.date(),
  status: ActionStatus.default('planned'),
  kpi: KpiInput.nullable().optional(),
});
const ActionPatch = z.strictObject({
  directive: Directive.optional(),
  title: z.string().trim().min(1).max(200).optional(),
  ownerId: Id.optional(),
  dueDate: z.iso.date().optional(),
  status: ActionStatus.optional(),
  kpi: KpiInput.nullable().optional(),
});

const ReportQuery = z.strictObject({ assessmentId: Id.optional(), lang: z.enum(['ja', 'en']).optional() });
const OrgOnly = z.strictObject({ orgId: Id });
const ActionParams = z.strictObject({ orgId: Id, actionId: Id });

function targetsView(rows: Parameters<typeof targetProfile>[0]) {
  const p = targetProfile(rows);
  const percents = Object.fromEntries(
    DIRECTIVE_REFS.map((r) => [r, p.levels[r] === null ? null : levelToPercent(p.levels[r])]),
  ) as Record<DirectiveRef, number | null>;
  return { levels: p.levels, percents, updatedAt: p.updatedAt, updatedBy: p.updatedBy };
}

/** The fields of a KPI input as columns (undefined: leave as is). */
function kpiColumns(
  kpi: z.infer<typeof KpiInput> | null | undefined,
): Pick<GovernanceActionPatch, 'kpi_text' | 'kpi_target' | 'kpi_current'> {
  if (kpi === undefined) return {};
  if (kpi === null) return { kpi_text: null, kpi_target: null, kpi_current: null };
  return { kpi_text: kpi.text, kpi_target: kpi.target ?? null, kpi_current: kpi.current ?? null };
}

/**
 * サイバーセキュリティ経営 (Cybersecurity Management Guidelines) for executives: target profile, radar,
 * same-industry and group comparison, PDCA action items and the board report.
 */
export function governanceRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.store.db;

  async function requireOwnerMember(orgId: string, ownerId: string): Promise<void> {
    if (!(await findMembership(db, orgId, ownerId)))
      fail('validation_failed', [{ in: 'body', pointer: '/ownerId', message: ownerId }]);
  }

  async function oneAction(orgId: string, row: GovernanceActionRow) {
    const [view] = await actionViews(db, orgId, [row], deps.now());
    return view ?? fail('internal');
  }

  return async (app) => {
    app.get(
      '/api/orgs/:orgId/governance/targets',
      {
        config: { permission: 'governance.read' },
        schema: {
          tags: ['governance'],
          summary:
            'Target maturity per directive (指示1〜10): a level 0–5 in steps of 0.5 on the checklist’s scale, also as percent',
          params: OrgOnly,
          response: { 200: z.object({ targets: Targets }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return { targets: targetsView(await listGovernanceTargets(db, access.orgId)) };
      },
    );

    app.put(
      '/api/orgs/:orgId/governance/targets',
      {
        config: { permission: 'governance.review' },
        schema: {
          tags: ['governance'],
          summary:
            'Set the whole target profile: {targets: {"directive-1": 3, …}}; a directive left out or null has no target (owner, admin)',
          params: OrgOnly,
          body: z.strictObject({ targets: TargetsInput }),
          response: { 200: z.object({ targets: Targets }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const targets = DIRECTIVE_REFS.flatMap((directive) => {
          const level = req.body.targets[directive];
          return level === undefined || level === null ? [] : [{ directive, level }];
        });
        const rows = await db.transaction().execute(async (trx) => {
          await replaceGovernanceTargets(
            trx,
            access.orgId,
            targets,
            access.actorUserId,
            deps.now().toISOString(),
          );
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'governance.targets',
            { type: 'organization', id: access.orgId },
            { targets: Object.fromEntries(targets.map((t) => [t.directive, t.level])) },
          );
          return listGovernanceTargets(trx, access.orgId);
        });
        return { targets: targetsView(rows) };
      },
    );

    app.get(
      '/api/orgs/:orgId/governance/radar',
      {
        config: { permission: 'governance.read' },
        schema: {
          tags: ['governance'],
          summary:
            'Radar of the ten directives: percent of the assessment (default: the newest governance assessment), of the one before it (any catalog version) and of the target, with open/done/overdue action counts',
          params: OrgOnly,
          querystring: ReportQuery,
          response: { 200: Radar },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return governanceRadar(deps, access.orgId, req.query.assessmentId);
      },
    );

    app.get(
      '/api/orgs/:orgId/governance/peers',
      {
        config: { permission: 'governance.read' },
        schema: {
          tags: ['governance'],
          summary:
            'Same-industry average per directive over other organizations’ latest approved or locked governance assessment; only the number of contributors when fewer than 5 (k-anonymity). Organizations sharing a member with this one do not count.',
          params: OrgOnly,
          response: { 200: Peers },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return governancePeers(deps, access.orgId);
      },
    );

    app.get(
      '/api/orgs/:orgId/governance/group',
      {
        config: { permission: 'governance.read' },
        schema: {
          tags: ['governance'],
          summary:
            'Group comparison (比較シート): this organization and each group company with an active group_company relationship (this organization = parent), per directive, from each one’s latest approved or locked governance assessment',
          params: OrgOnly,
          response: { 200: Group },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return governanceGroup(deps, access.orgId);
      },
    );

    app.get(
      '/api/orgs/:orgId/governance/actions',
      {
        config: { permission: 'governance.read' },
        schema: {
          tags: ['governance'],
          summary:
            'PDCA action items by due date, with an overdue flag (open and past the due date in Japan)',
          params: OrgOnly,
          querystring: z.strictObject({
            directive: Directive.optional(),
            status: ActionStatus.optional(),
            lang: z.enum(['ja', 'en']).optional(),
          }),
          response: { 200: z.object({ items: z.array(Action) }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const rows = await listGovernanceActions(db, access.orgId, {
          ...(req.query.directive === undefined ? {} : { directive: req.query.directive }),
          ...(req.query.status === undefined ? {} : { status: req.query.status }),
        });
        return { items: await actionViews(db, access.orgId, rows, deps.now()) };
      },
    );

    app.post(
      '/api/orgs/:orgId/governance/actions',
      {
        config: { permission: 'governance.write' },
        schema: {
          tags: ['governance'],
          summary:
            'Add an action item to a directive: title, owner (a member), due date, status, optional KPI (text, target, current)',
          params: OrgOnly,
          body: ActionInput,
          response: { 201: z.object({ action: Action }) },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const b = req.body;
        await requireOwnerMember(access.orgId, b.ownerId);
        const now = deps.now().toISOString();
        const kpi = kpiColumns(b.kpi);
        const row: GovernanceActionRow = {
          id: randomUUID(),
          org_id: access.orgId,
          directive: b.directive,
          title: b.title,
          owner_id: b.ownerId,
          due_date: b.dueDate,
          status: b.status,
          kpi_text: kpi.kpi_text ?? null,
          kpi_target: kpi.kpi_target ?? null,
          kpi_current: kpi.kpi_current ?? null,
          reminded_on: null,
          created_by: access.actorUserId,
          created_at: now,
          updated_at: now,
        };
        await db.transaction().execute(async (trx) => {
          await insertGovernanceAction(trx, row);
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'governance.action.create',
            { type: 'governance_action', id: row.id },
            { directive: row.directive, owner: row.owner_id, dueDate: row.due_date, status: row.status },
          );
        });
        return reply.status(201).send({ action: await oneAction(access.orgId, row) });
      },
    );

    app.patch(
      '/api/orgs/:orgId/governance/actions/:actionId',
      {
        config: { permission: 'governance.write' },
        schema: {
          tags: ['governance'],
          summary: 'Change an action item (any field; kpi: null removes the KPI)',
          params: ActionParams,
          body: ActionPatch,
          response: { 200: z.object({ action: Action }) },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        const b = req.body;
        if (b.ownerId !== undefined) await requireOwnerMember(access.orgId, b.ownerId);
        const patch: GovernanceActionPatch = {
          ...(b.directive === undefined ? {} : { directive: b.directive }),
          ...(b.title === undefined ? {} : { title: b.title }),
          ...(b.ownerId === undefined ? {} : { owner_id: b.ownerId }),
          ...(b.dueDate === undefined ? {} : { due_date: b.dueDate }),
          ...(b.status === undefined ? {} : { status: b.status }),
          ...kpiColumns(b.kpi),
        };
        const updated = await db.transaction().execute(async (trx) => {
          const before = await findGovernanceAction(trx, access.orgId, req.params.actionId);
          if (!before) return fail('not_found');
          await updateGovernanceAction(trx, access.orgId, before.id, patch, deps.now().toISOString());
          const changed = Object.fromEntries(
            Object.entries(patch).filter(([k, v]) => before[k as keyof GovernanceActionPatch] !== v),
          );
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'governance.action.update',
            { type: 'governance_action', id: before.id },
            { changed },
          );
          return findGovernanceAction(trx, access.orgId, before.id);
        });
        return { action: await oneAction(access.orgId, updated ?? fail('internal')) };
      },
    );

    app.delete(
      '/api/orgs/:orgId/governance/actions/:actionId',
      {
        config: { permission: 'governance.review' },
        schema: {
          tags: ['governance'],
          summary: 'Delete an action item (owner, admin); prefer status "cancelled" to keep the history',
          params: ActionParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        await db.transaction().execute(async (trx) => {
          const a = await findGovernanceAction(trx, access.orgId, req.params.actionId);
          if (!a) return fail('not_found');
          await deleteGovernanceAction(trx, access.orgId, a.id);
          await audit(
            deps,
            trx,
            actorOf(access, req.id),
            access.orgId,
            'governance.action.delete',
            { type: 'governance_action', id: a.id },
            { directive: a.directive, title: a.title, status: a.status },
          );
          return undefined;
        });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/orgs/:orgId/governance/reminders',
      {
        config: { permission: 'governance.review' },
        schema: {
          tags: ['governance'],
          summary:
            'Start a background job that e-mails the owners of overdue open action items (each action at most once a day)',
          params: OrgOnly,
          response: { 202: z.object({ job: Job }) },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const id = randomUUID();
        await db.transaction().execute(async (trx) => {
          await enqueueJob(trx, {
            id,
            orgId: access.orgId,
            kind: GOVERNANCE_OVERDUE_JOB,
            payload: {},
            maxAttempts: 3,
            now: deps.now().toISOString(),
          });
          await audit(deps, trx, actorOf(access, req.id), access.orgId, 'governance.reminders_start', {
            type: 'job',
            id,
          });
        });
        const job = await findJob(db, access.orgId, id);
        return reply.status(202).send({ job: jobView(job ?? fail('internal')) });
      },
    );

    app.get(
      '/api/orgs/:orgId/governance/report.pdf',
      {
        config: { permission: 'governance.read' },
        schema: {
          tags: ['governance'],
          summary:
            'Board and investor report as PDF (Japanese fonts embedded): radar (current, previous, target), top gaps, action plan, trend',
          params: OrgOnly,
          querystring: ReportQuery,
          produces: ['application/pdf'],
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const data = await boardReport(deps, access.orgId, req.query.assessmentId);
        const pdf = await boardReportToPdf(data, requestLocale(req));
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', 'attachment; filename="governance-report.pdf"')
          .send(pdf);
      },
    );

    app.get(
      '/api/orgs/:orgId/governance/report.xlsx',
      {
        config: { permission: 'governance.read' },
        schema: {
          tags: ['governance'],
          summary:
            'The board and investor report as .xlsx: summary, directives, action plan and trend sheets',
          params: OrgOnly,
          querystring: ReportQuery,
          produces: [XLSX],
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const data = await boardReport(deps, access.orgId, req.query.assessmentId);
        const buf = await boardReportToXlsx(data, requestLocale(req));
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', 'attachment; filename="governance-report.xlsx"')
          .send(buf);
      },
    );
  };
}
