import { ASSESSMENT_STATUSES, type AnswerValue, type AssessmentStatus } from '@shinrai/core';
import type { AnswerRow, AssessmentRow } from '@shinrai/store';
import { z } from 'zod';
import { SCOPE_TYPES } from './scope-types.ts';

/** Request and response shapes of the assessment routes, and the views that fill them. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const AnswerValueSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('choice'), value: z.string().max(100) }),
  z.strictObject({ kind: z.literal('multiple'), values: z.array(z.string().max(100)).max(100) }),
  z.strictObject({ kind: z.literal('maturity'), level: z.number().int().min(0).max(5) }),
  z.strictObject({ kind: z.literal('number'), value: z.number() }),
  z.strictObject({ kind: z.literal('text'), value: z.string().max(4000) }),
  z.strictObject({ kind: z.literal('date'), value: z.string().max(10) }),
  // Sent back as read; the server writes a file question's answer from its evidence files.
  z.strictObject({ kind: z.literal('file'), files: z.number().int().min(0).max(1000) }),
]);

export const Assessment = z.object({
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

export const Answer = z.object({
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
export const Score = z.object({
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

export function assessmentView(a: AssessmentRow) {
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

export function answerView(a: AnswerRow) {
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

export type AssessmentView = ReturnType<typeof assessmentView>;
export type AnswerView = ReturnType<typeof answerView>;
