/**
 * Same-industry comparison (同業他社との比較). An average over a handful of organizations gives one of
 * them away when someone controls the others: with exactly five contributors, four throwaway
 * organizations read the fifth's ten scores exactly. So:
 *
 * - only **verified** organizations count: ones with a corporate number (法人番号, check digit valid),
 *   and one organization per corporate number;
 * - only **distinct** ones: organizations linked by a person (a member in common, or created by the
 *   same user) count once, as one contributor;
 * - an average needs at least PEER_MIN_CONTRIBUTORS of them, per directive too;
 * - it is rounded to PEER_BUCKET_POINTS-point buckets, so no one contributor's value can be solved for;
 * - it is computed on a schedule (once a day), not live, so adding or removing one organization and
 *   asking again does not single out its value.
 */
export const PEER_MIN_CONTRIBUTORS = 10;
export const PEER_BUCKET_POINTS = 10;

export interface PeerCandidate {
  orgId: string;
  /** Its corporate number (法人番号); null: not verified, never counted. */
  corporateNumber: string | null;
  /** The people behind it: its members and its creator (user ids). */
  people: readonly string[];
  values: Readonly<Record<string, number | null>>;
}

export type PeerBenchmark =
  | { available: false; contributors: number }
  | { available: true; contributors: number; averages: Record<string, number | null> };

/** The contributors that count: verified, one per corporate number, one per group of linked organizations (lowest id). */
export function distinctPeers(candidates: readonly PeerCandidate[]): PeerCandidate[] {
  const sorted = [...candidates]
    .filter((c) => c.corporateNumber !== null && c.corporateNumber !== '')
    .sort((a, b) => (a.orgId < b.orgId ? -1 : a.orgId > b.orgId ? 1 : 0));
  // Union-find over organizations, joined through a shared person or a shared corporate number.
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    while (parent[i] !== r) {
      const next = parent[i] ?? r;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const firstWith = new Map<string, number>();
  sorted.forEach((c, i) => {
    for (const key of [`n:${c.corporateNumber}`, ...c.people.map((p) => `p:${p}`)]) {
      const seen = firstWith.get(key);
      if (seen === undefined) firstWith.set(key, i);
      else union(seen, i);
    }
  });
  return sorted.filter((_, i) => find(i) === i);
}

/** Rounds to the nearest bucket (10-point steps by default). */
export function toBucket(value: number, bucket = PEER_BUCKET_POINTS): number {
  return Math.round(value / bucket) * bucket;
}

/**
 * The benchmark of one industry: nothing but the number of distinct contributors below `k`; otherwise
 * per key the bucketed average over the contributors that answered it, or null when fewer than `k` did.
 */
export function peerBenchmark(
  candidates: readonly PeerCandidate[],
  keys: readonly string[],
  opts: { k?: number; bucket?: number } = {},
): PeerBenchmark {
  const k = Math.max(PEER_MIN_CONTRIBUTORS, Math.floor(opts.k ?? PEER_MIN_CONTRIBUTORS));
  const distinct = distinctPeers(candidates);
  if (distinct.length < k) return { available: false, contributors: distinct.length };
  const averages: Record<string, number | null> = {};
  for (const key of keys) {
    const values = distinct
      .map((c) => c.values[key])
      .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    averages[key] =
      values.length < k ? null : toBucket(values.reduce((s, v) => s + v, 0) / values.length, opts.bucket);
  }
  return { available: true, contributors: distinct.length, averages };
}
