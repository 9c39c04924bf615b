import type { Page } from '@shinrai/core';
import type { Selectable } from 'kysely';
import type { Executor } from '../modules.ts';
import type { AnswersTable, AssessmentsTable } from './tables.ts';
import { newestFirstPage } from '../paging.ts';

export type AssessmentRow = Selectable<AssessmentsTable>;
export type AnswerRow = Selectable<AnswersTable>;

export async function insertAssessment(ex: Executor, row: AssessmentRow): Promise<void> {
  await ex.insertInto('assessments').values(row).execute();
}

export async function findAssessment(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<AssessmentRow | undefined> {
  return ex
    .selectFrom('assessments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listAssessments(
  ex: Executor,
  orgId: string,
  cursor: string | null,
  limit: number,
): Promise<Page<AssessmentRow> | null> {
  return newestFirstPage(ex.selectFrom('assessments').selectAll().where('org_id', '=', orgId), cursor, limit);
}

export async function setAssessmentStatus(
  ex: Executor,
  orgId: string,
  id: string,
  status: string,
  by: string | null,
  now: string,
): Promise<void> {
  await ex
    .updateTable('assessments')
    .set({ status, status_by: by, status_at: now, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function listAnswers(ex: Executor, orgId: string, assessmentId: string): Promise<AnswerRow[]> {
  return ex
    .selectFrom('answers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('assessment_id', '=', assessmentId)
    .execute();
}

export async function findAnswer(
  ex: Executor,
  orgId: string,
  assessmentId: string,
  ref: string,
): Promise<AnswerRow | undefined> {
  return ex
    .selectFrom('answers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('assessment_id', '=', assessmentId)
    .where('ref', '=', ref)
    .executeTakeFirst();
}

/**
 * Saves an answer only if nobody saved a newer one: `expectedRevision` is the revision the writer saw
 * (0 when there was none). Returns false on a conflict; the caller shows the newer value.
 */
export async function saveAnswer(
  ex: Executor,
  a: Omit<AnswerRow, 'revision'>,
  expectedRevision: number,
): Promise<boolean> {
  if (expectedRevision === 0) {
    const r = await ex
      .insertInto('answers')
      .values({ ...a, revision: 1 })
      .onConflict((oc) => oc.columns(['assessment_id', 'ref']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await ex
    .updateTable('answers')
    .set({
      value: a.value,
      comment: a.comment,
      assignee_id: a.assignee_id,
      due_date: a.due_date,
      updated_by: a.updated_by,
      updated_at: a.updated_at,
      revision: expectedRevision + 1,
    })
    .where('org_id', '=', a.org_id)
    .where('assessment_id', '=', a.assessment_id)
    .where('ref', '=', a.ref)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Moves an assessment to another version of its catalog; answers stay as they are. */
export async function setAssessmentCatalog(
  ex: Executor,
  orgId: string,
  id: string,
  catalogId: string,
  now: string,
): Promise<void> {
  await ex
    .updateTable('assessments')
    .set({ catalog_id: catalogId, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export interface StoredScore {
  points: number;
  max: number;
  percent: number | null;
  answered: number;
  items: number;
  bandId: string | null;
}

/** Stores the score and marks the assessment as changed now (its answers changed). */
export async function setAssessmentScore(
  ex: Executor,
  orgId: string,
  id: string,
  s: StoredScore,
  now: string,
): Promise<void> {
  await ex
    .updateTable('assessments')
    .set({
      score_points: s.points,
      score_max: s.max,
      score_percent: s.percent,
      answered_count: s.answered,
      item_count: s.items,
      band_id: s.bandId,
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Assessments of one catalog (any version of its URN), oldest first, with their stored scores: the trend. */
export async function listAssessmentsOfCatalog(
  ex: Executor,
  orgId: string,
  urn: string,
): Promise<(AssessmentRow & { catalog_version: string })[]> {
  return ex
    .selectFrom('assessments as a')
    .innerJoin('catalogs as c', 'c.id', 'a.catalog_id')
    .selectAll('a')
    .select('c.version as catalog_version')
    .where('a.org_id', '=', orgId)
    .where('c.urn', '=', urn)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}
