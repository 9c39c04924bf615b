import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { SoftwareNotificationSettingsTable } from './tables.ts';

/** Per-organization settings of the software module: the license policy and how new findings are notified. */
export type SoftwareNotificationRow = Selectable<SoftwareNotificationSettingsTable>;

// ---- license policy, notifications ----------------------------------------------------------

export async function getSoftwareLicensePolicy(
  ex: Executor,
  orgId: string,
): Promise<{ allow: string[]; deny: string[] } | null> {
  const row = await ex
    .selectFrom('software_license_policies')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row ? { allow: JSON.parse(row.allow) as string[], deny: JSON.parse(row.deny) as string[] } : null;
}

export async function putSoftwareLicensePolicy(
  ex: Executor,
  orgId: string,
  policy: { allow: readonly string[]; deny: readonly string[] },
  now: string,
): Promise<void> {
  const values = { allow: JSON.stringify(policy.allow), deny: JSON.stringify(policy.deny), updated_at: now };
  await ex
    .insertInto('software_license_policies')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}

export async function getSoftwareNotifications(
  ex: Executor,
  orgId: string,
): Promise<SoftwareNotificationRow | undefined> {
  return ex
    .selectFrom('software_notification_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function putSoftwareNotifications(ex: Executor, row: SoftwareNotificationRow): Promise<void> {
  const { org_id: _org, ...rest } = row;
  await ex
    .insertInto('software_notification_settings')
    .values(row)
    .onConflict((oc) => oc.column('org_id').doUpdateSet(rest))
    .execute();
}
