import type { Kysely, Migration } from 'kysely';

/** CPSF module: value-creation-process models, risk-source overrides and the remediation plan. */
export function cpsfMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('cpsf_models')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('scope_type', 'text', (c) => c.notNull())
        .addColumn('scope_label', 'text')
        .addColumn('graph', 'text', (c) => c.notNull())
        .addColumn('element_count', 'integer', (c) => c.notNull())
        .addColumn('edge_count', 'integer', (c) => c.notNull())
        .addColumn('assessment_id', 'text', (c) => c.references('assessments.id').onDelete('set null'))
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cpsf_models_org').on('cpsf_models').columns(['org_id', 'name']).execute();

      await db.schema
        .createTable('cpsf_risk_overrides')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('model_id', 'text', (c) => c.notNull().references('cpsf_models.id').onDelete('cascade'))
        .addColumn('element_id', 'text', (c) => c.notNull())
        .addColumn('risk_source_ref', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('cpsf_risk_overrides_one', ['model_id', 'element_id', 'risk_source_ref'])
        .execute();

      await db.schema
        .createTable('cpsf_plan_items')
        .addColumn('model_id', 'text', (c) => c.notNull().references('cpsf_models.id').onDelete('cascade'))
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('element_id', 'text', (c) => c.notNull())
        .addColumn('requirement_ref', 'text', (c) => c.notNull())
        .addColumn('owner', 'text')
        .addColumn('due_date', 'text')
        .addColumn('cost_estimate', 'integer')
        .addColumn('residual_accepted_by', 'text')
        .addColumn('note', 'text')
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('cpsf_plan_items_pk', ['model_id', 'element_id', 'requirement_ref'])
        .execute();
    },
  };
}
