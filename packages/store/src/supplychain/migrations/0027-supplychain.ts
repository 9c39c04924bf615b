import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Supply-chain module: the buyer's supplier registry (法人番号 unique per buyer among direct suppliers and
 * per parent among tier-2+ records), contacts, ★3/★4 decisions (history kept), and registry shares.
 */
export function supplychainMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('suppliers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('corporate_number', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_kana', 'text')
        .addColumn('supplies', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('criticality', 'text', (c) => c.notNull().defaultTo('medium'))
        .addColumn('contract_start', 'text')
        .addColumn('contract_end', 'text')
        .addColumn('star_required', 'integer')
        .addColumn('star_held', 'integer')
        .addColumn('linked_org_id', 'text', (c) => c.references('organizations.id').onDelete('set null'))
        .addColumn('tier', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('parent_supplier_id', 'text', (c) => c.references('suppliers.id').onDelete('cascade'))
        .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('suppliers_org').on('suppliers').columns(['org_id', 'name']).execute();
      await db.schema
        .createIndex('suppliers_org_cn_direct')
        .on('suppliers')
        .columns(['org_id', 'corporate_number'])
        .unique()
        .where(sql.ref('parent_supplier_id'), 'is', null)
        .execute();
      await db.schema
        .createIndex('suppliers_parent_cn')
        .on('suppliers')
        .columns(['parent_supplier_id', 'corporate_number'])
        .unique()
        .where(sql.ref('parent_supplier_id'), 'is not', null)
        .execute();
      await db.schema.createIndex('suppliers_linked').on('suppliers').column('linked_org_id').execute();

      await db.schema
        .createTable('supplier_contacts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id').onDelete('cascade'))
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('supplier_contacts_supplier')
        .on('supplier_contacts')
        .columns(['supplier_id', 'email'])
        .unique()
        .execute();

      await db.schema
        .createTable('supplier_star_decisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id').onDelete('cascade'))
        .addColumn('q_important_info', 'integer', (c) => c.notNull())
        .addColumn('q_outage_delay', 'integer', (c) => c.notNull())
        .addColumn('q_network_reach', 'integer', (c) => c.notNull())
        .addColumn('computed_level', 'integer', (c) => c.notNull())
        .addColumn('decided_level', 'integer', (c) => c.notNull())
        .addColumn('override_note', 'text')
        .addColumn('rule_version', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('supplier_star_decisions_supplier')
        .on('supplier_star_decisions')
        .columns(['supplier_id', 'decided_at'])
        .execute();

      await db.schema
        .createTable('supplier_registry_shares')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('with_org_id', 'text', (c) =>
          c.notNull().references('organizations.id').onDelete('cascade'),
        )
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('supplier_registry_shares_with')
        .on('supplier_registry_shares')
        .columns(['with_org_id', 'org_id'])
        .execute();
    },
  };
}
