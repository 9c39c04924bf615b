export * from './security-action.ts';
export * from './policy.ts';
export * from './status.ts';
