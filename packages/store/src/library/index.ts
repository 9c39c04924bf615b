/** The library module: catalogs (versioned packs and their nodes) and mapping sets. */
export type * from './tables.ts';
export * from './catalogs.ts';
export * from './mappings.ts';
