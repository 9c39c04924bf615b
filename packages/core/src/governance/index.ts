export * from './directives.ts';
export * from './peers.ts';
export * from './actions.ts';
export * from './format.ts';
