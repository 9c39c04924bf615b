import type { Page } from '@shinrai/core';
import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import { runCompiled, slot } from '../platform/compiled.ts';
import type { AnswersTable, AssessmentsTable } from './tables.ts';
import { catalogVersionsByUrn } from '../library/index.ts';
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
  // Compiled once: every answer saved reads its assessment.
  const r = await runCompiled(
    ex,
    'assessments.findAssessment',
    (e) => e.selectFrom('assessments').selectAll().where('org_id', '=', slot(0)).where('id', '=', slot(1)),
    [orgId, id],
  );
  return r.rows[0];
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
  // Compiled once: every answer saved reads it.
  const r = await runCompiled(
    ex,
    'assessments.findAnswer',
    (e) =>
      e
        .selectFrom('answers')
        .selectAll()
        .where('org_id', '=', slot(0))
        .where('assessment_id', '=', slot(1))
        .where('ref', '=', slot(2)),
    [orgId, assessmentId, ref],
  );
  return r.rows[0];
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
    const cols = ANSWER_COLUMNS;
    const r = await runCompiled(
      ex,
      'assessments.insertAnswer',
      (e) =>
        e
          .insertInto('answers')
          .values({
            ...(Object.fromEntries(cols.map((c, i) => [c, slot(i)])) as unknown as Omit<
              AnswerRow,
              'revision'
            >),
            revision: 1,
          })
          .onConflict((oc) => oc.columns(['assessment_id', 'ref']).doNothing()),
      cols.map((c) => a[c]),
    );
    return Number(r.numAffectedRows ?? 0) === 1;
  }
  const r = await runCompiled(
    ex,
    'assessments.updateAnswer',
    (e) =>
      e
        .updateTable('answers')
        .set({
          value: slot(0),
          comment: slot(1),
          assignee_id: slot(2),
          due_date: slot(3),
          updated_by: slot(4),
          updated_at: slot(5),
          revision: slot(6),
        })
        .where('org_id', '=', slot(7))
        .where('assessment_id', '=', slot(8))
        .where('ref', '=', slot(9))
        .where('revision', '=', slot(10)),
    [
      a.value,
      a.comment,
      a.assignee_id,
      a.due_date,
      a.updated_by,
      a.updated_at,
      expectedRevision + 1,
      a.org_id,
      a.assessment_id,
      a.ref,
      expectedRevision,
    ],
  );
  return Number(r.numAffectedRows ?? 0) === 1;
}

const ANSWER_COLUMNS = [
  'assessment_id',
  'org_id',
  'ref',
  'value',
  'comment',
  'assignee_id',
  'due_date',
  'updated_by',
  'updated_at',
] as const satisfies readonly (keyof AnswerRow)[];

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

/** Assessment statuses whose results count as final: shared with peers and the parent company. */
export const FINAL_ASSESSMENT_STATUSES = ['approved', 'locked'] as const;

/** Assessments of an organization against any of `catalogIds` (the versions of one catalog), oldest first. */
export async function listAssessmentsOfCatalogIds(
  ex: Executor,
  orgId: string,
  catalogIds: readonly string[],
): Promise<AssessmentRow[]> {
  if (catalogIds.length === 0) return [];
  return ex
    .selectFrom('assessments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('catalog_id', 'in', [...catalogIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * The newest assessment of an organization against any of `catalogIds`; only in `statuses` when given, and
 * only created before `before` (by created_at, then id) when given: "last year".
 */
export async function latestAssessmentOfCatalogIds(
  ex: Executor,
  orgId: string,
  catalogIds: readonly string[],
  opts: { statuses?: readonly string[]; before?: { created_at: string; id: string } } = {},
): Promise<AssessmentRow | undefined> {
  if (catalogIds.length === 0) return undefined;
  let q = ex
    .selectFrom('assessments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('catalog_id', 'in', [...catalogIds]);
  if (opts.statuses !== undefined) q = q.where('status', 'in', [...opts.statuses]);
  const before = opts.before;
  if (before !== undefined)
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', before.created_at),
        eb.and([eb('created_at', '=', before.created_at), eb('id', '<', before.id)]),
      ]),
    );
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

/**
 * For the same-industry comparison: the latest approved or locked assessment against any of `catalogIds` of
 * every other organization whose industry is exactly `industry`. Organizations that share a member with
 * `orgId` are left out, so one person cannot fill the comparison with organizations of their own and read
 * another's value from the average. At most one row per organization, by organization id.
 */
export async function latestPeerAssessmentsOfCatalogIds(
  ex: Executor,
  p: { orgId: string; industry: string; catalogIds: readonly string[] },
): Promise<AssessmentRow[]> {
  if (p.catalogIds.length === 0) return [];
  const rows = await ex
    .selectFrom('assessments as a')
    .innerJoin('organizations as o', 'o.id', 'a.org_id')
    .selectAll('a')
    .where('o.industry', '=', p.industry)
    .where('a.org_id', '!=', p.orgId)
    .where('a.catalog_id', 'in', [...p.catalogIds])
    .where('a.status', 'in', [...FINAL_ASSESSMENT_STATUSES])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('memberships as theirs')
            .innerJoin('memberships as ours', 'ours.user_id', 'theirs.user_id')
            .select('theirs.user_id')
            .whereRef('theirs.org_id', '=', 'a.org_id')
            .where('ours.org_id', '=', p.orgId),
        ),
      ),
    )
    .orderBy('a.org_id')
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  const seen = new Set<string>();
  const out: AssessmentRow[] = [];
  for (const r of rows) {
    if (seen.has(r.org_id)) continue;
    seen.add(r.org_id);
    out.push(r);
  }
  return out;
}

/**
 * For the scheduled same-industry benchmark: the latest approved or locked assessment against any of
 * `catalogIds` of every organization that has an industry, with that industry and its corporate number.
 * At most one row per organization.
 */
export async function latestFinalAssessmentsByIndustry(
  ex: Executor,
  catalogIds: readonly string[],
): Promise<(AssessmentRow & { industry: string; corporate_number: string | null })[]> {
  if (catalogIds.length === 0) return [];
  const rows = await ex
    .selectFrom('assessments as a')
    .innerJoin('organizations as o', 'o.id', 'a.org_id')
    .selectAll('a')
    .select(['o.industry', 'o.corporate_number'])
    .where('o.industry', 'is not', null)
    .where('a.catalog_id', 'in', [...catalogIds])
    .where('a.status', 'in', [...FINAL_ASSESSMENT_STATUSES])
    .orderBy('a.org_id')
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  const seen = new Set<string>();
  const out: (AssessmentRow & { industry: string; corporate_number: string | null })[] = [];
  for (const r of rows) {
    const industry = r.industry?.trim();
    if (seen.has(r.org_id) || !industry) continue;
    seen.add(r.org_id);
    out.push({ ...r, industry });
  }
  return out;
}

/**
 * Assessments of one catalog (any version of its URN), oldest first, with their stored scores: the trend.
 * The versions come from the library module, the assessments from `listAssessmentsOfCatalogIds`.
 */
export async function listAssessmentsOfCatalog(
  ex: Executor,
  orgId: string,
  urn: string,
): Promise<(AssessmentRow & { catalog_version: string })[]> {
  const versions = await catalogVersionsByUrn(ex, urn);
  const rows = await listAssessmentsOfCatalogIds(ex, orgId, [...versions.keys()]);
  return rows.map((r) => ({ ...r, catalog_version: versions.get(r.catalog_id) ?? '' }));
}

/**
 * The latest assessment of one catalog (any version of its URN), or undefined: one row read, where
 * taking the last of `listAssessmentsOfCatalog` read them all (13 ms at 1,000 assessments).
 */
export async function lastAssessmentOfCatalog(
  ex: Executor,
  orgId: string,
  urn: string,
): Promise<AssessmentRow | undefined> {
  const versions = await catalogVersionsByUrn(ex, urn);
  return latestAssessmentOfCatalogIds(ex, orgId, [...versions.keys()]);
}

/** The stored score percent of these assessments of an organization (absent: no such assessment). */
export async function assessmentScorePercents(
  ex: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  // Below SQLite's bound-parameter limit per query.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ex
      .selectFrom('assessments')
      .select(['id', 'score_percent'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.score_percent === null ? null : Number(r.score_percent));
  }
  return out;
}
