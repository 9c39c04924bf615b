import type { Kysely, Migration } from 'kysely';

/**
 * Governance module (サイバーセキュリティ経営): target maturity per directive and PDCA action items.
 * Targets are levels on the 0–5 maturity scale; due dates are calendar dates (YYYY-MM-DD, Japan).
 */
export function governanceMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('governance_targets')
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('directive', 'text', (c) => c.notNull())
        .addColumn('target_level', 'double precision', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('governance_targets_pk', ['org_id', 'directive'])
        .execute();

      await db.schema
        .createTable('governance_actions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('directive', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('kpi_text', 'text')
        .addColumn('kpi_target', 'double precision')
        .addColumn('kpi_current', 'double precision')
        // The Japan date of the last overdue reminder: at most one mail per action and day, also on retries.
        .addColumn('reminded_on', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('governance_actions_org')
        .on('governance_actions')
        .columns(['org_id', 'directive', 'due_date'])
        .execute();
      await db.schema
        .createIndex('governance_actions_due')
        .on('governance_actions')
        .columns(['status', 'due_date'])
        .execute();
    },
  };
}
