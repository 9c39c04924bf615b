import type { Kysely, Migration } from 'kysely';

/**
 * Intake of outside intelligence: STIX 2.1 objects an organization imported (uploaded bundles, TAXII 2.1
 * collections it pulls), one row per object version; the import runs; the TAXII sources it pulls from.
 */
export function sharingIntakeMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sharing_intake_sources')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('api_root_url', 'text', (c) => c.notNull())
        .addColumn('collection_id', 'text', (c) => c.notNull())
        .addColumn('auth_kind', 'text', (c) => c.notNull())
        .addColumn('username', 'text')
        .addColumn('secret', 'text')
        .addColumn('interval_minutes', 'integer', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('checkpoint', 'text')
        .addColumn('next_run_at', 'text')
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('last_attempt_at', 'text')
        .addColumn('last_success_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sharing_intake_imports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('source_id', 'text', (c) => c.references('sharing_intake_sources.id').onDelete('set null'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('producer', 'text', (c) => c.notNull())
        .addColumn('added', 'integer', (c) => c.notNull())
        .addColumn('updated', 'integer', (c) => c.notNull())
        .addColumn('unchanged', 'integer', (c) => c.notNull())
        .addColumn('skipped', 'integer', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('sharing_intake_imports_org')
        .on('sharing_intake_imports')
        .columns(['org_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('sharing_intake_objects')
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('stix_id', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('stix_type', 'text', (c) => c.notNull())
        .addColumn('is_current', 'integer', (c) => c.notNull())
        .addColumn('tlp', 'text')
        .addColumn('producer', 'text', (c) => c.notNull())
        .addColumn('source_label', 'text', (c) => c.notNull())
        .addColumn('import_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('value', 'text')
        .addColumn('first_seen', 'text')
        .addColumn('last_seen', 'text')
        .addColumn('object', 'text', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('sharing_intake_objects_pk', ['org_id', 'stix_id', 'version'])
        .execute();
      await db.schema
        .createIndex('sharing_intake_objects_list')
        .on('sharing_intake_objects')
        .columns(['org_id', 'is_current', 'stix_type'])
        .execute();
    },
  };
}
