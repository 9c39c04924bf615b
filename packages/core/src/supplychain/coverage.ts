import type { Criticality } from './supplier.ts';

/**
 * 状況把握率 (the share of suppliers whose security status the buyer knows). A supplier's status is known when
 * it has an accepted assessment or declaration (a campaign answer the buyer accepted, a ★ result, a shared
 * self-assessment) dated within the last 12 months. Whatever provides those dates (campaign results, shares)
 * hands them in as `StatusEvidence`; this function only counts.
 */
export interface StatusEvidence {
  supplierId: string;
  /** When the answer or declaration was accepted (ISO 8601). */
  acceptedAt: string;
  /** Where it came from, e.g. 'campaign', 'star', 'declaration'. */
  source: string;
}

export interface CoverageSupplier {
  id: string;
  criticality: Criticality;
  tier: number;
}

export interface CoverageCell {
  total: number;
  known: number;
  /** known / total, 0–1; null when there is no supplier. */
  rate: number | null;
}

export interface Coverage {
  overall: CoverageCell;
  byCriticality: Record<Criticality, CoverageCell>;
  /** Keyed by tier number (1, 2, …), in ascending order. */
  byTier: { tier: number; cell: CoverageCell }[];
  /** Suppliers whose status is known, with the latest evidence date. */
  knownSince: Map<string, string>;
}

/** Months a status stays known after it was accepted. */
export const STATUS_VALID_MONTHS = 12;

/** The date before which evidence no longer counts (same day, 12 months earlier, UTC). */
export function statusCutoff(now: Date): string {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - STATUS_VALID_MONTHS);
  return d.toISOString();
}

const cell = (total: number, known: number): CoverageCell => ({
  total,
  known,
  rate: total === 0 ? null : known / total,
});

/** Counts known statuses overall, by criticality and by tier. */
export function coverage(
  suppliers: readonly CoverageSupplier[],
  evidence: readonly StatusEvidence[],
  now: Date,
): Coverage {
  const cutoff = statusCutoff(now);
  const nowIso = now.toISOString();
  const knownSince = new Map<string, string>();
  for (const e of evidence) {
    if (e.acceptedAt < cutoff || e.acceptedAt > nowIso) continue;
    const prev = knownSince.get(e.supplierId);
    if (prev === undefined || e.acceptedAt > prev) knownSince.set(e.supplierId, e.acceptedAt);
  }
  const counts = new Map<string, [number, number]>();
  const bump = (key: string, known: boolean) => {
    const c = counts.get(key) ?? [0, 0];
    c[0] += 1;
    if (known) c[1] += 1;
    counts.set(key, c);
  };
  const tiers = new Set<number>();
  for (const s of suppliers) {
    const known = knownSince.has(s.id);
    bump('all', known);
    bump(`c:${s.criticality}`, known);
    bump(`t:${s.tier}`, known);
    tiers.add(s.tier);
  }
  const get = (key: string) => {
    const [t, k] = counts.get(key) ?? [0, 0];
    return cell(t, k);
  };
  const ids = new Set(suppliers.map((s) => s.id));
  for (const id of [...knownSince.keys()]) if (!ids.has(id)) knownSince.delete(id);
  return {
    overall: get('all'),
    byCriticality: { high: get('c:high'), medium: get('c:medium'), low: get('c:low') },
    byTier: [...tiers].sort((a, b) => a - b).map((tier) => ({ tier, cell: get(`t:${tier}`) })),
    knownSince,
  };
}
