import { sql, type Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { SharingTaxiiObjectsTable } from './tables.ts';

export type SharingTaxiiObjectRow = Selectable<SharingTaxiiObjectsTable>;

/** Which versions of each object a TAXII query returns (`match[version]`). */
export type TaxiiVersionMatch =
  { kind: 'last' } | { kind: 'first' } | { kind: 'all' } | { kind: 'at'; at: string[] };

export interface TaxiiQuery {
  hubOrgId: string;
  collection: string;
  /** Only rows after this sequence number (the cursor). */
  afterSeq: number;
  addedAfter?: string;
  ids?: string[];
  types?: string[];
  versions: TaxiiVersionMatch[];
  /** Rows to read (the page size plus one, to know whether there is more). */
  limit: number;
}

/**
 * Writes a published report's STIX objects into its collections under the next sequence numbers of the hub (the
 * hub row stays locked until the publishing transaction ends, so numbers grow in commit order). An object version
 * already in a collection (the TLP marking of an earlier report) is left as it was.
 */
export async function insertTaxiiObjects(
  ex: Executor,
  hubOrgId: string,
  rows: Omit<SharingTaxiiObjectRow, 'seq' | 'hub_org_id' | 'is_last'>[],
): Promise<void> {
  if (rows.length === 0) return;
  const top = await ex
    .updateTable('sharing_hubs')
    .set({ last_object_seq: sql`last_object_seq + ${rows.length}` })
    .where('org_id', '=', hubOrgId)
    .returning('last_object_seq')
    .executeTakeFirstOrThrow();
  const first = Number(top.last_object_seq) - rows.length + 1;
  for (let i = 0; i < rows.length; i += 200) {
    await ex
      .insertInto('sharing_taxii_objects')
      .values(
        rows
          .slice(i, i + 200)
          .map((r, j) => ({ ...r, hub_org_id: hubOrgId, seq: first + i + j, is_last: 1 })),
      )
      .onConflict((oc) => oc.columns(['hub_org_id', 'collection', 'stix_id', 'version']).doNothing())
      .execute();
  }
  // Versions that a newer one (just written, or already there) supersedes are no longer the last.
  const ids = [...new Set(rows.map((r) => r.stix_id))];
  const collections = [...new Set(rows.map((r) => r.collection))];
  for (let i = 0; i < ids.length; i += 500) {
    await ex
      .updateTable('sharing_taxii_objects')
      .set({ is_last: 0 })
      .where('hub_org_id', '=', hubOrgId)
      .where('collection', 'in', collections)
      .where('stix_id', 'in', ids.slice(i, i + 500))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('sharing_taxii_objects as n')
            .select('n.seq')
            .whereRef('n.hub_org_id', '=', 'sharing_taxii_objects.hub_org_id')
            .whereRef('n.collection', '=', 'sharing_taxii_objects.collection')
            .whereRef('n.stix_id', '=', 'sharing_taxii_objects.stix_id')
            .whereRef('n.version', '>', 'sharing_taxii_objects.version'),
        ),
      )
      .execute();
  }
}

/** One page of a collection in sequence order: the TAXII filters, the version rule, after the cursor. */
export async function listTaxiiObjects(ex: Executor, q: TaxiiQuery): Promise<SharingTaxiiObjectRow[]> {
  let s = ex
    .selectFrom('sharing_taxii_objects as o')
    .selectAll('o')
    .where('o.hub_org_id', '=', q.hubOrgId)
    .where('o.collection', '=', q.collection)
    .where('o.seq', '>', q.afterSeq);
  if (q.addedAfter !== undefined) s = s.where('o.date_added', '>', q.addedAfter);
  if (q.ids?.length) s = s.where('o.stix_id', 'in', q.ids);
  if (q.types?.length) s = s.where('o.stix_type', 'in', q.types);
  s = s.where((eb) => {
    const other = (cmp: '>' | '<') =>
      eb.exists(
        eb
          .selectFrom('sharing_taxii_objects as n')
          .select('n.seq')
          .whereRef('n.hub_org_id', '=', 'o.hub_org_id')
          .whereRef('n.collection', '=', 'o.collection')
          .whereRef('n.stix_id', '=', 'o.stix_id')
          .whereRef('n.version', cmp, 'o.version'),
      );
    return eb.or(
      q.versions.map((v) => {
        if (v.kind === 'all') return eb.lit(true);
        if (v.kind === 'last') return eb('o.is_last', '=', 1);
        if (v.kind === 'first') return eb.not(other('<'));
        return eb('o.version', 'in', v.at);
      }),
    );
  });
  return s.orderBy('o.seq').limit(q.limit).execute();
}
