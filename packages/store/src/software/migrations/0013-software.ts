import type { Kysely, Migration } from 'kysely';

/** Software module: products, releases, SBOM components, findings, VEX, license policy, artifacts. */
export function softwareMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const orgFk = 'organizations.id';
      await db.schema
        .createTable('software_products')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('vendor', 'text')
        .addColumn('support_ends', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('software_products_name', ['org_id', 'name'])
        .execute();

      await db.schema
        .createTable('software_releases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) =>
          c.notNull().references('software_products.id').onDelete('cascade'),
        )
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('released_on', 'text')
        .addColumn('support_ends', 'text')
        .addColumn('sbom_format', 'text')
        .addColumn('sbom_spec_version', 'text')
        .addColumn('sbom_uploaded_at', 'text')
        .addColumn('component_count', 'integer', (c) => c.notNull())
        .addColumn('graph', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('software_releases_version', ['product_id', 'version'])
        .execute();
      await db.schema
        .createIndex('software_releases_org')
        .on('software_releases')
        .columns(['org_id'])
        .execute();

      await db.schema
        .createTable('software_components')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('release_id', 'text', (c) =>
          c.notNull().references('software_releases.id').onDelete('cascade'),
        )
        .addColumn('bom_ref', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('version', 'text')
        .addColumn('purl', 'text')
        .addColumn('purl_key', 'text')
        .addColumn('ecosystem', 'text')
        .addColumn('osv_name', 'text')
        .addColumn('licenses', 'text')
        .addColumn('hashes', 'text', (c) => c.notNull())
        .addColumn('supplier', 'text')
        .addColumn('dev', 'integer', (c) => c.notNull())
        .addColumn('support_ends', 'text')
        .execute();
      await db.schema
        .createIndex('software_components_release')
        .on('software_components')
        .columns(['release_id'])
        .execute();
      await db.schema
        .createIndex('software_components_purl_key')
        .on('software_components')
        .columns(['purl_key', 'release_id'])
        .execute();
      await db.schema
        .createIndex('software_components_osv')
        .on('software_components')
        .columns(['osv_name', 'ecosystem'])
        .execute();

      await db.schema
        .createTable('software_findings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('release_id', 'text', (c) =>
          c.notNull().references('software_releases.id').onDelete('cascade'),
        )
        .addColumn('component_id', 'text', (c) =>
          c.notNull().references('software_components.id').onDelete('cascade'),
        )
        .addColumn('advisory_id', 'text', (c) => c.notNull())
        .addColumn('component_ref', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('score', 'real')
        .addColumn('malicious', 'integer', (c) => c.notNull())
        .addColumn('summary', 'text')
        .addColumn('aliases', 'text', (c) => c.notNull())
        .addColumn('fixed_version', 'text')
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('software_findings_one', ['component_id', 'advisory_id'])
        .execute();
      await db.schema
        .createIndex('software_findings_release')
        .on('software_findings')
        .columns(['release_id'])
        .execute();
      await db.schema
        .createIndex('software_findings_advisory')
        .on('software_findings')
        .columns(['advisory_id'])
        .execute();

      await db.schema
        .createTable('software_vex')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('release_id', 'text', (c) =>
          c.notNull().references('software_releases.id').onDelete('cascade'),
        )
        .addColumn('advisory_id', 'text', (c) => c.notNull())
        .addColumn('component_ref', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('justification', 'text')
        .addColumn('detail', 'text')
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('software_vex_one', ['release_id', 'advisory_id', 'component_ref'])
        .execute();

      await db.schema
        .createTable('software_license_policies')
        .addColumn('org_id', 'text', (c) => c.primaryKey().references(orgFk).onDelete('cascade'))
        .addColumn('allow', 'text', (c) => c.notNull())
        .addColumn('deny', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('software_artifacts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('release_id', 'text', (c) =>
          c.notNull().references('software_releases.id').onDelete('cascade'),
        )
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('signature', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('software_artifacts_file', ['release_id', 'filename'])
        .execute();

      await db.schema
        .createTable('software_incidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('release_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('software_incidents_org')
        .on('software_incidents')
        .columns(['org_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('software_shares')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
        .addColumn('release_id', 'text', (c) =>
          c.notNull().references('software_releases.id').onDelete('cascade'),
        )
        .addColumn('with_org_id', 'text', (c) => c.notNull().references(orgFk).onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('software_shares_with')
        .on('software_shares')
        .columns(['with_org_id', 'release_id'])
        .execute();

      await db.schema
        .createTable('software_notification_settings')
        .addColumn('org_id', 'text', (c) => c.primaryKey().references(orgFk).onDelete('cascade'))
        .addColumn('webhook_url', 'text')
        .addColumn('webhook_secret', 'text')
        .addColumn('email_enabled', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
