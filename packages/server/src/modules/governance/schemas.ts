import {
  DIRECTIVE_REFS,
  GOVERNANCE_ACTION_STATUSES,
  isTargetLevel,
  TARGET_LEVEL_MAX,
  type DirectiveRef,
} from '@shinrai/core';
import { z } from 'zod';
import { Id } from '../../platform/http/schemas.ts';

/** Request and response schemas of the governance routes. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const Text = z.object({ ja: z.string(), en: z.string() });
export const Directive = z.enum(DIRECTIVE_REFS);
export const Percent = z.number().nullable();
export const PerDirective = z.object(
  Object.fromEntries(DIRECTIVE_REFS.map((r) => [r, Percent])) as Record<DirectiveRef, typeof Percent>,
);
export const Level = z
  .number()
  .min(0)
  .max(TARGET_LEVEL_MAX)
  .refine(isTargetLevel, { message: 'A level from 0 to 5 in steps of 0.5' });
export const TargetsInput = z.strictObject(
  Object.fromEntries(DIRECTIVE_REFS.map((r) => [r, Level.nullable().optional()])) as Record<
    DirectiveRef,
    z.ZodOptional<z.ZodNullable<typeof Level>>
  >,
);

export const Targets = z.object({
  /** Target maturity level per directive (0–5, steps of 0.5), null when none is set. */
  levels: PerDirective,
  /** The same as percent (level × 20), the scale of the radar. */
  percents: PerDirective,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

export const AssessmentRef = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  createdAt: z.string(),
  catalogVersion: z.string(),
  percent: z.number().nullable(),
});

export const Counts = z.object({ open: z.number(), done: z.number(), overdue: z.number() });
export const Radar = z.object({
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

const PeerRule = z.object({ minContributors: z.number(), bucketPoints: z.number() });

/** The industry benchmark, computed daily: distinct verified contributors, at least `rule.minContributors`, bucketed. */
export const Peers = z.discriminatedUnion('available', [
  z.object({
    available: z.literal(false),
    contributors: z.number(),
    computedAt: z.string().nullable(),
    rule: PeerRule,
    reason: z.enum(['no_industry', 'not_computed', 'too_few']),
  }),
  z.object({
    available: z.literal(true),
    contributors: z.number(),
    computedAt: z.string().nullable(),
    rule: PeerRule,
    averages: z.array(z.object({ ref: Directive, average: Percent })),
  }),
]);

export const Group = z.object({
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

export const ActionStatus = z.enum(GOVERNANCE_ACTION_STATUSES);
export const Kpi = z.object({
  text: z.string(),
  target: z.number().nullable(),
  current: z.number().nullable(),
});
export const Action = z.object({
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
export const KpiInput = z.strictObject({
  text: z.string().trim().min(1).max(500),
  target: z.number().finite().nullable().optional(),
  current: z.number().finite().nullable().optional(),
});
export const ActionInput = z.strictObject({
  directive: Directive,
  title: z.string().trim().min(1).max(200),
  ownerId: Id,
  dueDate: z.iso.date(),
  status: ActionStatus.default('planned'),
  kpi: KpiInput.nullable().optional(),
});
export const ActionPatch = z.strictObject({
  directive: Directive.optional(),
  title: z.string().trim().min(1).max(200).optional(),
  ownerId: Id.optional(),
  dueDate: z.iso.date().optional(),
  status: ActionStatus.optional(),
  kpi: KpiInput.nullable().optional(),
});

export const ReportQuery = z.strictObject({
  assessmentId: Id.optional(),
  lang: z.enum(['ja', 'en']).optional(),
});
export const OrgOnly = z.strictObject({ orgId: Id });
export const ActionParams = z.strictObject({ orgId: Id, actionId: Id });
