import type { Kysely, Migration } from 'kysely';

/**
 * Supply chain "answer once": an item answered by reusing an earlier answer keeps where it came from
 * (JSON: source type, id, label and date) so the buyer sees it marked as reused.
 */
export function supplychainInboxMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('campaign_items').addColumn('reused_from', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('campaign_items').dropColumn('reused_from').execute();
    },
  };
}
