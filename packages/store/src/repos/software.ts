/**
 * Old path, kept only for deep imports elsewhere in the repository (bench/software.ts).
 * New code imports `@shinrai/store` or `@shinrai/store/<module>`. Remove with the last such import.
 */
export * from '../software/index.ts';
