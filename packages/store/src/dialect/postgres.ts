import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../database.ts';
import type { DialectOps } from './types.ts';

export function openPostgres(url: string): { db: Kysely<Database>; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (restart, failover, pg_terminate_backend, DROP DATABASE …
  // WITH (FORCE)) emits 'error' on the pool; without a listener Node would crash the process. The
  // pool has already discarded that client and the next query opens a fresh one, so nothing is lost.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}

export const postgresOps: DialectOps = {
  name: 'postgres',
  ilike: 'ilike',
  async nextAuditSeq(trx) {
    const r = await sql<{ n: string }>`select nextval('audit_log_global_seq') as n`.execute(trx);
    return Number(r.rows[0]?.n);
  },
  async withoutAuditTriggers(db, fn) {
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
    await fn();
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
  },
  async claimJob(db, workerId, now, leaseUntil) {
    const row = await sql<{ id: string }>`
      update jobs set status = 'running', locked_by = ${workerId}, locked_until = ${leaseUntil},
        attempts = attempts + 1, updated_at = ${now}
      where id = (
        select id from jobs
        where (status = 'queued' and run_at <= ${now})
           or (status = 'running' and locked_until < ${now})
        order by run_at, id limit 1
        for update skip locked)
      returning id`.execute(db);
    return row.rows[0]?.id ?? null;
  },
  auditTriggersSql() {
    return [
      `create or replace function audit_log_append_only() returns trigger language plpgsql as $$
       begin raise exception 'audit_log is append-only'; end $$`,
      `create trigger audit_log_no_update before update or delete on audit_log
       for each row execute function audit_log_append_only()`,
    ];
  },
};
