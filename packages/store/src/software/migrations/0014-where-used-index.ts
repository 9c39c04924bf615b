import type { Kysely, Migration } from 'kysely';

/**
 * Where-used reads every component row of one package across the portfolio: a covering index lets it answer from
 * the index alone instead of visiting thousands of scattered table rows.
 */
export function whereUsedIndexMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('software_components_where_used')
        .on('software_components')
        .columns(['purl_key', 'org_id', 'release_id', 'name', 'version', 'purl'])
        .execute();
      await db.schema.dropIndex('software_components_purl_key').execute();
    },
  };
}
