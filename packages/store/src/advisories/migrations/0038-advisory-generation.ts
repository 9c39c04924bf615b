import type { Kysely, Migration } from 'kysely';

/**
 * A counter that every write to the advisory database raises in its own transaction. A server process may
 * keep the whole directory of advisories by package in memory (the software module's candidate lookup);
 * it serves from it only while the counter is the one it loaded at, so no instance ever matches against a
 * stale copy after another instance (or the CLI) imported.
 */
export function advisoryGenerationMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('advisory_generation')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('generation', 'integer', (c) => c.notNull())
        .execute();
      await (db as Kysely<{ advisory_generation: { id: number; generation: number } }>)
        .insertInto('advisory_generation')
        .values({ id: 1, generation: 0 })
        .execute();
    },
  };
}
