// Attack information as other modules use it: the SME service desk (お助け隊) that comes next reads the
// indicators its organization received from its hubs, with their context, and only those their TLP lets
// it pass to the audience it serves. The same visibility rule as the feed and TAXII decides what a member
// received; the reporter is never part of it.
import {
  tlpAllows,
  type AttackType,
  type IndicatorType,
  type Tlp,
  type TlpAudience,
} from '@shinrai/core/sharing';
import { findOrganization, listVisibleSharingReports } from '@shinrai/store';
import type { Deps } from '../../platform/deps.ts';
import type { StoredIndicator } from './stored.ts';

export interface PublishedIndicator {
  type: IndicatorType;
  value: string;
  reportId: string;
  /** The published title and attack type of the report the indicator came with. */
  title: string;
  attackType: AttackType;
  tlp: Tlp;
  publishedAt: string;
  /** The hub that published it (the author of everything it publishes). */
  hubName: string;
}

/**
 * Indicators of the reports `orgId` received as a member, newest report first, limited to those TLP 2.0
 * lets it pass on to `audience` (e.g. `clients` for a desk's SME customers: CLEAR, GREEN and AMBER) and,
 * with `since`, to reports published at or after that time.
 */
export async function publishedIndicators(
  deps: Deps,
  orgId: string,
  input: { audience: TlpAudience; since?: string },
): Promise<PublishedIndicator[]> {
  const db = deps.store.db;
  const rows = (await listVisibleSharingReports(db, orgId)).filter(
    (r) =>
      tlpAllows(r.tlp as Tlp, input.audience) &&
      (input.since === undefined || (r.published_at ?? '') >= input.since),
  );
  const hubNames = new Map<string, string>();
  for (const hubId of new Set(rows.map((r) => r.hub_org_id)))
    hubNames.set(hubId, (await findOrganization(db, hubId))?.name ?? '');
  return rows.flatMap((r) =>
    (JSON.parse(r.indicators) as StoredIndicator[]).map((i) => ({
      type: i.type,
      value: i.value,
      reportId: r.id,
      title: r.published_title ?? '',
      attackType: r.attack_type as AttackType,
      tlp: r.tlp as Tlp,
      publishedAt: r.published_at ?? '',
      hubName: hubNames.get(r.hub_org_id) ?? '',
    })),
  );
}
