/**
 * Same-industry comparison (同業他社との比較) under k-anonymity: an average is shown only when at least
 * `k` other organizations contribute to it, so no single organization's value can be read off.
 */
export const PEER_MIN_CONTRIBUTORS = 5;

export interface PeerContribution {
  orgId: string;
  values: Readonly<Record<string, number | null>>;
}

export type PeerComparison =
  | { available: false; contributors: number }
  | { available: true; contributors: number; averages: Record<string, number | null> };

/**
 * Averages per key over distinct organizations (one contribution each; later duplicates are ignored,
 * `excludeOrgId` — the caller — never counts). Nothing but the count comes back below `k` contributors;
 * a single key with fewer than `k` values gets null instead of an average.
 */
export function peerComparison(
  contributions: readonly PeerContribution[],
  keys: readonly string[],
  opts: { excludeOrgId?: string; k?: number } = {},
): PeerComparison {
  const k = Math.max(2, Math.floor(opts.k ?? PEER_MIN_CONTRIBUTORS));
  const seen = new Set<string>();
  const distinct: PeerContribution[] = [];
  for (const c of contributions) {
    if (c.orgId === opts.excludeOrgId || seen.has(c.orgId)) continue;
    seen.add(c.orgId);
    distinct.push(c);
  }
  if (distinct.length < k) return { available: false, contributors: distinct.length };
  const averages: Record<string, number | null> = {};
  for (const key of keys) {
    const values = distinct
      .map((c) => c.values[key])
      .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    averages[key] =
      values.length < k ? null : Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10;
  }
  return { available: true, contributors: distinct.length, averages };
}
