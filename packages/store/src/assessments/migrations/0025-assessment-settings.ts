import type { Kysely, Migration } from 'kysely';

/**
 * Assessments module: an organization's review settings. `four_eyes` = 1 means an assessment is approved
 * only by someone other than its submitter and its last editor. No row means the default (off).
 */
export function assessmentSettingsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('assessment_settings')
        .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
        .addColumn('four_eyes', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
