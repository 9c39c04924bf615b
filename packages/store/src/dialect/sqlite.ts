import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from '../database.ts';
import type { DialectOps } from './types.ts';

/** Opens a SQLite file with WAL, foreign keys and a busy timeout. */
export function openSqlite(file: string): { db: Kysely<Database>; raw: Sqlite.Database } {
  const raw = new Sqlite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return { db, raw };
}

/**
 * Kysely prepares every query anew; preparing costs about as much as running a small query. The
 * application issues a bounded set of distinct SQL strings, so prepared statements are kept and reused.
 */
function withStatementCache(raw: Sqlite.Database, max = 1000): Pick<Sqlite.Database, 'close' | 'prepare'> {
  const cache = new Map<string, Sqlite.Statement>();
  return {
    close: () => raw.close(),
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (stmt === undefined) {
        stmt = raw.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  } as Pick<Sqlite.Database, 'close' | 'prepare'>;
}

export const sqliteOps: DialectOps = {
  name: 'sqlite',
  ilike: 'like',
  async nextAuditSeq(trx) {
    // better-sqlite3 runs on one connection and Kysely serializes its transactions: one writer.
    const r = await sql<{ n: number }>`select coalesce(max(seq), 0) + 1 as n from audit_log`.execute(trx);
    return Number(r.rows[0]?.n);
  },
  async withoutAuditTriggers(db, fn) {
    await sql`drop trigger audit_log_no_update`.execute(db);
    await sql`drop trigger audit_log_no_delete`.execute(db);
    await fn();
    for (const stmt of this.auditTriggersSql()) await sql.raw(stmt).execute(db);
  },
  async claimJob(db, workerId, now, leaseUntil) {
    const row = await sql<{ id: string }>`
      update jobs set status = 'running', locked_by = ${workerId}, locked_until = ${leaseUntil},
        attempts = attempts + 1, updated_at = ${now}
      where id = (
        select id from jobs
        where (status = 'queued' and run_at <= ${now})
           or (status = 'running' and locked_until < ${now})
        order by run_at, id limit 1)
      returning id`.execute(db);
    return row.rows[0]?.id ?? null;
  },
  auditTriggersSql() {
    return [
      `create trigger audit_log_no_update before update on audit_log
       begin select raise(abort, 'audit_log is append-only'); end`,
      `create trigger audit_log_no_delete before delete on audit_log
       begin select raise(abort, 'audit_log is append-only'); end`,
    ];
  },
};
