import type { Kysely, Migration } from 'kysely';

/** Software module: products, releases, SBOM components, findings, VEX, license policy, artifacts. */
export function softwareMigration(): Migration {
  return {
    async up(_db: Kysely<unknown>) {
      // filled in by the software inventory work
    },
  };
}
