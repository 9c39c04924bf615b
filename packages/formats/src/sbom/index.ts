export { parseSbom, DEFAULT_MAX_SBOM_BYTES, CYCLONEDX_VERSIONS } from './parse-sbom.ts';
export { dependencyPaths } from './dependency-paths.ts';
export * from './problems.ts';
export * from './types.ts';
export { isObj, type Obj } from './fields.ts';
export { parseJsonText } from './json-text.ts';
export { schemaProblems, validatorFor, type SchemaId } from './schema-validator.ts';
export { purlPartsOf } from './purl-field.ts';
