import type { Kysely, Migration } from 'kysely';
import type { DialectOps } from '../../dialect/types.ts';

/** Assessments module: evidence files, stored in the database (shared by every server instance). */
export function evidenceMigration(ops: DialectOps): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('evidence')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('assessment_id', 'text', (c) =>
          c.notNull().references('assessments.id').onDelete('cascade'),
        )
        .addColumn('ref', 'text', (c) => c.notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('data', ops.name === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('uploaded_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('evidence_assessment')
        .on('evidence')
        .columns(['org_id', 'assessment_id', 'ref'])
        .execute();
    },
  };
}
