import type { Executor } from '../../database.ts';
import { runCompiled, slot } from '../../platform/compiled.ts';
import type { CampaignItemRow } from './repo.ts';

// An item's state in a request: read and written on every answer a respondent saves, so compiled once.

/** One item's state in a request (undefined: never answered or returned); compiled once. */
export async function findCampaignItem(
  ex: Executor,
  orgId: string,
  requestId: string,
  ref: string,
): Promise<CampaignItemRow | undefined> {
  const r = await runCompiled(
    ex,
    'supplychain.findCampaignItem',
    (e) =>
      e
        .selectFrom('campaign_items')
        .selectAll()
        .where('org_id', '=', slot(0))
        .where('request_id', '=', slot(1))
        .where('ref', '=', slot(2)),
    [orgId, requestId, ref],
  );
  return r.rows[0];
}

/** Creates or replaces an item's state (compiled once). */
export async function saveCampaignItem(ex: Executor, row: CampaignItemRow): Promise<void> {
  const values: unknown[] = [];
  for (const [c, i] of Object.entries(ITEM_SLOTS)) values[i] = row[c as keyof CampaignItemRow];
  await runCompiled(ex, 'supplychain.saveCampaignItem', saveItemQuery, values);
}

const ITEM_SLOTS: Record<keyof CampaignItemRow, number> = {
  request_id: 0,
  org_id: 1,
  ref: 2,
  state: 3,
  follow_reason: 4,
  follow_date: 5,
  return_note: 6,
  returned_at: 7,
  accepted_at: 8,
  answered_by_link: 9,
  updated_at: 10,
  reused_from: 11,
};
const saveItemQuery = (ex: Executor) => {
  const row = Object.fromEntries(
    Object.entries(ITEM_SLOTS).map(([c, i]) => [c, slot(i)]),
  ) as unknown as CampaignItemRow;
  const { request_id: _r, ref: _f, org_id: _o, ...rest } = row;
  return ex
    .insertInto('campaign_items')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['request_id', 'ref'])
        .doUpdateSet((eb) =>
          Object.fromEntries(Object.keys(rest).map((c) => [c, eb.ref(`excluded.${c}` as 'excluded.state')])),
        ),
    );
};
