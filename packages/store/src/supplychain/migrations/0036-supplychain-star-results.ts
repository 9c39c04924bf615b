import type { Kysely, Migration } from 'kysely';

/**
 * Supply chain "answer once" with a ★ result: a supplier organization records the ★3/★4 results it
 * obtained (supplychain_star_results, `org_id`: the supplier) and attaches one to a buyer's request with
 * its consent (campaign_request_star_results, `org_id`: the buyer; a copy of what the buyer was shown).
 */
export function supplychainStarResultsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('supplychain_star_results')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('obtained_on', 'text', (c) => c.notNull())
        .addColumn('valid_until', 'text', (c) => c.notNull())
        .addColumn('body_name', 'text')
        .addColumn('registration_no', 'text')
        .addColumn('assessment_id', 'text')
        .addColumn('evidence_name', 'text')
        .addColumn('evidence_type', 'text')
        .addColumn('evidence_size', 'integer')
        .addColumn('evidence_sha256', 'text')
        .addColumn('evidence_key', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('supplychain_star_results_org')
        .on('supplychain_star_results')
        .column('org_id')
        .execute();
      await db.schema
        .createTable('campaign_request_star_results')
        .addColumn('request_id', 'text', (c) =>
          c.primaryKey().references('campaign_requests.id').onDelete('cascade'),
        )
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('supplier_org_id', 'text', (c) => c.notNull())
        .addColumn('star_result_id', 'text', (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('obtained_on', 'text', (c) => c.notNull())
        .addColumn('valid_until', 'text', (c) => c.notNull())
        .addColumn('body_name', 'text')
        .addColumn('registration_no', 'text')
        .addColumn('evidence_name', 'text')
        .addColumn('evidence_type', 'text')
        .addColumn('evidence_size', 'integer')
        .addColumn('evidence_sha256', 'text')
        .addColumn('evidence_key', 'text')
        .addColumn('attached_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('campaign_request_star_results_org')
        .on('campaign_request_star_results')
        .column('org_id')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('campaign_request_star_results').execute();
      await db.schema.dropTable('supplychain_star_results').execute();
    },
  };
}
