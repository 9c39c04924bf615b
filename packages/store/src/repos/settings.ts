import type { Executor } from '../schema.ts';

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
