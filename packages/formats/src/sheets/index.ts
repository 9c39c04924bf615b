export * from './sheet-reader.ts';
export * from './problems.ts';
