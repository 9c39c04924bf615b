// What other modules may use of the catalog library: a catalog usable by an organization, parsed.
export { loadCatalog, type LoadedCatalog } from './catalog-access.ts';
