import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { decodeCursor, encodeCursor, type CursorKey, type Page } from '@shinrai/core';

/** Turns `limit + 1` fetched rows into a page and the cursor of its last row. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => CursorKey): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/** Rows strictly after `key` in descending (sortColumn, idColumn) order: the next page of a newest-first list. */
export function olderThan(sortColumn: string, idColumn: string, key: CursorKey) {
  return sql<SqlBool>`(${sql.ref(sortColumn)} < ${key.k} or (${sql.ref(sortColumn)} = ${key.k} and ${sql.ref(idColumn)} < ${key.id}))`;
}

/**
 * One page of a newest-first list over (created_at, id), given a query already scoped to its tenant.
 * `prefix` is the table alias when the query joins (e.g. 'r.'). Returns null for a cursor this code did not make.
 */
export async function newestFirstPage<DB, TB extends keyof DB, O extends { created_at: string; id: string }>(
  query: SelectQueryBuilder<DB, TB, O>,
  cursor: string | null,
  limit: number,
  prefix = '',
): Promise<Page<O> | null> {
  let q = query;
  if (cursor !== null) {
    const key = decodeCursor(cursor);
    if (key === null) return null;
    q = q.where(olderThan(`${prefix}created_at`, `${prefix}id`, key));
  }
  const rows = await q
    .orderBy(sql.ref(`${prefix}created_at`), 'desc')
    .orderBy(sql.ref(`${prefix}id`), 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, (r) => ({ k: r.created_at, id: r.id }));
}
