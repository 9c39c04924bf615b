import type { Kysely, Migration } from 'kysely';

/** Library module: mapping sets between two catalogs (entries kept as JSON: they are read as a whole). */
export function mappingsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('mapping_sets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('urn', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('source_urn', 'text', (c) => c.notNull())
        .addColumn('target_urn', 'text', (c) => c.notNull())
        .addColumn('title_ja', 'text', (c) => c.notNull())
        .addColumn('title_en', 'text', (c) => c.notNull())
        .addColumn('provenance', 'text', (c) => c.notNull())
        .addColumn('entries', 'text', (c) => c.notNull())
        .addColumn('checksum', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('mapping_sets_scope_urn_version', ['scope', 'urn', 'version'])
        .execute();
    },
  };
}
