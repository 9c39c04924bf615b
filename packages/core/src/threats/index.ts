export * from './list.ts';
export * from './mapping.ts';
export * from './history.ts';
