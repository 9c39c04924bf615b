import { sql, type SqlBool } from 'kysely';
import { encodeCursor, type CursorKey, type Page } from '@shinrai/core';

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
