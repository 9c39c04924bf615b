import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { SharingDeliveriesTable, SharingNotifySettingsTable } from './tables.ts';

export type SharingNotifySettingsRow = Selectable<SharingNotifySettingsTable>;
export type SharingDeliveryRow = Selectable<SharingDeliveriesTable>;

export async function getSharingNotifySettings(ex: Executor, orgId: string) {
  return ex.selectFrom('sharing_notify_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function putSharingNotifySettings(ex: Executor, row: SharingNotifySettingsRow) {
  await ex
    .insertInto('sharing_notify_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({
        webhook_url: row.webhook_url,
        webhook_secret: row.webhook_secret,
        email_enabled: row.email_enabled,
        email_to: row.email_to,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Records deliveries; one already recorded for the same source, organization and channel is kept as it is. */
export async function insertSharingDeliveries(ex: Executor, rows: SharingDeliveryRow[]) {
  for (let i = 0; i < rows.length; i += 200)
    await ex
      .insertInto('sharing_deliveries')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['source_id', 'org_id', 'channel']).doNothing())
      .execute();
}

export async function listPendingSharingDeliveries(ex: Executor, sourceId: string) {
  return ex
    .selectFrom('sharing_deliveries')
    .selectAll()
    .where('source_id', '=', sourceId)
    .where('status', '=', 'pending')
    .orderBy('id')
    .execute();
}

export async function findSharingDelivery(ex: Executor, id: string) {
  return ex.selectFrom('sharing_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateSharingDelivery(
  ex: Executor,
  id: string,
  patch: Pick<SharingDeliveryRow, 'status' | 'attempts' | 'http_status' | 'last_error' | 'updated_at'>,
) {
  await ex.updateTable('sharing_deliveries').set(patch).where('id', '=', id).execute();
}

/** The organization's latest deliveries (its own only). */
export async function listSharingDeliveries(ex: Executor, orgId: string, limit = 20) {
  return ex
    .selectFrom('sharing_deliveries')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** One sighting or comment with its organization's name (whether to show the name is the caller's rule). */
export async function findSharingComment(ex: Executor, id: string) {
  return ex
    .selectFrom('sharing_comments as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .selectAll('c')
    .select('o.name as org_name')
    .where('c.id', '=', id)
    .executeTakeFirst();
}
