import type { Kysely, Migration } from 'kysely';

/** The last TOTP time step a user signed in with, so one code cannot be used twice. */
export function totpStepMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
    },
  };
}
