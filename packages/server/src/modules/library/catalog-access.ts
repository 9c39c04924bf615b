import { flattenPack, type CatalogPack, type FlatNode } from '@shinrai/core';
import { findCatalogForOrg, type CatalogRow, type Executor } from '@shinrai/store';
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
