import type { Kysely, Migration } from 'kysely';

/** Sharing notifications: each member's webhook and mail settings, and one row per delivery (e-mail, webhook). */
export function sharingNotifyMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sharing_notify_settings')
        .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
        .addColumn('webhook_url', 'text')
        .addColumn('webhook_secret', 'text')
        .addColumn('email_enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('email_to', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sharing_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('report_id', 'text', (c) =>
          c.notNull().references('sharing_reports.id').onDelete('cascade'),
        )
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('http_status', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('sharing_deliveries_once', ['source_id', 'org_id', 'channel'])
        .execute();
      await db.schema
        .createIndex('sharing_deliveries_org')
        .on('sharing_deliveries')
        .columns(['org_id', 'created_at'])
        .execute();
    },
  };
}
