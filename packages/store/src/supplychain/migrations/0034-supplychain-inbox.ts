import type { Kysely, Migration } from 'kysely';

/**
 * Supply chain "answer once": an item answered by reusing an earlier answer keeps where it came from
 * (JSON: source type, id, label and date) so the buyer sees it marked as reused; a request may carry the
 * supplier's SECURITY ACTION declaration it chose to attach (campaign_request_declarations).
 */
export function supplychainInboxMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('campaign_items').addColumn('reused_from', 'text').execute();
      await db.schema
        .createTable('campaign_request_declarations')
        .addColumn('request_id', 'text', (c) =>
          c.primaryKey().references('campaign_requests.id').onDelete('cascade'),
        )
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('declaration_id', 'text', (c) => c.notNull())
        .addColumn('declared_on', 'text', (c) => c.notNull())
        .addColumn('attached_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('campaign_request_declarations').execute();
      await db.schema.alterTable('campaign_items').dropColumn('reused_from').execute();
    },
  };
}
