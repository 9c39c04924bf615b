/** The supply-chain module: supplier registry, tiers, ★3/★4 decisions, registry shares. */
export type * from './tables.ts';
export * from './suppliers.ts';
export * from './decisions.ts';
export * from './links.ts';
