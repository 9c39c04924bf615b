import { starMet } from './star.ts';
import type { Criticality } from './supplier.ts';

/**
 * The coverage dashboard's figures beyond 状況把握率 (see coverage.ts): overdue requests, the weakest
 * suppliers, the spread of scores, the trend over campaigns and who is due for the annual re-evaluation.
 *
 * The campaign score of a supplier: the score (0–100 %, points obtained over the points of the answered
 * scored items, as the assessment engine computes it) of its latest campaign answer the buyer accepted.
 */

export interface DashboardCampaign {
  id: string;
  title: string;
  /** YYYY-MM-DD, Japan time. */
  deadline: string;
  /** 'draft' | 'sent' | 'closed' */
  status: string;
  sentAt: string | null;
}

export interface DashboardRequest {
  id: string;
  campaignId: string;
  supplierId: string;
  supplierName: string;
  /** RequestStatus of campaigns/questions.ts. */
  status: string;
  acceptedAt: string | null;
  /** The accepted answer's score, 0–100 (null: not accepted or nothing scored). */
  scorePercent: number | null;
}

export interface DashboardSupplier {
  id: string;
  name: string;
  criticality: Criticality;
}

export interface OverdueRequest {
  requestId: string;
  campaignId: string;
  campaignTitle: string;
  supplierId: string;
  supplierName: string;
  deadline: string;
  daysOverdue: number;
}

const OPEN = new Set(['queued', 'sent', 'opened']);

const dayNumber = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / 86_400_000;

/**
 * Requests of sent campaigns whose deadline (a Japan day) has passed while the supplier has not
 * submitted; most overdue first. `today` is the Japan day (japanDay).
 */
export function overdueRequests(
  campaigns: readonly DashboardCampaign[],
  requests: readonly DashboardRequest[],
  today: string,
): OverdueRequest[] {
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const out: OverdueRequest[] = [];
  for (const r of requests) {
    const c = byId.get(r.campaignId);
    if (!c || c.status !== 'sent' || !OPEN.has(r.status) || c.deadline >= today) continue;
    out.push({
      requestId: r.id,
      campaignId: c.id,
      campaignTitle: c.title,
      supplierId: r.supplierId,
      supplierName: r.supplierName,
      deadline: c.deadline,
      daysOverdue: dayNumber(today) - dayNumber(c.deadline),
    });
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || a.supplierName.localeCompare(b.supplierName));
}

export interface SupplierScore {
  supplierId: string;
  supplierName: string;
  criticality: Criticality;
  percent: number;
  acceptedAt: string;
  campaignId: string;
}

/** Each current supplier's campaign score: its latest accepted answer that has a score. */
export function latestScores(
  suppliers: readonly DashboardSupplier[],
  requests: readonly DashboardRequest[],
): SupplierScore[] {
  const byId = new Map(suppliers.map((s) => [s.id, s]));
  const latest = new Map<string, SupplierScore>();
  for (const r of requests) {
    const s = byId.get(r.supplierId);
    if (!s || r.acceptedAt === null || r.scorePercent === null) continue;
    const prev = latest.get(s.id);
    if (prev && prev.acceptedAt >= r.acceptedAt) continue;
    latest.set(s.id, {
      supplierId: s.id,
      supplierName: s.name,
      criticality: s.criticality,
      percent: r.scorePercent,
      acceptedAt: r.acceptedAt,
      campaignId: r.campaignId,
    });
  }
  return [...latest.values()];
}

const CRIT_ORDER: Record<Criticality, number> = { high: 0, medium: 1, low: 2 };

/** The `limit` lowest campaign scores; ties go to the more critical supplier, then by name. */
export function weakestSuppliers(scores: readonly SupplierScore[], limit = 10): SupplierScore[] {
  return [...scores]
    .sort(
      (a, b) =>
        a.percent - b.percent ||
        CRIT_ORDER[a.criticality] - CRIT_ORDER[b.criticality] ||
        a.supplierName.localeCompare(b.supplierName),
    )
    .slice(0, limit);
}

export interface ScoreBand {
  /** Lower bound, inclusive. */
  from: number;
  /** Upper bound, exclusive (the last band includes 100). */
  to: number;
  count: number;
}

/** Score bands of 20 points: 0–20, 20–40, 40–60, 60–80, 80–100 (100 falls in the last). */
export const SCORE_BAND_EDGES = [0, 20, 40, 60, 80, 100] as const;

/** How many suppliers' campaign scores fall in each band, and how many suppliers have no score. */
export function scoreDistribution(
  scores: readonly SupplierScore[],
  supplierCount: number,
): { bands: ScoreBand[]; unscored: number } {
  const bands = SCORE_BAND_EDGES.slice(0, -1).map((from, i) => ({
    from,
    to: SCORE_BAND_EDGES[i + 1]!,
    count: 0,
  }));
  for (const s of scores) {
    const i = Math.min(bands.length - 1, Math.max(0, Math.floor(s.percent / 20)));
    bands[i]!.count += 1;
  }
  return { bands, unscored: Math.max(0, supplierCount - scores.length) };
}

export interface CampaignTrendPoint {
  campaignId: string;
  title: string;
  sentAt: string;
  requests: number;
  accepted: number;
  /** accepted / requests, 0–1 (null with no request). */
  rate: number | null;
  /** Mean campaign score of the accepted answers that have one (null when none). */
  meanScore: number | null;
}

/** Per sent campaign, oldest first: how many requests were accepted, and their mean score. */
export function campaignTrend(
  campaigns: readonly DashboardCampaign[],
  requests: readonly DashboardRequest[],
): CampaignTrendPoint[] {
  const per = new Map<string, { n: number; acc: number; sum: number; scored: number }>();
  for (const r of requests) {
    const p = per.get(r.campaignId) ?? { n: 0, acc: 0, sum: 0, scored: 0 };
    p.n += 1;
    if (r.acceptedAt !== null) {
      p.acc += 1;
      if (r.scorePercent !== null) {
        p.sum += r.scorePercent;
        p.scored += 1;
      }
    }
    per.set(r.campaignId, p);
  }
  return campaigns
    .filter((c): c is DashboardCampaign & { sentAt: string } => c.sentAt !== null)
    .sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id))
    .map((c) => {
      const p = per.get(c.id) ?? { n: 0, acc: 0, sum: 0, scored: 0 };
      return {
        campaignId: c.id,
        title: c.title,
        sentAt: c.sentAt,
        requests: p.n,
        accepted: p.acc,
        rate: p.n === 0 ? null : p.acc / p.n,
        meanScore: p.scored === 0 ? null : Math.round((p.sum / p.scored) * 10) / 10,
      };
    });
}

/** A status older than this many months is due for the annual re-evaluation (it lapses at 12). */
export const REEVALUATION_DUE_MONTHS = 11;

export interface ReevaluationDue {
  supplierId: string;
  supplierName: string;
  criticality: Criticality;
  /** Latest accepted status (null: none within the last 12 months). */
  knownSince: string | null;
}

/**
 * Suppliers due for the annual re-evaluation: no known status, or one older than 11 months. Those
 * without any status first, then the oldest; within that, the most critical first.
 */
export function reevaluationDue(
  suppliers: readonly DashboardSupplier[],
  knownSince: ReadonlyMap<string, string>,
  now: Date,
): ReevaluationDue[] {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - REEVALUATION_DUE_MONTHS);
  const cutoff = d.toISOString();
  return suppliers
    .map((s) => ({
      supplierId: s.id,
      supplierName: s.name,
      criticality: s.criticality,
      knownSince: knownSince.get(s.id) ?? null,
    }))
    .filter((s) => s.knownSince === null || s.knownSince < cutoff)
    .sort(
      (a, b) =>
        (a.knownSince ?? '').localeCompare(b.knownSince ?? '') ||
        CRIT_ORDER[a.criticality] - CRIT_ORDER[b.criticality] ||
        a.supplierName.localeCompare(b.supplierName),
    );
}

export interface StarLevelSummary {
  /** The ★ level required (3 or 4). */
  level: number;
  /** Suppliers required to hold it. */
  required: number;
  /** Of those, how many hold it (starMet). */
  met: number;
}

/** ★ levels required of suppliers against what they hold, per required level (ascending). */
export function starSummary(
  suppliers: readonly { starRequired: number | null; starHeld: number | null }[],
): StarLevelSummary[] {
  const per = new Map<number, StarLevelSummary>();
  for (const s of suppliers) {
    if (s.starRequired === null) continue;
    const p = per.get(s.starRequired) ?? { level: s.starRequired, required: 0, met: 0 };
    p.required += 1;
    if (starMet(s.starRequired, s.starHeld)) p.met += 1;
    per.set(s.starRequired, p);
  }
  return [...per.values()].sort((a, b) => a.level - b.level);
}
