/** Tables of the library module: catalogs (versioned packs and their flattened nodes) and mapping sets. Times are ISO 8601 UTC text. */
export interface CatalogsTable {
  id: string;
  scope: string;
  urn: string;
  version: string;
  title_ja: string;
  title_en: string;
  checksum: string;
  pack: string;
  item_count: number;
  created_at: string;
}

export interface CatalogNodesTable {
  catalog_id: string;
  ref: string;
  parent_ref: string | null;
  position: number;
  depth: number;
  kind: string;
  provenance: string;
  title_ja: string;
  title_en: string;
  answer_model: string | null;
  tier: string | null;
  tags: string;
}

export interface MappingSetsTable {
  id: string;
  scope: string;
  urn: string;
  version: string;
  source_urn: string;
  target_urn: string;
  title_ja: string;
  title_en: string;
  provenance: string;
  entries: string;
  checksum: string;
  created_at: string;
}

/** The library module's tables; part of `Database`. */
export interface LibraryTables {
  catalogs: CatalogsTable;
  catalog_nodes: CatalogNodesTable;
  mapping_sets: MappingSetsTable;
}
