import { ATTACK_TYPES, INDICATOR_TYPES, REDACTION_CATEGORIES, TLP_LEVELS } from '@shinrai/core/sharing';
import { z } from 'zod';
import { Attachment } from './eml/schemas.ts';

/** The largest report text (characters); sanitization of it stays well under a second. */
export const MAX_REPORT_TEXT = 100_000;
const text = (max: number) => z.string().trim().min(1).max(max);

export const Tlp = z.enum(TLP_LEVELS);
export const IndicatorInput = z.strictObject({ type: z.enum(INDICATOR_TYPES), value: text(2048) });
export const Indicator = z.object({
  type: z.enum(INDICATOR_TYPES),
  value: z.string(),
  reason: z.string(),
  /** attachment: proposed from an attached file (an .eml's sender, hops, URLs, hashes; a log's values). */
  source: z.enum(['text', 'reporter', 'analyst', 'attachment']),
});
export const RedactionInput = z.strictObject({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  category: z.enum(REDACTION_CATEGORIES),
});
export const Redaction = z.object({
  start: z.number(),
  end: z.number(),
  category: z.enum(REDACTION_CATEGORIES),
  text: z.string(),
  reason: z.string(),
  /** proposed: as the sanitizer proposed it; analyst: added or changed by the hub's analyst. */
  source: z.enum(['proposed', 'analyst']),
  by: z.string().nullable(),
  at: z.string(),
});
export const ReportInput = z.strictObject({
  title: text(200),
  text: text(MAX_REPORT_TEXT),
  lang: z.enum(['ja', 'en']),
  attackType: z.enum(ATTACK_TYPES),
  occurredOn: z.iso.date(),
  indicators: z.array(IndicatorInput).max(500).default([]),
});
export const ReportStatus = z.enum([
  'awaiting_review',
  'awaiting_approval',
  'changes_requested',
  'approved',
  'published',
]);

/** A report as the hub's analysts and its reporter see it (never shown to other members). */
export const ReportDetail = z.object({
  id: z.string(),
  hubOrgId: z.string(),
  hubName: z.string(),
  /** The reporter's name: for the hub and the reporter only. */
  reporterName: z.string(),
  mine: z.boolean(),
  status: ReportStatus,
  revision: z.number(),
  title: z.string(),
  publishedTitle: z.string().nullable(),
  text: z.string(),
  lang: z.enum(['ja', 'en']),
  attackType: z.enum(ATTACK_TYPES),
  occurredOn: z.string(),
  redactions: z.array(Redaction),
  indicators: z.array(Indicator),
  /** Files attached by the reporter (an .eml parsed, recipients removed). */
  attachments: z.array(Attachment),
  /** The text as it would be published with the current redactions. */
  preview: z.string(),
  approvedRevision: z.number().nullable(),
  approvedAt: z.string().nullable(),
  reporterNote: z.string().nullable(),
  tlp: Tlp.nullable(),
  groupIds: z.array(z.string()),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const ReportSummary = z.object({
  id: z.string(),
  title: z.string(),
  status: ReportStatus,
  attackType: z.enum(ATTACK_TYPES),
  hubName: z.string(),
  reporterName: z.string(),
  tlp: Tlp.nullable(),
  createdAt: z.string(),
});

export const Comment = z.object({
  id: z.string(),
  kind: z.enum(['sighting', 'comment']),
  text: z.string(),
  /** The organization's name when it chose to be named, or the reader is the hub or the author itself. */
  author: z.string().nullable(),
  mine: z.boolean(),
  createdAt: z.string(),
});

/** A published report as a member reads it: the hub is the author; the reporter is never named. */
export const Published = z.object({
  id: z.string(),
  hubName: z.string(),
  title: z.string(),
  text: z.string(),
  lang: z.enum(['ja', 'en']),
  attackType: z.enum(ATTACK_TYPES),
  occurredOn: z.string(),
  tlp: Tlp,
  publishedAt: z.string(),
  indicators: z.array(z.object({ type: z.enum(INDICATOR_TYPES), value: z.string() })),
  mine: z.boolean(),
  comments: z.array(Comment),
});
