import type { Kysely, Migration } from 'kysely';

/**
 * Files attached to a sharing report (a suspicious .eml, log excerpts): the bytes are in the platform file
 * store (`file_key`); the row keeps what was read from them (an .eml's headers, hops and hashes as JSON).
 */
export function sharingAttachmentsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sharing_report_attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('report_id', 'text', (c) =>
          c.notNull().references('sharing_reports.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('file_key', 'text', (c) => c.notNull())
        .addColumn('summary', 'text')
        .addColumn('uploaded_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('sharing_report_attachments_report')
        .on('sharing_report_attachments')
        .columns(['report_id', 'created_at'])
        .execute();
    },
  };
}
