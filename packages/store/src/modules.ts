/**
 * The registry of the store's modules. Each module is one folder (`<module>/tables.ts`, its repository
 * files, `<module>/index.ts`); it is registered here by re-exporting its index and in database.ts by naming its
 * tables in `Database`, and its migrations are listed in order in `migrate.ts`. A module's queries read only its
 * own tables and the platform's; what it needs of another module it gets through that module's functions.
 */
export * from './platform/index.ts';
export * from './library/index.ts';
export * from './assessments/index.ts';
export * from './sme/index.ts';
export * from './governance/index.ts';
export * from './cpsf/index.ts';
export * from './advisories/index.ts';
export * from './software/index.ts';
export * from './supplychain/index.ts';
export * from './supplychain/campaigns/index.ts';
export * from './sharing/index.ts';

export type { Database, Executor } from './database.ts';
