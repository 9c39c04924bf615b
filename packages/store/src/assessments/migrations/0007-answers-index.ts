import type { Kysely, Migration } from 'kysely';

/** Answers are always read per organization and assessment: index both, so one assessment never scans a tenant. */
export function answersIndexMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.dropIndex('answers_org').execute();
      await db.schema
        .createIndex('answers_org_assessment')
        .on('answers')
        .columns(['org_id', 'assessment_id', 'ref'])
        .execute();
    },
  };
}
