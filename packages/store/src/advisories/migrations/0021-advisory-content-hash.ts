import type { Kysely, Migration } from 'kysely';

/**
 * The SHA-256 of each stored record's content. Some databases publish changed records without a newer
 * `modified` (golang/vulndb dates every record 0001-01-01T00:00:00Z), so an import compares content, not
 * only dates. Records stored before this column have none and are rewritten once by the next import.
 */
export function advisoryContentHashMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('advisories').addColumn('content_hash', 'text').execute();
    },
  };
}
