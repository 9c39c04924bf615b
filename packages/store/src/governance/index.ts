/** The governance module: target profiles per directive and PDCA action items, and the reads of the governance dashboard. */
export type * from './tables.ts';
export * from './repo.ts';
export * from './peers.ts';
export * from './report-notes.ts';
