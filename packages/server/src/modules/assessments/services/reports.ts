import { scoreAssessment, type AnswerValue } from '@shinrai/core';
import { findOrganization, listAnswers } from '@shinrai/store';
import type { Ctx } from '../../../platform/context.ts';
import { loadCatalog } from '../../library/public.ts';
import { assessmentToPdf } from '../reports/report-pdf.ts';
import { assessmentToXlsx } from '../reports/report-xlsx.ts';
import { answerValues } from '../scores.ts';
import { requireAssessment } from './assessments.ts';

export interface AssessmentFile {
  /** The assessment's title and id, for the download name. */
  title: string;
  id: string;
  body: Buffer;
}

/** The assessment as .xlsx: every item with its answer, points and comment, and a summary of scores. */
export async function assessmentWorkbook(
  ctx: Ctx,
  input: { id: string; locale: 'ja' | 'en' },
): Promise<AssessmentFile> {
  const db = ctx.deps.store.db;
  const a = await requireAssessment(ctx, input.id);
  const catalog = await loadCatalog(db, ctx.orgId, a.catalog_id);
  const rows = await listAnswers(db, ctx.orgId, a.id);
  const values = new Map<string, AnswerValue>();
  const answers = new Map<string, { value: AnswerValue | undefined; comment: string | null }>();
  for (const r of rows) {
    const v = r.value === null ? undefined : (JSON.parse(r.value) as AnswerValue);
    if (v) values.set(r.ref, v);
    answers.set(r.ref, { value: v, comment: r.comment });
  }
  const score = scoreAssessment(catalog.pack, catalog.nodes, values, a.tier ?? undefined);
  const body = await assessmentToXlsx({
    title: a.title,
    pack: catalog.pack,
    answers,
    score,
    locale: input.locale,
  });
  return { title: a.title, id: a.id, body };
}

/** The assessment report as PDF: score, band, radar by group, items to fix first, all answers. */
export async function assessmentReport(
  ctx: Ctx,
  input: { id: string; locale: 'ja' | 'en' },
): Promise<AssessmentFile> {
  const db = ctx.deps.store.db;
  const a = await requireAssessment(ctx, input.id);
  const catalog = await loadCatalog(db, ctx.orgId, a.catalog_id);
  const values = answerValues(await listAnswers(db, ctx.orgId, a.id));
  const org = await findOrganization(db, ctx.orgId);
  const body = await assessmentToPdf({
    locale: input.locale,
    orgName: org?.name ?? '',
    title: a.title,
    status: a.status,
    createdAt: a.created_at,
    now: ctx.deps.now(),
    pack: catalog.pack,
    answers: values,
    score: scoreAssessment(catalog.pack, catalog.nodes, values, a.tier ?? undefined),
  });
  return { title: a.title, id: a.id, body };
}
