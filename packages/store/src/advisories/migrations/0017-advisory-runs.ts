import type { Kysely, Migration } from 'kysely';

/**
 * Advisory import bookkeeping that survives a crash: each run's lease (renewed by every batch, so a run whose
 * lease expired is known dead and marked abandoned) and how it was started; which import wrote each record
 * (provenance); and the advisories still waiting for the portfolio re-match, written in the same transaction
 * as the batch that changed them and removed only once the re-match ran.
 */
export function advisoryRunsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('advisory_imports').addColumn('lease_until', 'text').execute();
      await db.schema
        .alterTable('advisory_imports')
        .addColumn('via', 'text', (c) => c.notNull().defaultTo('upload'))
        .execute();
      await db.schema.alterTable('advisories').addColumn('import_id', 'text').execute();
      await db.schema
        .createTable('advisory_rematch_pending')
        .addColumn('advisory_id', 'text', (c) => c.primaryKey())
        .addColumn('token', 'text', (c) => c.notNull())
        .addColumn('import_id', 'text')
        .addColumn('queued_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('advisory_rematch_pending_token')
        .on('advisory_rematch_pending')
        .column('token')
        .execute();
    },
  };
}
