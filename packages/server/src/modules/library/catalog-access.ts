import { flattenPack, type CatalogPack, type FlatNode, type MappingEntry } from '@shinrai/core';
import { findCatalogForOrg, findMappingSetForOrg, type CatalogRow, type Executor } from '@shinrai/store';
import { fail } from '../../platform/http/errors.ts';

export interface LoadedCatalog {
  row: CatalogRow;
  pack: CatalogPack;
  nodes: FlatNode[];
}

/** A catalog usable by the organization, parsed; 404 otherwise. */
export async function loadCatalog(ex: Executor, orgId: string, catalogId: string): Promise<LoadedCatalog> {
  const row = await findCatalogForOrg(ex, orgId, catalogId);
  if (!row) return fail('not_found');
  const pack = JSON.parse(row.pack) as CatalogPack;
  return { row, pack, nodes: flattenPack(pack.nodes) };
}

/** A mapping set between two catalogs usable by the organization, parsed; undefined when there is none. */
export interface LoadedMappingSet {
  id: string;
  urn: string;
  version: string;
  /** The pack ids (URNs) of the catalogs it maps from and to. */
  sourceUrn: string;
  targetUrn: string;
  entries: MappingEntry[];
}

export async function findMappingSet(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<LoadedMappingSet | undefined> {
  const row = await findMappingSetForOrg(ex, orgId, id);
  if (!row) return undefined;
  return {
    id: row.id,
    urn: row.urn,
    version: row.version,
    sourceUrn: row.source_urn,
    targetUrn: row.target_urn,
    entries: JSON.parse(row.entries) as MappingEntry[],
  };
}
