/**
 * Old path, kept only for deep imports elsewhere in the repository (packages/server/src/software).
 * New code imports `@shinrai/store` or `@shinrai/store/<module>`. Remove with the last such import.
 */
export * from '../advisories/index.ts';
