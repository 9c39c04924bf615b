import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { PostgresAuthChannel, SqliteAuthChannel } from './dialect/auth-channel.ts';
import { openPostgres, postgresOps } from './dialect/postgres.ts';
import { openSqlite, sqliteOps } from './dialect/sqlite.ts';
import type { DialectOps } from './dialect/types.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './database.ts';
import { attachAuthChannel, type AuthChannel } from './platform/auth-events.ts';
import {
  kyselyHotQueries,
  postgresHotQueries,
  sqliteHotQueries,
  type HotQueries,
} from './platform/hot-queries.ts';
import {
  kyselyRespondQueries,
  postgresRespondQueries,
  sqliteRespondQueries,
  type RespondQueries,
} from './supplychain/campaigns/respondent.ts';

/** An open database with the operations that differ between dialects. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly ops: DialectOps;
  /** For SQLite, the file path (used by online backup). */
  readonly sqliteFile: string | null;
  /** The per-request statements (session, membership, members page), prepared. */
  readonly hot: HotQueries;
  /** The statement every respondent request (supply-chain questionnaire link) runs first, prepared. */
  readonly respond: RespondQueries;
  /** How changes of sessions, users and memberships reach in-memory caches; null: do not cache. */
  readonly authChannel: AuthChannel | null;
  close(): Promise<void>;
}

export interface StoreConfig {
  /** postgres://… selects PostgreSQL; otherwise SQLite at `<dataDir>/shinrai.db`. */
  databaseUrl: string | undefined;
  dataDir: string;
}

export function openStore(config: StoreConfig): Store {
  const url = config.databaseUrl;
  if (url !== undefined && /^postgres(ql)?:\/\//.test(url)) {
    const { db, pool } = openPostgres(url);
    const authChannel = new PostgresAuthChannel(url);
    attachAuthChannel(db, authChannel);
    return {
      db,
      ops: postgresOps,
      sqliteFile: null,
      hot: postgresHotQueries(pool),
      respond: postgresRespondQueries(pool),
      authChannel,
      close: async () => {
        await authChannel.stop();
        await db.destroy();
      },
    };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, 'shinrai.db');
  const { db, raw } = openSqlite(file);
  const authChannel = new SqliteAuthChannel(raw);
  attachAuthChannel(db, authChannel);
  return {
    db,
    ops: sqliteOps,
    sqliteFile: file,
    hot: sqliteHotQueries(raw, db),
    respond: sqliteRespondQueries(raw, db),
    authChannel,
    close: () => db.destroy(),
  };
}

/** Wraps an existing Kysely instance (tests use this for PGlite): no prepared statements, no cache. */
export function wrapStore(db: Kysely<Database>, ops: DialectOps): Store {
  return {
    db,
    ops,
    sqliteFile: null,
    hot: kyselyHotQueries(db),
    respond: kyselyRespondQueries(db),
    authChannel: null,
    close: () => db.destroy(),
  };
}

export async function migrate(store: Store): Promise<void> {
  const { error } = await migrateToLatest(store.db, store.ops);
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
}

const STARTUP_LOCK_KEY = 7_274_102;

/**
 * Runs `fn` while no other server instance on the same PostgreSQL database runs its own (a session
 * advisory lock on one held connection; `fn` uses the pool's others): instances started together
 * apply migrations and install built-in content one after the other instead of racing. SQLite has a
 * single server: `fn` just runs. Not for PGlite, whose single connection `fn` would wait for.
 */
export async function oneInstanceAtATime<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  if (store.ops.name !== 'postgres') return fn();
  return store.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(conn);
    }
  });
}
