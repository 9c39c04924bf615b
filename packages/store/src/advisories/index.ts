/** The advisories module: the instance-wide OSV advisory database and its imports. */
export type * from './tables.ts';
export * from './repo.ts';
export * from './runs.ts';
export * from './feed.ts';
export * from './candidates.ts';
