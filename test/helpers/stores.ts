import { PGlite } from '@electric-sql/pglite';
import { migrate, openStore, postgresOps, wrapStore, type Database, type Store } from '@shinrai/store';
import { Kysely, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type TestDialect = 'sqlite' | 'pglite' | 'postgres';

/**
 * The databases every repository test runs on: SQLite and in-process PostgreSQL (PGlite) always,
 * a real PostgreSQL server when SHINRAI_TEST_PG_URL is set (as .ci/run does).
 */
export function testDialects(): TestDialect[] {
  const list: TestDialect[] = ['sqlite', 'pglite'];
  if (process.env.SHINRAI_TEST_PG_URL) list.push('postgres');
  return list;
}

export interface TestStore {
  store: Store;
  dataDir: string;
  /** The PostgreSQL database's URL (another store may open it); undefined for SQLite and PGlite. */
  databaseUrl?: string;
  cleanup(): Promise<void>;
}

let pgCounter = 0;

/** A fresh, migrated database of the given kind (`migrated: false`: empty, for migration tests). */
export async function makeStore(dialect: TestDialect, opts: { migrated?: boolean } = {}): Promise<TestStore> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'shinrai-test-'));
  let store: Store;
  let dropSchema: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  switch (dialect) {
    case 'sqlite':
      store = openStore({ databaseUrl: undefined, dataDir });
      break;
    case 'pglite': {
      const pg = new PGlite();
      store = wrapStore(new Kysely<Database>({ dialect: new PGliteDialect(pg) }), postgresOps);
      break;
    }
    case 'postgres': {
      // One database per test store on the shared server, dropped afterwards (schemas would share
      // Kysely's migration tables through the catalog).
      const base = process.env.SHINRAI_TEST_PG_URL ?? '';
      // without a URL openStore would quietly open SQLite and fail later on PostgreSQL-only SQL
      if (!base) throw new Error('the postgres test dialect needs SHINRAI_TEST_PG_URL (see test/pg.mjs)');
      const name = `t_${process.pid}_${++pgCounter}_${Date.now()}`;
      const admin = openStore({ databaseUrl: base, dataDir });
      await sql`create database ${sql.id(name)}`.execute(admin.db);
      await admin.close();
      const url = new URL(base);
      url.pathname = `/${name}`;
      databaseUrl = url.href;
      store = openStore({ databaseUrl, dataDir });
      dropSchema = async () => {
        const a = openStore({ databaseUrl: base, dataDir });
        await sql`drop database if exists ${sql.id(name)} with (force)`.execute(a.db);
        await a.close();
      };
      break;
    }
  }
  if (opts.migrated !== false) await migrate(store);
  return {
    store,
    dataDir,
    databaseUrl,
    async cleanup() {
      await store.close();
      await dropSchema?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
