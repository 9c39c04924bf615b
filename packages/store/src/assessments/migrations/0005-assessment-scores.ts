import type { Kysely, Migration } from 'kysely';

/** Scores kept on the assessment row (refreshed with every answer), so dashboards and trends read one row each. */
export function assessmentScoresMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const [name, type] of [
        ['score_points', 'real'],
        ['score_max', 'real'],
        ['score_percent', 'real'],
        ['answered_count', 'integer'],
        ['item_count', 'integer'],
        ['band_id', 'text'],
      ] as const) {
        await db.schema.alterTable('assessments').addColumn(name, type).execute();
      }
      await db.schema
        .createIndex('assessments_org_catalog')
        .on('assessments')
        .columns(['org_id', 'catalog_id', 'created_at'])
        .execute();
    },
  };
}
