import type { Kysely, Migration } from 'kysely';

/** Advisory database: OSV records and import runs. */
export function advisoriesMigration(): Migration {
  return {
    async up(_db: Kysely<unknown>) {
      // filled in by the advisories work
    },
  };
}
