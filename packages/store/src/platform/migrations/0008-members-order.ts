import type { Kysely, Migration } from 'kysely';

/** Members are listed in the order they joined: an index walk instead of sorting every member per page. */
export function membersOrderMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('memberships_org_joined')
        .on('memberships')
        .columns(['org_id', 'created_at', 'user_id'])
        .execute();
    },
  };
}
