import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { GovernanceReportNotesTable } from './tables.ts';

export type GovernanceReportNotesRow = Selectable<GovernanceReportNotesTable>;

/** The executive summary and commentary written for the board report of one assessment. */
export async function findGovernanceReportNotes(
  ex: Executor,
  orgId: string,
  assessmentId: string,
): Promise<GovernanceReportNotesRow | undefined> {
  return ex
    .selectFrom('governance_report_notes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
}

/** Sets (or replaces) the summary and commentary of an assessment's board report. */
export async function saveGovernanceReportNotes(ex: Executor, row: GovernanceReportNotesRow): Promise<void> {
  await ex
    .insertInto('governance_report_notes')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'assessment_id']).doUpdateSet({
        summary: row.summary,
        commentary: row.commentary,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
