import type { Kysely, Migration } from 'kysely';

/**
 * A supplier may correct a ★ result it showed to open requests: the buyer's copy records when it was last
 * corrected (`corrected_at`, null when never). A campaign's respondent mails are in one or both languages
 * (`mail_language`: 'ja_en' | 'ja' | 'en'); existing campaigns keep Japanese then English.
 */
export function supplychainStarEditMailLanguageMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('campaign_request_star_results').addColumn('corrected_at', 'text').execute();
      await db.schema
        .alterTable('campaigns')
        .addColumn('mail_language', 'text', (c) => c.notNull().defaultTo('ja_en'))
        .execute();
    },
  };
}
