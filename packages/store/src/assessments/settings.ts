import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { AssessmentSettingsTable } from './tables.ts';

export type AssessmentSettingsRow = Selectable<AssessmentSettingsTable>;

/** The organization's review settings, or undefined when it never changed them (the defaults apply). */
export async function findAssessmentSettings(
  ex: Executor,
  orgId: string,
): Promise<AssessmentSettingsRow | undefined> {
  return ex.selectFrom('assessment_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function saveAssessmentSettings(ex: Executor, row: AssessmentSettingsRow): Promise<void> {
  await ex
    .insertInto('assessment_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({
        four_eyes: row.four_eyes,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Who saved the answer changed last (null when nobody answered, or it was an automatic change). */
export async function lastAnswerEditor(
  ex: Executor,
  orgId: string,
  assessmentId: string,
): Promise<string | null> {
  const row = await ex
    .selectFrom('answers')
    .select('updated_by')
    .where('org_id', '=', orgId)
    .where('assessment_id', '=', assessmentId)
    .orderBy('updated_at', 'desc')
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.updated_by ?? null;
}
