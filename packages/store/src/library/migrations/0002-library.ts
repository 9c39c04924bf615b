import type { Kysely, Migration } from 'kysely';

/**
 * Library and assessments modules: catalog versions, their nodes, assessments and answers (the last two are
 * tables of the assessments module, `assessments/tables.ts`; the migration is kept whole as it was recorded).
 */
export function libraryMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('catalogs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // 'builtin' for the packs shipped in catalogs/, otherwise the owning organization's id.
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('urn', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('title_ja', 'text', (c) => c.notNull())
        .addColumn('title_en', 'text', (c) => c.notNull())
        .addColumn('checksum', 'text', (c) => c.notNull())
        .addColumn('pack', 'text', (c) => c.notNull())
        .addColumn('item_count', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('catalogs_scope_urn_version', ['scope', 'urn', 'version'])
        .execute();

      await db.schema
        .createTable('catalog_nodes')
        .addColumn('catalog_id', 'text', (c) => c.notNull().references('catalogs.id').onDelete('cascade'))
        .addColumn('ref', 'text', (c) => c.notNull())
        .addColumn('parent_ref', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('depth', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('provenance', 'text', (c) => c.notNull())
        .addColumn('title_ja', 'text', (c) => c.notNull())
        .addColumn('title_en', 'text', (c) => c.notNull())
        .addColumn('answer_model', 'text')
        .addColumn('tier', 'text')
        .addColumn('tags', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('catalog_nodes_pk', ['catalog_id', 'ref'])
        .execute();

      await db.schema
        .createTable('assessments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('catalog_id', 'text', (c) => c.notNull().references('catalogs.id'))
        .addColumn('tier', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('scope_type', 'text', (c) => c.notNull())
        .addColumn('scope_label', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('status_by', 'text')
        .addColumn('status_at', 'text')
        .addColumn('due_date', 'text')
        .addColumn('based_on', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('assessments_org')
        .on('assessments')
        .columns(['org_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('answers')
        .addColumn('assessment_id', 'text', (c) =>
          c.notNull().references('assessments.id').onDelete('cascade'),
        )
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('ref', 'text', (c) => c.notNull())
        .addColumn('value', 'text')
        .addColumn('comment', 'text')
        .addColumn('assignee_id', 'text')
        .addColumn('due_date', 'text')
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('answers_pk', ['assessment_id', 'ref'])
        .execute();
      await db.schema.createIndex('answers_org').on('answers').column('org_id').execute();
    },
  };
}
