export * from './types.ts';
export * from './errors.ts';
export * from './ecosystem.ts';
export * from './evaluate.ts';
