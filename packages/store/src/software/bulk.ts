import { CompiledQuery, type Insertable } from 'kysely';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Database, Executor } from '../database.ts';

/** Rows per INSERT of a bulk write: the same SQL text each time, so SQLite reuses the prepared statement. */
const BULK_ROWS = 500;

/** The values of `rows` in `keys` order, row after row; undefined when a row has other keys or an undefined value. */
function flatValues(rows: readonly object[], keys: readonly string[]): unknown[] | undefined {
  const out: unknown[] = [];
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    if (Object.keys(r).length !== keys.length) return undefined;
    for (const k of keys) {
      const v = r[k];
      if (v === undefined) return undefined;
      out.push(v);
    }
  }
  return out;
}

/**
 * Inserts many rows of one shape in chunks (under both dialects' bound-parameter limits). Building
 * Kysely's query tree costs more than SQLite spends on the rows, so a chunk is compiled once and its
 * SQL text reused for the next chunks of the same size with their values bound in the same order —
 * only after checking that the compiled query binds exactly those values. Rows of another shape go
 * through Kysely one chunk at a time.
 */
export async function insertChunked<K extends 'software_components' | 'software_findings'>(
  ex: Executor,
  table: K,
  rows: readonly Insertable<Database[K]>[],
): Promise<void> {
  const keys = rows[0] === undefined ? [] : Object.keys(rows[0]);
  const size = Math.max(1, Math.min(BULK_ROWS, Math.floor(30_000 / Math.max(1, keys.length))));
  let compiled: { rows: number; sql: string } | undefined;
  for (let i = 0; i < rows.length; i += size) {
    // better-sqlite3 runs each statement synchronously, and awaiting a settled promise lets no other
    // request in: a turn of the event loop between chunks keeps a 300,000-row write from holding it for
    // seconds. The transaction stays open and whole (on SQLite, Kysely's connection mutex keeps other
    // requests' queries out of it until it ends; on PostgreSQL they run on other connections).
    if (i > 0) await nextTurn();
    const chunk = rows.slice(i, i + size);
    const values = flatValues(chunk, keys);
    if (values !== undefined && compiled?.rows === chunk.length) {
      await ex.executeQuery(CompiledQuery.raw(compiled.sql, values));
      continue;
    }
    const query = ex.insertInto(table).values(chunk).compile();
    await ex.executeQuery(query);
    const bound = query.parameters;
    if (values !== undefined && bound.length === values.length && bound.every((v, j) => v === values[j]))
      compiled = { rows: chunk.length, sql: query.sql };
  }
}
