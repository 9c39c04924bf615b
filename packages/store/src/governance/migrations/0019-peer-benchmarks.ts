import type { Kysely, Migration } from 'kysely';

/**
 * The same-industry benchmark, computed once a day (governance.peers job) rather than live: one row per
 * industry with the number of distinct verified contributors and the bucketed averages per directive
 * (JSON; null below the minimum).
 */
export function peerBenchmarksMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('governance_peer_benchmarks')
        .addColumn('industry', 'text', (c) => c.primaryKey())
        .addColumn('contributors', 'integer', (c) => c.notNull())
        .addColumn('averages', 'text')
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('governance_peer_benchmarks').execute();
    },
  };
}
