export { parseSbom, DEFAULT_MAX_SBOM_BYTES, CYCLONEDX_VERSIONS } from './parse-sbom.ts';
export { dependencyPaths } from './dependency-paths.ts';
export * from './problems.ts';
export * from './types.ts';
