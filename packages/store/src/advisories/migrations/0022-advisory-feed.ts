import type { Kysely, Migration } from 'kysely';

/**
 * Sources of the scheduled advisory feed: a folder on the server, or an HTTP(S) URL of an OSV all.zip (or
 * a mirror), per ecosystem. Each row keeps its schedule, what the server last answered (ETag,
 * Last-Modified, the archive's SHA-256: an unchanged source downloads and writes nothing), its lease while
 * a run holds it (one run at a time across instances) and its last run's result.
 */
export function advisoryFeedMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('advisory_feed_sources')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('location', 'text', (c) => c.notNull())
        .addColumn('ecosystem', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('schedule', 'text')
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('content_sha256', 'text')
        .addColumn('next_run_at', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('lease_job', 'text')
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_run_at', 'text')
        .addColumn('last_success_at', 'text')
        .addColumn('last_result', 'text')
        .addColumn('last_import_id', 'text')
        .addColumn('seen', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('added', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
