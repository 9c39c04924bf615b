import type { Executor } from '../database.ts';

export async function getSetting(ex: Executor, key: string): Promise<string | null> {
  const row = await ex.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function setSetting(ex: Executor, key: string, value: string): Promise<void> {
  await ex
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/**
 * Sets `key` to `value` unless it already holds a value from `since` on (ISO 8601 UTC text compares in time
 * order). True when this call set it: of concurrent callers exactly one wins, so a once-a-month action keyed on
 * it runs once however many workers try at the same time.
 */
export async function claimSetting(
  ex: Executor,
  key: string,
  value: string,
  since: string,
): Promise<boolean> {
  const inserted = await ex
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
  const updated = await ex
    .updateTable('settings')
    .set({ value })
    .where('key', '=', key)
    .where('value', '<', since)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function deleteSetting(ex: Executor, key: string): Promise<void> {
  await ex.deleteFrom('settings').where('key', '=', key).execute();
}
