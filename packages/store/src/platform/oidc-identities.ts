import type { Executor } from '../database.ts';

export async function findOidcIdentity(
  ex: Executor,
  issuer: string,
  subject: string,
): Promise<{ user_id: string } | undefined> {
  return ex
    .selectFrom('oidc_identities')
    .select('user_id')
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
}

export async function linkOidcIdentity(
  ex: Executor,
  row: { issuer: string; subject: string; userId: string; now: string },
): Promise<void> {
  await ex
    .insertInto('oidc_identities')
    .values({ issuer: row.issuer, subject: row.subject, user_id: row.userId, created_at: row.now })
    .execute();
}
