import type { Kysely, Migration } from 'kysely';

/**
 * SME module: the basic policy, recorded SECURITY ACTION declarations, and explicit shares of results (the
 * shares table belongs to the assessments module, `assessments/tables.ts`; the migration is kept whole as it was recorded).
 */
export function smeMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sme_policies')
        .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
        .addColumn('input', 'text', (c) => c.notNull())
        .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('published_at', 'text')
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('security_action_declarations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('declaration_id', 'text', (c) => c.notNull())
        .addColumn('declared_on', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('security_action_org')
        .on('security_action_declarations')
        .columns(['org_id', 'declared_on'])
        .execute();

      await db.schema
        .createTable('assessment_shares')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('assessment_id', 'text', (c) =>
          c.notNull().references('assessments.id').onDelete('cascade'),
        )
        .addColumn('with_org_id', 'text', (c) =>
          c.notNull().references('organizations.id').onDelete('cascade'),
        )
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('assessment_shares_with')
        .on('assessment_shares')
        .columns(['with_org_id', 'created_at'])
        .execute();
      await db.schema
        .createIndex('assessment_shares_org')
        .on('assessment_shares')
        .columns(['org_id', 'assessment_id'])
        .execute();
    },
  };
}
