import { scoreAssessment, type AnswerValue, type ScoreReport } from '@shinrai/core';
import {
  assessmentScorePercents,
  findAssessment,
  listAnswers,
  setAssessmentScore,
  type AnswerRow,
  type Executor,
} from '@shinrai/store';
import { loadCatalog, type LoadedCatalog } from '../library/public.ts';

export function answerValues(rows: readonly AnswerRow[]): Map<string, AnswerValue> {
  const values = new Map<string, AnswerValue>();
  for (const r of rows) if (r.value !== null) values.set(r.ref, JSON.parse(r.value) as AnswerValue);
  return values;
}

/** Recomputes an assessment's score and stores it on its row (call in the transaction that changed answers). */
export async function refreshScore(
  ex: Executor,
  orgId: string,
  assessmentId: string,
  now = new Date(),
): Promise<{ report: ScoreReport; catalog: LoadedCatalog } | null> {
  const a = await findAssessment(ex, orgId, assessmentId);
  if (!a) return null;
  const catalog = await loadCatalog(ex, orgId, a.catalog_id);
  const report = scoreAssessment(
    catalog.pack,
    catalog.nodes,
    answerValues(await listAnswers(ex, orgId, a.id)),
    a.tier ?? undefined,
  );
  const o = report.overall;
  await setAssessmentScore(
    ex,
    orgId,
    a.id,
    {
      points: o.points,
      max: o.max,
      percent: o.percent,
      answered: o.answered,
      items: o.items,
      bandId: o.band?.id ?? null,
    },
    now.toISOString(),
  );
  return { report, catalog };
}

/** The stored score (0–100 %) of these assessments of an organization, for other modules' summaries. */
export async function scorePercents(
  ex: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, number | null>> {
  return assessmentScorePercents(ex, orgId, ids);
}
