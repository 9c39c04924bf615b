export * from './osv-package.ts';
export * from './severity.ts';
export * from './vex.ts';
export * from './matcher.ts';
