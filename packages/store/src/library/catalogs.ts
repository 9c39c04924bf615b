import { flattenPack, type CatalogPack } from '@shinrai/core';
import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { CatalogNodesTable, CatalogsTable } from './tables.ts';

export type CatalogRow = Selectable<CatalogsTable>;
export type CatalogNodeRow = Selectable<CatalogNodesTable>;
export const BUILTIN_SCOPE = 'builtin';

/** Stores one catalog version and its flattened nodes; call inside a transaction (all or nothing). */
export async function insertCatalog(
  ex: Executor,
  c: { id: string; scope: string; pack: CatalogPack; checksum: string; now: string },
): Promise<void> {
  const flat = flattenPack(c.pack.nodes);
  await ex
    .insertInto('catalogs')
    .values({
      id: c.id,
      scope: c.scope,
      urn: c.pack.id,
      version: c.pack.version,
      title_ja: c.pack.title.ja,
      title_en: c.pack.title.en,
      checksum: c.checksum,
      pack: JSON.stringify(c.pack),
      item_count: flat.filter((n) => n.kind === 'item').length,
      created_at: c.now,
    })
    .execute();
  const rows = flat.map((n) => ({
    catalog_id: c.id,
    ref: n.ref,
    parent_ref: n.parentRef,
    position: n.position,
    depth: n.depth,
    kind: n.kind,
    provenance: n.node.provenance,
    title_ja: n.node.title.ja,
    title_en: n.node.title.en,
    answer_model: n.node.answerModel ?? null,
    tier: n.node.tier ?? null,
    tags: JSON.stringify(n.node.tags ?? []),
  }));
  // Chunked so that large catalogs stay under the databases' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 500)
    await ex
      .insertInto('catalog_nodes')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function findCatalogVersion(
  ex: Executor,
  scope: string,
  urn: string,
  version: string,
): Promise<CatalogRow | undefined> {
  return ex
    .selectFrom('catalogs')
    .selectAll()
    .where('scope', '=', scope)
    .where('urn', '=', urn)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** A catalog an organization may use: a built-in one or its own. */
export async function findCatalogForOrg(
  ex: Executor,
  orgId: string,
  id: string,
): Promise<CatalogRow | undefined> {
  return ex
    .selectFrom('catalogs')
    .selectAll()
    .where('id', '=', id)
    .where('scope', 'in', [BUILTIN_SCOPE, orgId])
    .executeTakeFirst();
}

export type CatalogSummary = Omit<CatalogRow, 'pack'>;

export async function listCatalogsForOrg(ex: Executor, orgId: string): Promise<CatalogSummary[]> {
  return ex
    .selectFrom('catalogs')
    .select(['id', 'scope', 'urn', 'version', 'title_ja', 'title_en', 'checksum', 'item_count', 'created_at'])
    .where('scope', 'in', [BUILTIN_SCOPE, orgId])
    .orderBy('urn')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function listCatalogNodes(ex: Executor, catalogId: string): Promise<CatalogNodeRow[]> {
  return ex
    .selectFrom('catalog_nodes')
    .selectAll()
    .where('catalog_id', '=', catalogId)
    .orderBy('position')
    .execute();
}

/**
 * Every stored version of a catalog URN, in any scope (built-in or an organization's own), as id → version.
 * Other modules use it to find records of "any version of this catalog" without joining the catalogs table.
 */
export async function catalogVersionsByUrn(ex: Executor, urn: string): Promise<Map<string, string>> {
  const rows = await ex.selectFrom('catalogs').select(['id', 'version']).where('urn', '=', urn).execute();
  return new Map(rows.map((r) => [r.id, r.version]));
}
