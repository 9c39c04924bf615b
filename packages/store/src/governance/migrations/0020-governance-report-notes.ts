import type { Kysely, Migration } from 'kysely';

/**
 * Governance module: what the CISO writes for the board report of an assessment — an executive summary and
 * commentary — stored per assessment so each year's paper keeps its own words.
 */
export function governanceReportNotesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('governance_report_notes')
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('assessment_id', 'text', (c) =>
          c.notNull().references('assessments.id').onDelete('cascade'),
        )
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('commentary', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('governance_report_notes_pk', ['org_id', 'assessment_id'])
        .execute();
    },
  };
}
