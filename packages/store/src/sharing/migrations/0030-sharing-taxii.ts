import type { Kysely, Migration } from 'kysely';

/**
 * TAXII 2.1 objects of published reports: one row per STIX object version per collection, numbered by a
 * per-hub sequence handed out under the hub row's lock in the publishing transaction (paging goes by it).
 */
export function sharingTaxiiMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('sharing_hubs')
        .addColumn('last_object_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('sharing_taxii_objects')
        .addColumn('hub_org_id', 'text', (c) =>
          c.notNull().references('organizations.id').onDelete('cascade'),
        )
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('collection', 'text', (c) => c.notNull())
        .addColumn('report_id', 'text', (c) =>
          c.notNull().references('sharing_reports.id').onDelete('cascade'),
        )
        .addColumn('stix_id', 'text', (c) => c.notNull())
        .addColumn('stix_type', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('date_added', 'text', (c) => c.notNull())
        .addColumn('is_last', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('object', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('sharing_taxii_objects_pk', ['hub_org_id', 'seq'])
        .execute();
      await db.schema
        .createIndex('sharing_taxii_objects_page')
        .on('sharing_taxii_objects')
        .columns(['hub_org_id', 'collection', 'seq'])
        .execute();
      // The default view (match[version]=last) reads the newest versions only, by an index, with no subquery.
      await db.schema
        .createIndex('sharing_taxii_objects_last')
        .on('sharing_taxii_objects')
        .columns(['hub_org_id', 'collection', 'is_last', 'seq'])
        .execute();
      await db.schema
        .createIndex('sharing_taxii_objects_version')
        .on('sharing_taxii_objects')
        .columns(['hub_org_id', 'collection', 'stix_id', 'version'])
        .unique()
        .execute();
    },
  };
}
