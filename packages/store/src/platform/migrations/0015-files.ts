import type { Kysely, Migration } from 'kysely';
import type { DialectOps } from '../../dialect/types.ts';

/**
 * The platform file store: a description of every file, and on PostgreSQL its bytes in chunks, so that
 * any server instance can read a file another one received (SQLite keeps the bytes in the data folder).
 */
export function filesMigration(ops: DialectOps): Migration {
  const pg = ops.name === 'postgres';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('files')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('content_type', 'text')
        .addColumn('size', pg ? 'bigint' : 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('sha256', 'text')
        .addColumn('complete', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('job_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .execute();
      await db.schema.createIndex('files_job').on('files').column('job_id').execute();
      await db.schema.createIndex('files_expires').on('files').column('expires_at').execute();
      await db.schema
        .createTable('file_chunks')
        .addColumn('file_key', 'text', (c) => c.notNull().references('files.key').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('data', pg ? 'bytea' : 'blob', (c) => c.notNull())
        .addPrimaryKeyConstraint('file_chunks_pk', ['file_key', 'seq'])
        .execute();
    },
  };
}
