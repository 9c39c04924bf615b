// What other modules may use of the catalog library: a catalog or a mapping set usable by an organization, parsed.
export { findMappingSet, loadCatalog, type LoadedCatalog, type LoadedMappingSet } from './catalog-access.ts';
