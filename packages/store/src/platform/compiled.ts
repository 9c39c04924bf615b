import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { Executor } from '../database.ts';

/**
 * Queries built and compiled once, then run with new parameters. Kysely builds an immutable tree of
 * operation nodes and compiles it to SQL on every call, which costs about as much as running a small
 * statement on SQLite; the statements every answer of a respondent runs (its item state, the answer, the
 * audit record) are the same SQL each time with other values. A query is built once per dialect with
 * `slot(i)` in place of each value, compiled, and then only its parameters change.
 *
 * Only for queries whose shape never depends on the values (no `in` lists, no optional clauses): every
 * `slot(i)` must become exactly one bound parameter, which the first compilation checks.
 */

const MARK = '\u0000shinrai:slot:';

/** The i-th value of a compiled-once query (a placeholder while it is built; typed to fit any column). */
export function slot(i: number): never {
  return `${MARK}${i}` as never;
}

interface Template {
  compiled: CompiledQuery;
  /** Per bound parameter: the index of the value it takes, or the constant it always is. */
  from: (number | { constant: unknown })[];
}

const templates = new WeakMap<object, Map<string, Template>>();

function template(ex: Executor, key: string, build: (ex: Executor) => Compilable, n: number): Template {
  const adapter = ex.getExecutor().adapter;
  let byKey = templates.get(adapter);
  if (!byKey) templates.set(adapter, (byKey = new Map<string, Template>()));
  let t = byKey.get(key);
  if (!t) {
    const compiled = build(ex).compile();
    const from = compiled.parameters.map((p) =>
      typeof p === 'string' && p.startsWith(MARK) ? Number(p.slice(MARK.length)) : { constant: p },
    );
    const used = new Set(from.filter((f) => typeof f === 'number'));
    if (used.size !== n || from.filter((f) => typeof f === 'number').length !== n)
      throw new Error(`compiled query ${key}: expected ${n} slots, each bound once`);
    t = { compiled, from };
    byKey.set(key, t);
  }
  return t;
}

/** Runs the query `key` (built by `build` the first time on this dialect) with `values` in its slots. */
export async function runCompiled<R>(
  ex: Executor,
  key: string,
  build: (ex: Executor) => Compilable<R>,
  values: readonly unknown[],
): Promise<QueryResult<R>> {
  const t = template(ex, key, build, values.length);
  const parameters = t.from.map((f) => (typeof f === 'number' ? values[f] : f.constant));
  return ex.executeQuery<R>({ ...t.compiled, parameters });
}
