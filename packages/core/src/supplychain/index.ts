/** Supply-chain domain rules: the supplier registry's values, the ★3/★4 decision, tiers and coverage. */
export * from './supplier.ts';
export * from './star.ts';
export * from './coverage.ts';
export * from './dashboard.ts';
export * from './tiers.ts';
export * from './campaigns/index.ts';
export * from './star-result.ts';
