import { findVisibleSharingReport, listSharingMembers } from '@shinrai/store';
import type { Deps } from '../../../platform/deps.ts';

/**
 * The member organizations a published report is for: the hub's active members for whom the module's one
 * visibility rule (`visibleSharingReports`: current NDA, not TLP:RED, sector groups) lets it through. The
 * rule is asked member by member, so notification and reading can never disagree.
 */
export async function publishedAudience(deps: Deps, hubOrgId: string, reportId: string): Promise<string[]> {
  const db = deps.store.db;
  const candidates = await listSharingMembers(db, hubOrgId);
  const out: string[] = [];
  for (const m of candidates) if (await findVisibleSharingReport(db, m.id, reportId)) out.push(m.id);
  return out;
}
