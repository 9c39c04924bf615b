import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Where-used and re-match look components up by package across the portfolio. Keeping those lookups in
 * indexes of `software_components` made every SBOM upload insert its 10,000 rows at 10,000 scattered pages of
 * two package-keyed indexes, inside the upload's transaction: with a million components stored, that write
 * took about eight times as long as the rest of the rows' write, and it kept growing with the portfolio.
 *
 * The package keys now live in their own table, filled by a job after the upload answers
 * (`software.keys`, chunk by chunk, resumable). `keys_indexed_at` says a release's keys are complete for its
 * current SBOM; until then, where-used and re-match read that release's components through the release index
 * (few releases at a time, each one seek). The upload itself only appends to indexes ordered by time.
 */
export function componentKeysMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('software_component_keys')
        .addColumn('component_id', 'text', (c) => c.notNull())
        .addColumn('release_id', 'text', (c) =>
          c.notNull().references('software_releases.id').onDelete('cascade'),
        )
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('purl_key', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('version', 'text')
        .addColumn('purl', 'text')
        .addColumn('ecosystem', 'text')
        .addColumn('osv_name', 'text')
        .execute();
      await db.schema
        .createIndex('software_component_keys_release')
        .on('software_component_keys')
        .columns(['release_id', 'component_id'])
        .unique()
        .execute();
      await db.schema.alterTable('software_releases').addColumn('keys_indexed_at', 'text').execute();
      // Existing releases keep their keys: copied once here, then indexed as before.
      await sql`insert into software_component_keys
          (component_id, release_id, org_id, purl_key, name, version, purl, ecosystem, osv_name)
        select id, release_id, org_id, purl_key, name, version, purl, ecosystem, osv_name
        from software_components`.execute(db);
      await sql`update software_releases set keys_indexed_at = sbom_uploaded_at
        where sbom_uploaded_at is not null`.execute(db);
      // Built after the copy: one sorted build instead of a million scattered inserts.
      await db.schema
        .createIndex('software_component_keys_where_used')
        .on('software_component_keys')
        .columns(['purl_key', 'org_id', 'release_id', 'name', 'version', 'purl'])
        .execute();
      await db.schema
        .createIndex('software_component_keys_osv')
        .on('software_component_keys')
        .columns(['osv_name', 'ecosystem'])
        .execute();
      await db.schema.dropIndex('software_components_where_used').execute();
      await db.schema.dropIndex('software_components_osv').execute();
    },
  };
}
