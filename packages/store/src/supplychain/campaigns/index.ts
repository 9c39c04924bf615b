/** Questionnaire campaigns of the supply-chain module. */
export type * from './tables.ts';
export * from './repo.ts';
export * from './recipients.ts';
export * from '../inbox/repo.ts';
export * from './respondent.ts';
export * from './items.ts';
export * from '../star/repo.ts';
