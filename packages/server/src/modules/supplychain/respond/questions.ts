import type { Deps } from '../../../platform/deps.ts';
import { loadCatalog } from '../../library/public.ts';
import { campaignItems } from '../campaigns/preflight.ts';
import type { Respondent } from './session.ts';

type Questions = { catalog: Awaited<ReturnType<typeof loadCatalog>>; all: ReturnType<typeof campaignItems> };
const QUESTIONS_KEPT = 64;
const questionsByStore = new WeakMap<object, Map<string, Promise<Questions>>>();

/**
 * The campaign's catalog, parsed, and its items. A stored catalog never changes (a new version is a new
 * row, and none is deleted), so both are kept per store, organization, catalog and tier (at most
 * QUESTIONS_KEPT): a respondent saving answer after answer does not read and parse the whole pack each time.
 */
export function questions(deps: Deps, r: Respondent): Promise<Questions> {
  let kept = questionsByStore.get(deps.store);
  if (!kept) questionsByStore.set(deps.store, (kept = new Map<string, Promise<Questions>>()));
  const key = `${r.link.org_id} ${r.campaign.catalog_id} ${r.campaign.tier ?? ''}`;
  let q = kept.get(key);
  if (!q) {
    q = loadCatalog(deps.store.db, r.link.org_id, r.campaign.catalog_id).then((catalog) => ({
      catalog,
      all: campaignItems(catalog, r.campaign.tier),
    }));
    q.catch(() => kept.delete(key));
    if (kept.size >= QUESTIONS_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, q);
  }
  return q;
}
