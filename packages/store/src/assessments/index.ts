/** The assessments module: assessments and their answers, evidence files, and shares of a result with a buyer. */
export type * from './tables.ts';
export * from './repo.ts';
export * from './evidence.ts';
export * from './shares.ts';
export * from './settings.ts';
