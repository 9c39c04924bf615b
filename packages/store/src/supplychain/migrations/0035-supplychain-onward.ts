import type { Kysely, Migration } from 'kysely';

/**
 * Tier 3 and beyond: a registry share may allow the organization it is shared with to pass it on to that
 * organization's own buyers (onward sharing, 1 = allowed). Existing shares stay direct only.
 */
export function supplychainOnwardMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('supplier_registry_shares')
        .addColumn('onward', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  };
}
