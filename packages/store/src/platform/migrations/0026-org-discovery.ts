import { sql, type Kysely, type Migration } from 'kysely';
import { orgSearchName } from '../organizations.ts';

/**
 * Finding a supplier without knowing its slug: whether an organization lets others find it by name or
 * 法人番号 (off for every existing organization), the name normalised for search (NFKC, lower case), and
 * invitations of an organization that is not on Shinrai yet to a relationship (single-use e-mail link).
 */
export function orgDiscoveryMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('organizations')
        .addColumn('discoverable', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('organizations')
        .addColumn('search_name', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      const orgs = await sql<{ id: string; name: string }>`select id, name from organizations`.execute(db);
      for (const o of orgs.rows)
        await sql`update organizations set search_name = ${orgSearchName(o.name)} where id = ${o.id}`.execute(
          db,
        );
      await db.schema
        .createIndex('organizations_discoverable')
        .on('organizations')
        .columns(['discoverable', 'corporate_number'])
        .execute();
      await db.schema
        .createTable('org_invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('company_name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('side', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('invited_by', 'text')
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('accepted_at', 'text')
        .addColumn('accepted_org_id', 'text')
        .addColumn('revoked_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('org_invitations_org')
        .on('org_invitations')
        .columns(['org_id', 'created_at'])
        .execute();
    },
  };
}
