/** The SME module: the basic security policy and SECURITY ACTION declarations. */
export type * from './tables.ts';
export * from './repo.ts';
