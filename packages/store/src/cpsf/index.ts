/** The CPSF module: value-creation-process models, risk-source overrides and the remediation plan. */
export type * from './tables.ts';
export * from './repo.ts';
