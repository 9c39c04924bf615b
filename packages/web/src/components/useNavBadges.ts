import { useEffect, useState } from 'react';
import type { NavEntry } from '../modules/types';

/** Fired by a page whose action changes a menu count (e.g. a request accepted), to refresh the badges. */
export const NAV_BADGES_EVENT = 'shinrai:nav-badges';

export function refreshNavBadges(): void {
  window.dispatchEvent(new Event(NAV_BADGES_EVENT));
}

/**
 * The counts shown on menu entries that declare a `badge` (section → count), for the organization in
 * the path; read again on every page change and when a page says a count changed. A count that cannot
 * be read shows no badge.
 */
export function useNavBadges(
  entries: readonly NavEntry[],
  orgId: string | undefined,
  pathname: string,
): Record<string, number> {
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const onChange = () => setTick((n) => n + 1);
    window.addEventListener(NAV_BADGES_EVENT, onChange);
    return () => window.removeEventListener(NAV_BADGES_EVENT, onChange);
  }, []);
  useEffect(() => {
    let active = true;
    if (!orgId) {
      setCounts({});
      return;
    }
    const withBadge = entries.filter((e) => e.badge);
    void Promise.all(
      withBadge.map(
        async (e) => [e.section, await (e.badge?.(orgId) ?? Promise.resolve(0)).catch(() => 0)] as const,
      ),
    ).then((pairs) => {
      if (active) setCounts(Object.fromEntries(pairs));
    });
    return () => {
      active = false;
    };
  }, [entries, orgId, pathname, tick]);
  return counts;
}
