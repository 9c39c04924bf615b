/**
 * Migration 0037 moves the package keys of existing components into `software_component_keys` and marks their
 * releases complete, so where-used and re-match answer the same right after an upgrade, on every dialect.
 */
import { migrate, migrateUpTo, releasesWithPackages, whereUsed } from '@shinrai/store';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { makeStore, testDialects } from '../helpers/stores.ts';

const AT = '2026-11-01T00:00:00.000Z';

describe.each(testDialects())('the package keys migration on %s', (dialect) => {
  it('copies existing components\u2019 keys and marks their releases complete', async () => {
    const t = await makeStore(dialect, { migrated: false });
    try {
      const db = t.store.db;
      expect((await migrateUpTo(db, t.store.ops, '0036-supplychain-star-results')).error).toBeUndefined();
      await sql`insert into organizations (id, slug, name, kind, prefecture, created_at, updated_at)
        values ('org', 'org', '移行工業', 'enterprise', '13', ${AT}, ${AT})`.execute(db);
      await sql`insert into software_products (id, org_id, name, kind, created_at, updated_at)
        values ('p', 'org', '制御盤', 'application', ${AT}, ${AT})`.execute(db);
      await sql`insert into software_releases (id, org_id, product_id, version, component_count, created_at, sbom_uploaded_at)
        values ('r1', 'org', 'p', '1.0', 2, ${AT}, ${AT}), ('r2', 'org', 'p', '2.0', 0, ${AT}, null)`.execute(
        db,
      );
      for (const [id, name] of [
        ['c1', 'lodash'],
        ['c2', 'left-pad'],
      ] as const)
        await sql`insert into software_components (id, org_id, release_id, bom_ref, name, version, purl, purl_key, ecosystem, osv_name, hashes, dev)
          values (${id}, 'org', 'r1', ${id}, ${name}, '1.0.0', ${`pkg:npm/${name}@1.0.0`}, ${`pkg:npm/${name}`}, 'npm', ${name}, '[]', 0)`.execute(
          db,
        );

      await migrate(t.store);

      const keys = await db
        .selectFrom('software_component_keys')
        .select(['component_id', 'release_id', 'purl_key', 'osv_name'])
        .orderBy('component_id')
        .execute();
      expect(keys).toEqual([
        { component_id: 'c1', release_id: 'r1', purl_key: 'pkg:npm/lodash', osv_name: 'lodash' },
        { component_id: 'c2', release_id: 'r1', purl_key: 'pkg:npm/left-pad', osv_name: 'left-pad' },
      ]);
      const releases = await db
        .selectFrom('software_releases')
        .select(['id', 'keys_indexed_at'])
        .orderBy('id')
        .execute();
      expect(releases).toEqual([
        { id: 'r1', keys_indexed_at: AT },
        { id: 'r2', keys_indexed_at: null },
      ]);
      expect((await whereUsed(db, 'org', 'pkg:npm/left-pad', [])).map((r) => r.release_id)).toEqual(['r1']);
      expect(
        (await releasesWithPackages(db, [{ ecosystem: 'npm', name: 'lodash' }])).map((r) => r.release_id),
      ).toEqual(['r1']);
    } finally {
      await t.cleanup();
    }
  });
});
