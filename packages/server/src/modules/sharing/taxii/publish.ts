import type { Tlp } from '@shinrai/core/sharing';
import { insertTaxiiObjects, type Executor, type SharingReportRow } from '@shinrai/store';
import { stixOfReport } from '../feed-service.ts';
import { collectionKeysOf } from './collections.ts';

/**
 * Writes a report being published into its TAXII collections, in the publishing transaction: the STIX objects of
 * its bundle, each with the publication time as date_added, under the hub's next sequence numbers.
 */
export async function recordTaxiiObjects(
  trx: Executor,
  row: SharingReportRow,
  groupIds: string[],
): Promise<void> {
  const keys = collectionKeysOf(row.tlp as Tlp, groupIds);
  if (keys.length === 0) return;
  const bundle = await stixOfReport(trx, row);
  const dateAdded = row.published_at ?? row.updated_at;
  const rows = keys.flatMap((collection) =>
    bundle.objects.map((o) => ({
      collection,
      report_id: row.id,
      stix_id: String(o.id),
      stix_type: String(o.type),
      version: String(o.modified ?? o.created),
      date_added: dateAdded,
      object: JSON.stringify(o),
    })),
  );
  await insertTaxiiObjects(trx, row.hub_org_id, rows);
}
