/**
 * Old path of the schema, kept only for deep imports elsewhere in the repository (packages/server/src/software).
 * New code imports `Database` from `@shinrai/store`; the tables live in `<module>/tables.ts`. Remove with the last such import.
 */
export type { Database, Executor } from './database.ts';
export type * from './platform/tables.ts';
export type * from './library/tables.ts';
export type * from './assessments/tables.ts';
export type * from './sme/tables.ts';
