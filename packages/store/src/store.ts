import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { openPostgres, postgresOps } from './dialect/postgres.ts';
import { openSqlite, sqliteOps } from './dialect/sqlite.ts';
import type { DialectOps } from './dialect/types.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './modules.ts';

/** An open database with the operations that differ between dialects. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly ops: DialectOps;
  /** For SQLite, the file path (used by online backup). */
  readonly sqliteFile: string | null;
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
    const { db } = openPostgres(url);
    return { db, ops: postgresOps, sqliteFile: null, close: () => db.destroy() };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, 'shinrai.db');
  const { db } = openSqlite(file);
  return { db, ops: sqliteOps, sqliteFile: file, close: () => db.destroy() };
}

/** Wraps an existing Kysely instance (tests use this for PGlite). */
export function wrapStore(db: Kysely<Database>, ops: DialectOps): Store {
  return { db, ops, sqliteFile: null, close: () => db.destroy() };
}

export async function migrate(store: Store): Promise<void> {
  const { error } = await migrateToLatest(store.db, store.ops);
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
}
