import type { Kysely, Migration } from 'kysely';

/** Sharing module: hubs, members' NDA, sector groups, reports (redactions, approval, publication),
 * comments, members' sanitization dictionaries. */
export function sharingMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const org = 'organizations.id';
      await db.schema
        .createTable('sharing_hubs')
        .addColumn('org_id', 'text', (c) => c.primaryKey().references(org).onDelete('cascade'))
        .addColumn('nda_version', 'text', (c) => c.notNull())
        .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sharing_members')
        .addColumn('hub_org_id', 'text', (c) => c.notNull().references(org).onDelete('cascade'))
        .addColumn('member_org_id', 'text', (c) => c.notNull().references(org).onDelete('cascade'))
        .addColumn('nda_version', 'text', (c) => c.notNull())
        .addColumn('nda_accepted_at', 'text', (c) => c.notNull())
        .addColumn('nda_accepted_by', 'text')
        .addColumn('named', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('sharing_members_pk', ['hub_org_id', 'member_org_id'])
        .execute();
      await db.schema
        .createTable('sharing_groups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('hub_org_id', 'text', (c) => c.notNull().references(org).onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('sharing_groups_name', ['hub_org_id', 'name'])
        .execute();
      await db.schema
        .createTable('sharing_group_members')
        .addColumn('group_id', 'text', (c) => c.notNull().references('sharing_groups.id').onDelete('cascade'))
        .addColumn('hub_org_id', 'text', (c) => c.notNull())
        .addColumn('member_org_id', 'text', (c) => c.notNull().references(org).onDelete('cascade'))
        .addPrimaryKeyConstraint('sharing_group_members_pk', ['group_id', 'member_org_id'])
        .execute();
      await db.schema
        .createTable('sharing_reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('hub_org_id', 'text', (c) => c.notNull().references(org).onDelete('cascade'))
        .addColumn('reporter_org_id', 'text', (c) => c.notNull().references(org).onDelete('cascade'))
        .addColumn('submitted_by', 'text')
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('attack_type', 'text', (c) => c.notNull())
        .addColumn('occurred_on', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('declared_indicators', 'text', (c) => c.notNull())
        .addColumn('proposal', 'text', (c) => c.notNull())
        .addColumn('redactions', 'text', (c) => c.notNull())
        .addColumn('indicators', 'text', (c) => c.notNull())
        .addColumn('published_title', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('approved_revision', 'integer')
        .addColumn('approved_text', 'text')
        .addColumn('approved_at', 'text')
        .addColumn('approved_by', 'text')
        .addColumn('reporter_note', 'text')
        .addColumn('tlp', 'text')
        .addColumn('published_at', 'text')
        .addColumn('published_seq', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('sharing_reports_hub')
        .on('sharing_reports')
        .columns(['hub_org_id', 'created_at'])
        .execute();
      await db.schema
        .createIndex('sharing_reports_seq')
        .on('sharing_reports')
        .columns(['hub_org_id', 'published_seq'])
        .unique()
        .execute();
      await db.schema
        .createIndex('sharing_reports_reporter')
        .on('sharing_reports')
        .columns(['reporter_org_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('sharing_report_groups')
        .addColumn('report_id', 'text', (c) =>
          c.notNull().references('sharing_reports.id').onDelete('cascade'),
        )
        .addColumn('group_id', 'text', (c) => c.notNull().references('sharing_groups.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('sharing_report_groups_pk', ['report_id', 'group_id'])
        .execute();
      await db.schema
        .createTable('sharing_comments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('report_id', 'text', (c) =>
          c.notNull().references('sharing_reports.id').onDelete('cascade'),
        )
        .addColumn('hub_org_id', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull().references(org).onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('named', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('sharing_comments_report')
        .on('sharing_comments')
        .columns(['report_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('sharing_terms')
        .addColumn('org_id', 'text', (c) => c.notNull().references(org).onDelete('cascade'))
        .addColumn('term', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('sharing_terms_pk', ['org_id', 'term'])
        .execute();
    },
  };
}
