import type { Page } from '@shinrai/core';
import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { ApiTokensTable } from './tables.ts';
import { newestFirstPage } from '../paging.ts';

export type ApiTokenRow = Selectable<ApiTokensTable>;

export async function insertApiToken(ex: Executor, row: ApiTokenRow): Promise<void> {
  await ex.insertInto('api_tokens').values(row).execute();
}

export async function findApiTokenByHash(ex: Executor, hash: string): Promise<ApiTokenRow | undefined> {
  return ex.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export async function listApiTokens(
  ex: Executor,
  orgId: string,
  cursor: string | null,
  limit: number,
): Promise<Page<ApiTokenRow> | null> {
  return newestFirstPage(ex.selectFrom('api_tokens').selectAll().where('org_id', '=', orgId), cursor, limit);
}

export async function revokeApiToken(ex: Executor, orgId: string, id: string, now: string): Promise<boolean> {
  const r = await ex
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function touchApiToken(ex: Executor, id: string, now: string): Promise<void> {
  await ex.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}
