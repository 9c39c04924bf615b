import type { Kysely, Migration } from 'kysely';

/** Supply chain: questionnaire campaigns, requests, item review, respondent links and sessions, evidence, outbox. */
export function supplychainCampaignsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('campaigns')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('catalog_id', 'text', (c) => c.notNull())
        .addColumn('tier', 'text')
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('link_days', 'integer', (c) => c.notNull())
        .addColumn('message', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema
        .createIndex('campaigns_org')
        .on('campaigns')
        .columns(['org_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('campaign_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('supplier_id', 'text', (c) => c.notNull())
        .addColumn('supplier_name', 'text', (c) => c.notNull())
        .addColumn('assessment_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('opened_at', 'text')
        .addColumn('submitted_at', 'text')
        .addColumn('accepted_at', 'text')
        .addColumn('accepted_by', 'text')
        .addColumn('reminders', 'text', (c) => c.notNull())
        .addColumn('escalated_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('campaign_requests_supplier', ['campaign_id', 'supplier_id'])
        .execute();
      await db.schema
        .createIndex('campaign_requests_org_supplier')
        .on('campaign_requests')
        .columns(['org_id', 'supplier_id', 'accepted_at'])
        .execute();

      await db.schema
        .createTable('campaign_items')
        .addColumn('request_id', 'text', (c) =>
          c.notNull().references('campaign_requests.id').onDelete('cascade'),
        )
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('ref', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('follow_reason', 'text')
        .addColumn('follow_date', 'text')
        .addColumn('return_note', 'text')
        .addColumn('returned_at', 'text')
        .addColumn('accepted_at', 'text')
        .addColumn('answered_by_link', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('campaign_items_pk', ['request_id', 'ref'])
        .execute();

      await db.schema
        .createTable('respond_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('request_id', 'text', (c) =>
          c.notNull().references('campaign_requests.id').onDelete('cascade'),
        )
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('item_ref', 'text')
        .addColumn('forwarded_from', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('respond_links_request').on('respond_links').column('request_id').execute();

      await db.schema
        .createTable('respond_sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('link_id', 'text', (c) => c.notNull().references('respond_links.id').onDelete('cascade'))
        .addColumn('csrf', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('campaign_evidence')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('request_id', 'text', (c) =>
          c.notNull().references('campaign_requests.id').onDelete('cascade'),
        )
        .addColumn('ref', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('file_key', 'text', (c) => c.notNull())
        .addColumn('link_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('campaign_evidence_request')
        .on('campaign_evidence')
        .columns(['request_id', 'ref'])
        .execute();

      await db.schema
        .createTable('outbox_mails')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id').onDelete('cascade'))
        .addColumn('request_id', 'text', (c) => c.references('campaign_requests.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('to_email', 'text', (c) => c.notNull())
        .addColumn('to_name', 'text')
        .addColumn('item_ref', 'text')
        .addColumn('from_link', 'text')
        .addColumn('link_id', 'text')
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema
        .createIndex('outbox_mails_state')
        .on('outbox_mails')
        .columns(['state', 'created_at'])
        .execute();
      await db.schema
        .createIndex('outbox_mails_campaign')
        .on('outbox_mails')
        .columns(['org_id', 'campaign_id', 'created_at'])
        .execute();
    },
  };
}
