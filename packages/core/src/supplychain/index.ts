/** Supply-chain domain rules: the supplier registry's values, the ★3/★4 decision, tiers and coverage. */
export * from './supplier.ts';
