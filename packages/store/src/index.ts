export * from './modules.ts';
export * from './store.ts';
export * from './migrate.ts';
export type { DialectOps, DialectName } from './dialect/types.ts';
export { sqliteOps, openSqlite } from './dialect/sqlite.ts';
export { postgresOps } from './dialect/postgres.ts';
export { PostgresAuthChannel, SqliteAuthChannel, AUTH_CHANNEL } from './dialect/auth-channel.ts';
export * from './backup.ts';
