import type { Kysely, Migration } from 'kysely';

/**
 * VEX statements keep what the document said beyond the status (CycloneDX `analysis.response`), how
 * specific the statement was and when it was made, so that a later, broader statement does not
 * silently replace a more specific one; every statement read or set is kept in a history.
 */
export function vexHistoryMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('software_vex').addColumn('response', 'text').execute();
      await db.schema
        .alterTable('software_vex')
        .addColumn('specificity', 'integer', (c) => c.notNull().defaultTo(4))
        .execute();
      await db.schema.alterTable('software_vex').addColumn('statement_at', 'text').execute();
      await db.schema.alterTable('software_vex').addColumn('source', 'text').execute();
      await db.schema
        .createTable('software_vex_history')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('release_id', 'text', (c) =>
          c.notNull().references('software_releases.id').onDelete('cascade'),
        )
        .addColumn('advisory_id', 'text', (c) => c.notNull())
        .addColumn('component_ref', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('justification', 'text')
        .addColumn('detail', 'text')
        .addColumn('response', 'text')
        .addColumn('specificity', 'integer', (c) => c.notNull())
        .addColumn('statement_at', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('applied', 'integer', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('software_vex_history_finding')
        .on('software_vex_history')
        .columns(['release_id', 'advisory_id', 'component_ref', 'recorded_at'])
        .execute();
    },
  };
}
